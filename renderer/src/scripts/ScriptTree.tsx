import { ActionIcon, Badge, Menu, NavLink } from '@mantine/core';
import { IconDots, IconFileCode, IconFolder, IconFolderOpen, IconFolderShare, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ScriptSummary } from '../../../preload/contract/scripts';
import { SCRIPT_EXTENSIONS, type FolderNode } from '../../../main/domain/script';

export interface ScriptTreeActions {
  open(id: string): void;
  rename(script: ScriptSummary): void;
  move(script: ScriptSummary): void;
  remove(script: ScriptSummary): void;
  newScriptIn(folder: string): void;
  moveFolder(folder: string): void;
}

interface ScriptTreeProps {
  node: FolderNode<ScriptSummary>;
  selected: string | undefined;
  actions: ScriptTreeActions;
}

/** Folders (collapsible, first) and scripts, each with its menu; the selected script is highlighted. */
export function ScriptTree({ node, selected, actions }: ScriptTreeProps) {
  return (
    <>
      {node.folders.map((folder) => (
        <NavLink
          key={folder.path}
          component="div"
          role="button"
          label={folder.name}
          aria-label={`Folder ${folder.path}`}
          leftSection={<FolderIcon folder={folder} selected={selected} />}
          defaultOpened
          childrenOffset={14}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          rightSection={
            <ItemMenu label={`Actions for folder ${folder.path}`}>
              <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => actions.newScriptIn(folder.path)}>
                New script here
              </Menu.Item>
              <Menu.Item leftSection={<IconFolderShare size={14} />} onClick={() => actions.moveFolder(folder.path)}>
                Rename or move folder…
              </Menu.Item>
            </ItemMenu>
          }
        >
          <ScriptTree node={folder} selected={selected} actions={actions} />
        </NavLink>
      ))}
      {node.items.map((script) => (
        <NavLink
          key={script.id}
          component="div"
          role="button"
          tabIndex={0}
          label={script.name}
          active={script.id === selected}
          onClick={() => actions.open(script.id)}
          onKeyDown={(e) => e.key === 'Enter' && actions.open(script.id)}
          leftSection={<IconFileCode size={16} stroke={1.6} />}
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          rightSection={
            <>
              <Badge size="xs" variant="light" color="gray" mr={4}>
                {SCRIPT_EXTENSIONS[script.language]}
              </Badge>
              <ItemMenu label={`Actions for ${script.name}`}>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.rename(script)}>
                  Rename
                </Menu.Item>
                <Menu.Item leftSection={<IconFolderShare size={14} />} onClick={() => actions.move(script)}>
                  Move to folder…
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(script)}>
                  Delete
                </Menu.Item>
              </ItemMenu>
            </>
          }
        />
      ))}
    </>
  );
}

function FolderIcon({ folder, selected }: { folder: FolderNode<ScriptSummary>; selected: string | undefined }) {
  const holdsSelected = (node: FolderNode<ScriptSummary>): boolean =>
    node.items.some((s) => s.id === selected) || node.folders.some(holdsSelected);
  return holdsSelected(folder) ? <IconFolderOpen size={16} stroke={1.6} /> : <IconFolder size={16} stroke={1.6} />;
}

function ItemMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label={label} onClick={(e) => e.stopPropagation()}>
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>{children}</Menu.Dropdown>
    </Menu>
  );
}

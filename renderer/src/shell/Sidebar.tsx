import { ActionIcon, Badge, Divider, NavLink, ScrollArea, Stack, Tooltip } from '@mantine/core';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import { SECTIONS } from '../app/sections';
import { keyLabel } from '../app/shortcuts';
import { useSession } from '../stores/session-store';
import { useLayout } from './layout-store';

/** Sections of the studio, with item counts for the ones that hold project content; folds to icons to give the work room. */
export function Sidebar() {
  const current = useSession((s) => s.section);
  const setSection = useSession((s) => s.setSection);
  const counts = useSession((s) => s.project?.counts ?? {});
  const collapsed = useLayout((s) => s.sidebarCollapsed);
  const toggle = useLayout((s) => s.toggleSidebar);
  const toggleLabel = collapsed ? 'Show section names' : 'Fold the section list to icons';

  return (
    <ScrollArea h="100%" p="xs">
      <nav aria-label="Sections">
        <Stack gap={2}>
          {SECTIONS.map((section, index) => (
            <div key={section.id}>
              {section.id === 'testchat' && <Divider my={6} />}
              <NavLink
                component="button"
                label={collapsed ? undefined : section.label}
                aria-label={collapsed ? section.label : undefined}
                title={`${section.label} (${keyLabel(`alt+${index + 1}`)})`}
                leftSection={<section.icon size={18} stroke={1.6} />}
                rightSection={
                  !collapsed && section.kind && counts[section.kind] ? (
                    <Badge size="sm" variant="light" color="gray" circle={counts[section.kind] < 10}>
                      {counts[section.kind]}
                    </Badge>
                  ) : null
                }
                active={current === section.id}
                onClick={() => setSection(section.id)}
                aria-current={current === section.id ? 'page' : undefined}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            </div>
          ))}
          <Divider my={6} />
          <Tooltip label={toggleLabel} position="right">
            <ActionIcon variant="subtle" color="gray" aria-label={toggleLabel} onClick={toggle} mx={collapsed ? 'auto' : 8}>
              {collapsed ? <IconLayoutSidebarLeftExpand size={18} /> : <IconLayoutSidebarLeftCollapse size={18} />}
            </ActionIcon>
          </Tooltip>
        </Stack>
      </nav>
    </ScrollArea>
  );
}

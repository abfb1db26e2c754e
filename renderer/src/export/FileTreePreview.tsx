import { Group, Text, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { IconChevronDown, IconFile, IconFolder } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { fileTree, type FileTreeNode } from './export-targets';

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

const toData = (nodes: FileTreeNode[]): TreeNodeData[] =>
  nodes.map((n) => ({
    value: n.path,
    label: n.label,
    nodeProps: { bytes: n.bytes },
    children: n.children.length ? toData(n.children) : undefined,
  }));

/** The files an export wrote, as a folder tree with sizes, first level open. */
export function FileTreePreview({ files }: { files: readonly { path: string; bytes: number }[] }) {
  const data = useMemo(() => toData(fileTree(files)), [files]);
  const tree = useTree();
  useEffect(() => {
    tree.setExpandedState(Object.fromEntries(data.map((node) => [node.value, true])));
    // The tree controller is stable; expanding again only when the files change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  return (
    <Tree
      data={data}
      tree={tree}
      aria-label="Exported files"
      renderNode={({ node, expanded, hasChildren, elementProps }) => (
        <Group gap={6} wrap="nowrap" {...elementProps} py={2}>
          {hasChildren ? (
            <IconChevronDown size={14} style={{ transform: expanded ? undefined : 'rotate(-90deg)' }} />
          ) : (
            <span style={{ width: 14 }} />
          )}
          {hasChildren ? <IconFolder size={16} /> : <IconFile size={16} />}
          <Text size="sm" className="lw-mono">
            {node.label}
          </Text>
          {node.nodeProps?.bytes !== undefined && (
            <Text size="xs" c="dimmed">
              {size(node.nodeProps.bytes as number)}
            </Text>
          )}
        </Group>
      )}
    />
  );
}

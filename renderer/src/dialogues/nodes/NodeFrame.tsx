import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { DialogueNode } from '../../../../main/domain/dialogue';
import { useEditor } from '../editor-context';
import { INPUT_HANDLE } from '../graph/to-flow';
import { NODE_KINDS } from './node-kinds';
import classes from './nodes.module.css';

interface NodeFrameProps {
  node: DialogueNode;
  selected: boolean;
  isStart: boolean;
  children?: ReactNode;
}

/** The card every node shares: accent, title, start and problem markers, and the input handle. */
export function NodeFrame({ node, selected, isStart, children }: NodeFrameProps) {
  const kind = NODE_KINDS[node.kind];
  const problems = useEditor((s) => s.problemsByNode.get(node.id)?.length ?? 0);
  const errors = useEditor((s) => s.problemsByNode.get(node.id)?.some((p) => p.severity === 'error') ?? false);
  return (
    <div
      className={classes.node}
      data-selected={selected || undefined}
      data-problem={problems ? (errors ? 'error' : 'warning') : undefined}
      style={{ ['--accent' as string]: `var(--mantine-color-${kind.color}-6)` }}
      aria-label={`${kind.label} ${node.id}`}
      data-node-id={node.id}
    >
      <Handle type="target" id={INPUT_HANDLE} position={Position.Left} className={classes.input} />
      <div className={classes.header}>
        <kind.icon size={14} className={classes.kindIcon} />
        <span className={classes.kindLabel}>{kind.label}</span>
        {isStart && <span className={classes.start}>Start</span>}
        <span className={classes.nodeId}>{node.id}</span>
        {problems > 0 && (
          <span className={classes.problems} title={`${problems} problem${problems === 1 ? '' : 's'}`} aria-label={`${problems} problems`}>
            {problems}
          </span>
        )}
      </div>
      {children}
    </div>
  );
}

/** One labelled output with its source handle at the right edge, aligned with its row. */
export function OutputRow({ field, children, connected }: { field: string; children: ReactNode; connected: boolean }) {
  return (
    <div className={classes.output}>
      <div className={classes.outputLabel}>{children}</div>
      <Handle type="source" id={field} position={Position.Right} className={classes.handle} data-connected={connected || undefined} />
    </div>
  );
}

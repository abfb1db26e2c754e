import type { NodeOfKind } from '../../../../main/domain/dialogue';
import { OutputRow } from './NodeFrame';
import classes from './nodes.module.css';

/**
 * Where a jump or detour goes: a linkable output when it targets a node of this dialogue,
 * or the target in words when it names another dialogue or computes the node from an expression.
 */
export function TargetOutput({ node }: { node: NodeOfKind<'jump'> | NodeOfKind<'detour'> }) {
  if (node.expression !== undefined) return <code className={`${classes.text} ${classes.condition}`}>To {`{${node.expression}}`}</code>;
  if (node.dialogueId !== undefined) {
    return (
      <div className={classes.text}>
        To dialogue {node.dialogueId}
        {node.nodeId ? ` at ${node.nodeId}` : ''}
      </div>
    );
  }
  return (
    <OutputRow field="nodeId" connected={node.nodeId !== undefined}>
      {node.nodeId ? `To ${node.nodeId}` : node.kind === 'jump' ? 'Jump target' : 'Detour target'}
    </OutputRow>
  );
}

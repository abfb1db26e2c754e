import type { NodeProps, NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import type { DialogueNode, NodeOfKind } from '../../../../main/domain/dialogue';
import { useEditorStore } from '../editor-context';
import { flowType, type FlowNode } from '../graph/to-flow';
import { withOptional } from '../with-optional';
import { useReferenceNames } from '../references/reference-store';
import { InlineText } from './InlineText';
import { LineCardBody } from './LineCardBody';
import { NextOutput } from './NextOutput';
import { NodeFrame, OutputRow } from './NodeFrame';
import { GateNote } from './GateNote';
import { describeAction } from './node-text';
import { TargetOutput } from './TargetOutput';
import { useEditingHere } from './use-editing-here';
import classes from './nodes.module.css';

type ViewProps<K extends DialogueNode['kind']> = { node: NodeOfKind<K> };

/** Replaces the node in the dialogue as one undo step. */
function useCommit() {
  const store = useEditorStore();
  return (node: DialogueNode) => store.getState().run('updateNodes', { nodes: [node] });
}

function LineView({ node }: ViewProps<'line'>) {
  const commit = useCommit();
  return (
    <>
      <GateNote condition={node.condition} once={node.once} />
      <LineCardBody
        node={node}
        label="Line text"
        placeholder="Empty line"
        value={node.text}
        onCommit={(text) => commit({ ...node, text })}
      />
    </>
  );
}

function AiLineView({ node }: ViewProps<'aiLine'>) {
  const commit = useCommit();
  return (
    <LineCardBody
      node={node}
      label="Instruction"
      placeholder="What should the NPC improvise?"
      value={node.instruction}
      onCommit={(instruction) => commit({ ...node, instruction })}
    >
      <div className={classes.fallback}>
        <span className={classes.caption}>Fallback</span>
        <InlineText
          multiline
          label="Fallback line"
          placeholder="Said without a model"
          value={node.fallbackText}
          onCommit={(fallbackText) => commit({ ...node, fallbackText })}
        />
      </div>
    </LineCardBody>
  );
}

function ChoiceView({ node }: ViewProps<'choice'>) {
  const commit = useCommit();
  const editing = useEditingHere(node.id);
  return (
    <>
      {node.options.length === 0 && <div className={classes.hint}>No options yet: add them in the inspector</div>}
      {node.options.map((option, i) => (
        <OutputRow key={option.id} field={`options[${i}].target`} connected={option.target !== undefined}>
          <InlineText
            {...(i === 0 ? editing : {})}
            label={`Option ${i + 1} text`}
            placeholder={`Option ${i + 1}`}
            value={option.text}
            onCommit={(text) => commit({ ...node, options: node.options.map((o, j) => (j === i ? { ...o, text } : o)) })}
          />
          <GateNote condition={option.condition} once={option.once} />
        </OutputRow>
      ))}
      <OutputRow field="else" connected={node.else !== undefined}>
        When none is open
      </OutputRow>
    </>
  );
}

function BranchView({ node }: ViewProps<'branch'>) {
  return (
    <>
      {node.branches.map((branch, i) => (
        <OutputRow key={branch.id} field={`branches[${i}].target`} connected={branch.target !== undefined}>
          <GateNote condition={branch.condition || '…'} once={branch.once} />
        </OutputRow>
      ))}
      <OutputRow field="else" connected={node.else !== undefined}>
        Else
      </OutputRow>
    </>
  );
}

function ActionView({ node }: ViewProps<'action'>) {
  const names = useReferenceNames();
  return (
    <>
      <ul className={classes.actions}>
        {node.actions.length === 0 && <li className={classes.hint}>No actions yet</li>}
        {node.actions.map((action, i) => (
          <li key={i}>{describeAction(action, names)}</li>
        ))}
      </ul>
      <NextOutput next={node.next} />
    </>
  );
}

function JumpView({ node }: ViewProps<'jump'>) {
  return <TargetOutput node={node} />;
}

function DetourView({ node }: ViewProps<'detour'>) {
  return (
    <>
      <TargetOutput node={node} />
      <OutputRow field="next" connected={node.next !== undefined}>
        Then, back here
      </OutputRow>
    </>
  );
}

function ReturnView() {
  return <div className={classes.hint}>Back to where the detour was taken</div>;
}

function SectionView({ node }: ViewProps<'section'>) {
  const commit = useCommit();
  const editing = useEditingHere(node.id);
  return (
    <>
      <div className={classes.title}>
        <InlineText
          {...editing}
          label="Section title"
          placeholder="Untitled section"
          value={node.title}
          onCommit={(title) => title.trim() && commit({ ...node, title: title.trim() })}
        />
      </div>
      <NextOutput next={node.next} />
    </>
  );
}

function GroupView({ node }: ViewProps<'group'>) {
  return (
    <>
      {node.candidates.length === 0 && <div className={classes.hint}>No candidates yet: add them in the inspector</div>}
      {node.candidates.map((candidate, i) => (
        <OutputRow key={candidate.id} field={`candidates[${i}].target`} connected={candidate.target !== undefined}>
          <span>Candidate {i + 1}</span>
          <GateNote condition={candidate.condition} once={candidate.once} />
        </OutputRow>
      ))}
      <OutputRow field="else" connected={node.else !== undefined}>
        When none fits
      </OutputRow>
    </>
  );
}

function EndView({ node }: ViewProps<'end'>) {
  const commit = useCommit();
  const editing = useEditingHere(node.id);
  return (
    <InlineText
      {...editing}
      label="Outcome"
      placeholder="No outcome"
      value={node.outcome ?? ''}
      onCommit={(outcome) => commit(withOptional(node, 'outcome', outcome))}
    />
  );
}

type Views = { [K in DialogueNode['kind']]: (props: ViewProps<K>) => React.ReactNode };
const VIEWS: Views = {
  line: LineView,
  aiLine: AiLineView,
  choice: ChoiceView,
  branch: BranchView,
  action: ActionView,
  jump: JumpView,
  end: EndView,
  section: SectionView,
  group: GroupView,
  detour: DetourView,
  return: ReturnView,
};

/** One memoized xyflow component per kind, so moving the view or editing one node re-renders no other. */
function nodeComponent<K extends DialogueNode['kind']>(kind: K) {
  const View = VIEWS[kind] as (props: ViewProps<K>) => React.ReactNode;
  const Component = ({ data, selected }: NodeProps<FlowNode>) => (
    <NodeFrame node={data.node} selected={selected} isStart={data.isStart}>
      <View node={data.node as NodeOfKind<K>} />
    </NodeFrame>
  );
  Component.displayName = `${kind}Node`;
  return memo(Component);
}

export const NODE_TYPES: NodeTypes = Object.fromEntries(
  Object.keys(VIEWS).map((kind) => [flowType(kind as DialogueNode['kind']), nodeComponent(kind as DialogueNode['kind'])]),
);

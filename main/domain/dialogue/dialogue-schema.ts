import { z } from 'zod';
import { EXPRESSION_LIMITS } from './expression/limits';
import { SALIENCY_RULES, type Saliency as SaliencyRule } from './saliency';

/**
 * The dialogue record: declared variables, a start node and a graph of nodes keyed by id.
 * Conditions are stored as the text the creator wrote; the parser turns them into the
 * JSON syntax tree when validating, playing or exporting, so there is one source of truth.
 * Outputs (`next`, `target`, `else`) are optional: a node fresh from the palette is not
 * connected yet, validation says so, and the runtime ends the conversation there.
 */
export const DIALOGUE_LIMITS = {
  maxNodes: 50_000,
  maxTextLength: 20_000,
  maxOptions: 32,
  maxBranches: 32,
  maxActions: 32,
  maxVariables: 500,
  maxCommandArgs: 16,
} as const;

export const NodeId = z.string().min(1, 'Node id must not be empty').max(128);
export const VariableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Variable names are letters, digits and _, not starting with a digit, at most 64 long');
const ContentId = z.string().min(1).max(128);
/** Ids of options and branches, unique within their node, so edits and translations can follow them. */
const LocalId = z.string().min(1).max(64);
const Text = z.string().max(DIALOGUE_LIMITS.maxTextLength);
const Condition = z.string().max(EXPRESSION_LIMITS.maxLength);
export const ScalarValue = z.union([z.boolean(), z.number().refine(Number.isFinite, 'Numbers must be finite'), z.string().max(1000)]);

const description = z.string().max(500).optional();
/** Names of enums and their cases: `Food`, `Apple`, used in expressions as `Food.Apple` or `.Apple`. */
export const EnumName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Enum and case names are letters, digits and _, not starting with a digit');
/**
 * An enum the dialogue's variables can hold. A case's value is what `string()` / `number()`
 * give and what runtimes store; cases without one take their own name. The cases of one
 * enum are all numbers or all strings.
 */
export const EnumDeclaration = z.object({
  name: EnumName,
  cases: z
    .array(
      z.object({
        name: EnumName,
        value: z.union([z.number().refine(Number.isFinite, 'Numbers must be finite'), z.string().max(1000)]).optional(),
      }),
    )
    .min(1, 'An enum needs at least one case')
    .max(256),
  description,
});
export type EnumDeclaration = z.infer<typeof EnumDeclaration>;

export const VariableDeclaration = z.discriminatedUnion('type', [
  z.object({ name: VariableName, type: z.literal('bool'), default: z.boolean(), description }),
  z.object({
    name: VariableName,
    type: z.literal('number'),
    default: z.number().refine(Number.isFinite, 'Numbers must be finite'),
    description,
  }),
  z.object({ name: VariableName, type: z.literal('string'), default: z.string().max(1000), description }),
  /** Holds one case of `enum`; `default` is a case name. */
  z.object({ name: VariableName, type: z.literal('enum'), enum: EnumName, default: EnumName, description }),
  /** A smart variable: computed from `expression` each time it is read; it cannot be set. */
  z.object({ name: VariableName, type: z.literal('smart'), expression: z.string().min(1).max(EXPRESSION_LIMITS.maxLength), description }),
]);
export type VariableDeclaration = z.infer<typeof VariableDeclaration>;

export const DialogueAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('setVariable'),
    variable: VariableName,
    /** `+=` and `-=` apply to number variables. */
    operator: z.enum(['=', '+=', '-=']),
    value: ScalarValue,
    /** When present, the value is this expression (`$gold * 2`), evaluated when the action runs, instead of `value`. */
    expression: z.string().min(1).max(EXPRESSION_LIMITS.maxLength).optional(),
  }),
  /** Evaluates a function call for its effect, such as `assert($gold >= 0)`. */
  z.object({ type: z.literal('call'), expression: z.string().min(1).max(EXPRESSION_LIMITS.maxLength) }),
  /**
   * A game command written as text with `{expressions}` (Yarn's `<<show {$item}>>`): rendered
   * when it runs, then split at spaces (double quotes keep spaces) into a name and string arguments.
   */
  z.object({ type: z.literal('commandText'), text: z.string().min(1).max(1000) }),
  z.object({ type: z.literal('startQuest'), questId: ContentId }),
  /** Moves the quest to `stage`, or one stage on when absent. */
  z.object({ type: z.literal('advanceQuest'), questId: ContentId, stage: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('completeObjective'), questId: ContentId, objectiveId: ContentId }),
  z.object({ type: z.literal('completeQuest'), questId: ContentId }),
  z.object({ type: z.literal('giveItem'), itemId: ContentId, count: z.number().int().min(1).max(1_000_000) }),
  /** A game-defined hook (play a sound, open a shop); the runtime records it for the host. */
  z.object({
    type: z.literal('command'),
    name: z.string().regex(/^[A-Za-z_][\w.:-]{0,63}$/, 'Command names are letters, digits and _ . : -, at most 64 long'),
    args: z.array(ScalarValue).max(DIALOGUE_LIMITS.maxCommandArgs),
  }),
]);
export type DialogueAction = z.infer<typeof DialogueAction>;

const Position = z.object({ x: z.number().refine(Number.isFinite), y: z.number().refine(Number.isFinite) });
const base = { id: NodeId, position: Position };
/** Stable across edits of the text, so translations and voice-over recordings stay attached. */
const LineId = z.string().max(128);
const Emotion = z.string().max(64).optional();
/** Shown or taken only the first time in a playthrough's state (Yarn's `<<once>>`). */
const Once = z.boolean().optional();

export const LineNode = z.object({
  ...base,
  kind: z.literal('line'),
  speaker: z.string().max(200),
  text: Text,
  lineId: LineId,
  emotion: Emotion,
  /** A line whose condition is false, or a `once` line already said, is skipped on to `next`. */
  condition: Condition.optional(),
  once: Once,
  next: NodeId.optional(),
});

/** An option that is `once` cannot be chosen again after it was chosen. */
export const ChoiceOption = z.object({ id: LocalId, text: Text, condition: Condition.optional(), once: Once, target: NodeId.optional() });
/** When no option is available the player sees them all, greyed, and continues at `else` (Yarn's fallthrough). */
export const ChoiceNode = z.object({
  ...base,
  kind: z.literal('choice'),
  options: z.array(ChoiceOption).max(DIALOGUE_LIMITS.maxOptions),
  else: NodeId.optional(),
});

/** Branches are tried in order; the first whose condition holds (and, when `once`, was not taken before) is taken, else `else`. */
export const ConditionBranch = z.object({ id: LocalId, condition: Condition, once: Once, target: NodeId.optional() });
export const BranchNode = z.object({
  ...base,
  kind: z.literal('branch'),
  branches: z.array(ConditionBranch).max(DIALOGUE_LIMITS.maxBranches),
  else: NodeId.optional(),
});

export const ActionNode = z.object({
  ...base,
  kind: z.literal('action'),
  actions: z.array(DialogueAction).max(DIALOGUE_LIMITS.maxActions),
  next: NodeId.optional(),
});

/**
 * A node of this dialogue, or with `dialogueId` another dialogue (its start when `nodeId` is
 * absent). With `expression`, the target is the node whose id the string expression gives
 * when the jump runs (Yarn's `<<jump {$next}>>`). A jump leaves every section being played,
 * detours included.
 */
export const JumpNode = z.object({
  ...base,
  kind: z.literal('jump'),
  dialogueId: ContentId.optional(),
  nodeId: NodeId.optional(),
  expression: Condition.optional(),
});

/**
 * Plays the target (as a jump names it) and, when that reaches a return node, an end of its
 * path, or runs out of outputs, comes back and continues at `next` (Yarn's `<<detour>>`, ink's tunnels).
 */
export const DetourNode = z.object({
  ...base,
  kind: z.literal('detour'),
  dialogueId: ContentId.optional(),
  nodeId: NodeId.optional(),
  expression: Condition.optional(),
  next: NodeId.optional(),
});

/** Returns from the detour being played; outside a detour it ends the conversation. */
export const ReturnNode = z.object({ ...base, kind: z.literal('return') });

/**
 * A named part of the dialogue (a Yarn node, an ink knot). `visited()` counts a section once
 * it is left: by a jump, by the return of a detour, or by the end of the conversation.
 */
export const SectionNode = z.object({ ...base, kind: z.literal('section'), title: z.string().min(1).max(128), next: NodeId.optional() });

/**
 * One of several candidates is played (Yarn's line groups `=>` and node groups `when:`,
 * storylets): those whose condition holds and, when `once`, were not played before, are
 * ranked by the dialogue's saliency rule; none available continues at `else`.
 */
export const GroupCandidate = z.object({ id: LocalId, condition: Condition.optional(), once: Once, target: NodeId.optional() });
export const GroupNode = z.object({
  ...base,
  kind: z.literal('group'),
  candidates: z.array(GroupCandidate).max(DIALOGUE_LIMITS.maxOptions),
  else: NodeId.optional(),
});

/** The NPC improvises within `instruction`; `fallbackText` is said when no model is available. */
export const AiLineNode = z.object({
  ...base,
  kind: z.literal('aiLine'),
  speaker: z.string().max(200),
  instruction: Text,
  fallbackText: Text,
  lineId: LineId,
  emotion: Emotion,
  next: NodeId.optional(),
});

/** `outcome` is reported to the game (e.g. "hired", "refused"). */
export const EndNode = z.object({ ...base, kind: z.literal('end'), outcome: z.string().max(128).optional() });

export const DialogueNode = z.discriminatedUnion('kind', [
  LineNode,
  ChoiceNode,
  BranchNode,
  ActionNode,
  JumpNode,
  AiLineNode,
  EndNode,
  DetourNode,
  ReturnNode,
  SectionNode,
  GroupNode,
]);
export type DialogueNode = z.infer<typeof DialogueNode>;
export type DialogueNodeKind = DialogueNode['kind'];
export type NodeOfKind<K extends DialogueNodeKind> = Extract<DialogueNode, { kind: K }>;

export const DIALOGUE_SCHEMA_VERSION = 2;

/** How groups pick among candidates (see saliency.ts). */
export const Saliency = z.enum(SALIENCY_RULES);
export type Saliency = SaliencyRule;

export const Dialogue = z
  .object({
    schemaVersion: z.literal(DIALOGUE_SCHEMA_VERSION),
    id: ContentId,
    name: z.string().max(200),
    npcId: ContentId.optional(),
    notes: z.string().max(DIALOGUE_LIMITS.maxTextLength).optional(),
    enums: z.array(EnumDeclaration).max(64).optional(),
    variables: z.array(VariableDeclaration).max(DIALOGUE_LIMITS.maxVariables),
    /** Absent means `best`. */
    saliency: Saliency.optional(),
    /** Empty while the dialogue has no nodes; validation reports it. */
    startNodeId: z.string().max(128),
    nodes: z.record(NodeId, DialogueNode),
  })
  .superRefine((dialogue, ctx) => {
    const ids = Object.keys(dialogue.nodes);
    if (ids.length > DIALOGUE_LIMITS.maxNodes) {
      ctx.addIssue({ code: 'custom', path: ['nodes'], message: `A dialogue holds at most ${DIALOGUE_LIMITS.maxNodes} nodes` });
    }
    for (const id of ids) {
      if (dialogue.nodes[id].id !== id) {
        ctx.addIssue({ code: 'custom', path: ['nodes', id, 'id'], message: `Node stored under "${id}" has id "${dialogue.nodes[id].id}"` });
      }
    }
  });
export type Dialogue = z.infer<typeof Dialogue>;

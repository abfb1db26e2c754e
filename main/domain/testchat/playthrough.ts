import { z } from 'zod';
import type { Dialogue } from '../dialogue/dialogue-schema';
import { DialogueState } from '../dialogue/dialogue-state';
import { MarkupSpans } from '../dialogue/text/markup-span-value';

/**
 * A playthrough of a dialogue as saved in the project. It keeps what the creator did
 * (`inputs`), so the studio rebuilds the same playthrough by replaying them on the
 * runtime, and a log of what happened, which is the transcript.
 */
const id = z.string().min(1).max(128);
const Text = z.string().max(100_000);

export const PlaythroughInput = z.discriminatedUnion('type', [
  /** Past a line; on an AI line, with the text the model improvised (none: the authored fallback). */
  z.object({ type: z.literal('advance'), text: Text.optional() }),
  z.object({ type: z.literal('choose'), optionId: z.string().max(64) }),
  /** The creator set the state in the inspector; the current node is entered again with it. */
  z.object({ type: z.literal('setState'), state: DialogueState }),
  /** Back to the initial state, from the start node or the one named. */
  z.object({ type: z.literal('restart'), nodeId: z.string().max(128).optional() }),
]);
export type PlaythroughInput = z.infer<typeof PlaythroughInput>;

export const PlaythroughEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('line'),
    nodeId: z.string(),
    speaker: z.string(),
    text: Text,
    /** The line's markup, so the log shows it as the step did; playthroughs saved before it have none. */
    markup: MarkupSpans.optional(),
    source: z.enum(['authored', 'improvised', 'fallback']),
  }),
  z.object({ type: z.literal('choice'), nodeId: z.string(), optionId: z.string(), text: Text, markup: MarkupSpans.optional() }),
  /** Words the player typed; `optionId` when the model mapped them to a choice. */
  z.object({ type: z.literal('said'), text: Text, optionId: z.string().optional() }),
  /** The NPC answering typed words in character, staying on the node. */
  z.object({ type: z.literal('reply'), speaker: z.string(), text: Text }),
  /** An effect of an action (variable changed, quest advanced…), in words. */
  z.object({ type: z.literal('effect'), nodeId: z.string(), text: z.string() }),
  z.object({ type: z.literal('state'), text: z.string() }),
  z.object({ type: z.literal('restart'), nodeId: z.string().optional() }),
  z.object({ type: z.literal('end'), reason: z.string(), text: z.string() }),
]);
export type PlaythroughEntry = z.infer<typeof PlaythroughEntry>;

/**
 * What one playthrough may hold, and what one step may do. A step (the creator's advance or
 * choice, and the branches, actions and jumps the runtime runs by itself after it) makes at
 * most `maxEventsPerStep` effects: the studio gives the runtime as many automatic nodes in a
 * row as that allows for the dialogue's largest action node (see automaticStepLimit), so a
 * loop of 32 long `command` actions ends after a bounded number of turns with the runtime's
 * "loops without a line or choice" message instead of filling memory (describeEvent keeps
 * each effect's words short).
 */
export const PLAYTHROUGH_LIMITS = { maxInputs: 20_000, maxLog: 50_000, maxEventsPerStep: 500 } as const;

/** The exported runtimes' own bound on automatic nodes in a row (main/domain/dialogue/runtime.ts). */
const RUNTIME_AUTOMATIC_STEPS = 10_000;

/** How many branches, actions and jumps in a row a step of this dialogue may run within the effect budget. */
export function automaticStepLimit(dialogue: Pick<Dialogue, 'nodes'>): number {
  let actions = 1;
  for (const node of Object.values(dialogue.nodes)) if (node.kind === 'action') actions = Math.max(actions, node.actions.length);
  return Math.min(RUNTIME_AUTOMATIC_STEPS, Math.floor(PLAYTHROUGH_LIMITS.maxEventsPerStep / actions));
}

export const Playthrough = z.object({
  schemaVersion: z.literal(1),
  id,
  dialogueId: id,
  title: z.string().max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
  seed: z.string().max(128),
  startNodeId: z.string().max(128).optional(),
  initialState: DialogueState,
  inputs: z.array(PlaythroughInput).max(PLAYTHROUGH_LIMITS.maxInputs),
  log: z.array(PlaythroughEntry).max(PLAYTHROUGH_LIMITS.maxLog),
});
export type Playthrough = z.infer<typeof Playthrough>;

/** The dialogue domain: schema, record migrations, conditions, validation and the runtime. */
export * from './dialogue-schema';
export { DialogueRecord, loadDialogue } from './dialogue-record';
export { newDialogue, newNode } from './dialogue-factory';
export { DialogueState, QuestProgress, emptyDialogueState } from './dialogue-state';
export type { DialogueProblem, DialogueProblemCode, ProblemSeverity } from './dialogue-problem';
export * from './expression';
export { nodeOutputs, type NodeOutput } from './node-outputs';
export type { RuntimeEvent } from './runtime-event';
export {
  createRuntime,
  DialogueRuntimeError,
  type ChoiceOptionView,
  type DialogueRuntime,
  type EndReason,
  type RuntimeOptions,
  type RuntimeStep,
  type TranscriptEntry,
} from './runtime';
export { referencesIn, type DialogueReferences, type QuestOutline, type ReferenceNames } from './reference-rules';
export { setVariableAction } from './set-variable-action';
export { validateDialogue, type ValidateOptions } from './validate-dialogue';

/**
 * The message protocol between the studio and its engine process. Both sides parse
 * every message with these schemas: the engine process is a separate program that may
 * be a different build, and a message that does not parse is a bug to report, not data
 * to trust.
 */
import { z } from 'zod';
import {
  Backend,
  ChatMessage,
  RenderedPrompt,
  ContextSize,
  GpuLayers,
  JsonSchema,
  LoadedModel,
  Memory,
  StopReason,
  Threads,
  generationShape,
  samplingShape,
} from '../../../preload/api';

/** Without a limit a model that never emits its end token would run until cancelled. */
export const DEFAULT_MAX_TOKENS = 1024;

export const EngineInfo = z.object({
  backend: Backend,
  gpuDevices: z.array(z.string()),
  vram: Memory.nullable(),
  ram: Memory,
  model: LoadedModel.nullable(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

const { requestId: _requestId, ...generation } = generationShape;

export const EngineGenerateInput = z
  .object({ ...generation, jsonSchema: JsonSchema.optional() })
  .strict();
export type EngineGenerateInput = z.infer<typeof EngineGenerateInput>;

export const EngineGeneration = z.object({
  text: z.string(),
  tokens: z.number().int().nonnegative(),
  stopReason: StopReason,
});
export type EngineGeneration = z.infer<typeof EngineGeneration>;

const chatId = z.string().min(1).max(128);

export const ChatStartInput = z
  .object({ chatId, messages: z.array(ChatMessage), contextSize: z.number().int().positive().optional() })
  .strict();
export type ChatStartInput = z.infer<typeof ChatStartInput>;

export const ChatTurnInput = z
  .object({
    chatId,
    text: z.string(),
    /** Replaces the chat's messages (system prompt first) before this turn; the cached tokens of the prefix they share are kept. */
    history: z.array(ChatMessage).optional(),
    ...samplingShape,
  })
  .strict();
export type ChatTurnInput = z.infer<typeof ChatTurnInput>;

export const ChatTurn = EngineGeneration.extend({
  /** False when the turn was cancelled before the model wrote anything: the chat's history is as it was. */
  committed: z.boolean(),
  evaluatedTokens: z.number().int().nonnegative(),
  contextTokens: z.number().int().nonnegative(),
  /** From the turn's start in the engine to its first generated token (text may follow later: stop-trigger look-ahead holds it back). */
  promptMs: z.number().nonnegative().nullable(),
});
export type ChatTurn = z.infer<typeof ChatTurn>;

export const LoadInput = z
  .object({ path: z.string().min(1), gpuLayers: GpuLayers, contextSize: ContextSize, threads: Threads })
  .strict();
export type LoadInput = z.infer<typeof LoadInput>;

/** Every operation the engine process serves: its input and its result. */
export const operations = {
  info: { input: z.object({}).strict(), output: EngineInfo },
  load: { input: LoadInput, output: LoadedModel },
  unload: { input: z.object({}).strict(), output: z.object({ unloaded: z.boolean() }) },
  generate: { input: EngineGenerateInput, output: EngineGeneration },
  chatStart: { input: ChatStartInput, output: z.object({ contextSize: z.number().int().positive() }) },
  chatSend: { input: ChatTurnInput, output: ChatTurn },
  chatReset: { input: z.object({ chatId }).strict(), output: z.object({ reset: z.boolean() }) },
  chatEnd: { input: z.object({ chatId }).strict(), output: z.object({ ended: z.boolean() }) },
  countTokens: {
    input: z.object({ texts: z.array(z.string()) }).strict(),
    output: z.object({ counts: z.array(z.number().int().nonnegative()) }),
  },
  renderChat: { input: z.object({ messages: z.array(ChatMessage) }).strict(), output: RenderedPrompt },
  cancel: { input: z.object({ target: z.number().int().nonnegative() }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const;

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type OpInput<O extends OpName> = z.infer<Operations[O]['input']>;
export type OpOutput<O extends OpName> = z.infer<Operations[O]['output']>;

const opNames = Object.keys(operations) as [OpName, ...OpName[]];

/** Studio → engine. `id` is the studio's call number; results and chunks carry it back. */
export const EngineRequest = z.object({ id: z.number().int().nonnegative(), op: z.enum(opNames), input: z.unknown() }).strict();
export type EngineRequest = z.infer<typeof EngineRequest>;

/** The error codes an engine failure may carry across (a subset of the contract's). */
export const EngineErrorCode = z.enum(['invalid_input', 'not_found', 'conflict', 'internal']);

/** Engine → studio. */
export const EngineMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }).strict(),
  z.object({ type: z.literal('fatal'), message: z.string() }).strict(),
  z.object({ type: z.literal('chunk'), id: z.number().int(), text: z.string() }).strict(),
  z.object({ type: z.literal('result'), id: z.number().int(), value: z.unknown() }).strict(),
  z.object({ type: z.literal('error'), id: z.number().int(), code: EngineErrorCode, message: z.string() }).strict(),
]);
export type EngineMessage = z.infer<typeof EngineMessage>;

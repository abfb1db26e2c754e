/**
 * The one contract between the studio's UI and its backend.
 *
 * Every method is `domain:verb` with a zod schema for its input and its output; every
 * event has a schema for its payload. `main/core/studio.ts` implements the methods,
 * `main/electron/ipc.ts` and `main/server/` bind them to IPC and HTTP/WebSocket, and the
 * renderer's client is typed from here. Inputs are parsed before any handler runs.
 */
import { z } from 'zod';
import { CONTENT_KINDS } from '../main/domain/content-kinds';
import { backupEvents, backupMethods } from './contract/backups';
import { dialogueMethods } from './contract/dialogues';
import { exportEvents, exportMethods } from './contract/export';
import { FilePath } from './contract/file-path';
import { fileMethods } from './contract/files';
import { ChatMessage, RequestId, StopReason } from './contract/generation-values';
import { method } from './contract/method';
export { ChatMessage, RequestId, StopReason } from './contract/generation-values';
import { npcMethods } from './contract/npcs';
import { questMethods } from './contract/quests';
import { WorldChanged, worldMethods } from './contract/world';
import { scriptMethods } from './contract/scripts';
import { testChatMethods } from './contract/testchat';

const id = z.string().min(1).max(128);
const isoTime = z.string();

/** A name a creator types: trimmed, not empty, no path tricks. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'Name must not be empty')
  .max(120, 'Name must be at most 120 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'Name must not contain control characters');

export const ProjectSummary = z.object({
  id,
  name: z.string(),
  path: z.string(),
  updatedAt: isoTime,
  lastOpenedAt: isoTime.nullable(),
  sizeBytes: z.number().int().nonnegative(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectInfo = ProjectSummary.extend({
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const ContentKind = z.enum(CONTENT_KINDS);

export const ContentSummary = z.object({
  id,
  kind: ContentKind,
  name: z.string(),
  revision: z.number().int().positive(),
  updatedAt: isoTime,
});
export type ContentSummary = z.infer<typeof ContentSummary>;

/** Kind-specific fields live in `data`; later issues give each kind its own schema. */
export const ContentData = z.record(z.string(), z.unknown());

export const ContentItem = ContentSummary.extend({
  data: ContentData,
  createdAt: isoTime,
});
export type ContentItem = z.infer<typeof ContentItem>;

export const RevisionSummary = z.object({
  revision: z.number().int().positive(),
  name: z.string(),
  op: z.enum(['create', 'save', 'rename', 'restore', 'delete']),
  createdAt: isoTime,
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const SearchHit = z.object({
  id,
  kind: ContentKind,
  name: z.string(),
  snippet: z.string(),
  /** The dialogue node whose text matched, so the editor can jump to it. */
  nodeId: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const AppInfo = z.object({
  name: z.literal('loreweaver'),
  version: z.string(),
  host: z.enum(['desktop', 'browser']),
  platform: z.string(),
  workspaceDir: z.string(),
  workspaceLocked: z.boolean(),
  /** Whether secrets (a provider's API key) are sealed with the system's keychain before they are written to the settings file. */
  secretsSealed: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A model in the library: its file name in the models folder. */
export const ModelId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\:*?"<>|\p{Cc}]+\.gguf$/iu, 'Model id must be a .gguf file name')
  .refine((s) => !s.startsWith('.'), 'Model id must not start with a dot');

export const ModelInfo = z.object({
  id: ModelId,
  path: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  modifiedAt: isoTime,
  /** Metadata read from the GGUF header; null when the file cannot be used (see `problem`). */
  architecture: z.string().nullable(),
  name: z.string(),
  parameterCount: z.number().int().nonnegative().nullable(),
  quantization: z.string().nullable(),
  contextLength: z.number().int().nullable(),
  chatTemplate: z.string().nullable(),
  /** Why the file cannot be loaded, when it cannot. */
  problem: z.string().nullable(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const LoadedModel = z.object({
  path: z.string(),
  name: z.string(),
  architecture: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  contextSize: z.number().int().positive(),
  trainContextSize: z.number().int().nullable(),
  gpuLayers: z.number().int().nonnegative(),
  totalLayers: z.number().int().nonnegative(),
  threads: z.number().int().positive(),
  chatWrapper: z.string(),
  loadMs: z.number().nonnegative(),
});
export type LoadedModel = z.infer<typeof LoadedModel>;

export const Memory = z.object({ totalBytes: z.number().nonnegative(), freeBytes: z.number().nonnegative() });

export const Backend = z.enum(['cuda', 'vulkan', 'metal', 'cpu']);

/** Where generation runs: the studio's own engine, or an OpenAI-compatible server. The API key never comes back, only whether one is set. */
export const ProviderInfo = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  z.object({ kind: z.literal('remote'), baseUrl: z.string(), model: z.string(), apiKeySet: z.boolean() }),
]);
export type ProviderInfo = z.infer<typeof ProviderInfo>;

export const LlmStatus = z.object({
  engine: z.enum(['stopped', 'starting', 'running']),
  backend: Backend.nullable(),
  gpuDevices: z.array(z.string()),
  vram: Memory.nullable(),
  ram: Memory.nullable(),
  /** Threads a newly loaded model uses unless `llm:load` says otherwise. */
  threads: z.number().int().positive(),
  model: LoadedModel.nullable(),
  /** Requests waiting behind the one that runs. */
  queued: z.number().int().nonnegative(),
  lastTokensPerSecond: z.number().nonnegative().nullable(),
  lastCrash: z.object({ reason: z.string(), at: isoTime }).nullable(),
  /** The provider that serves llm:generate, llm:generateJson and new chats. */
  provider: ProviderInfo,
});
export type LlmStatus = z.infer<typeof LlmStatus>;

export const GpuLayers = z.union([z.enum(['auto', 'max']), z.number().int().min(0).max(1024)]);
export type GpuLayers = z.infer<typeof GpuLayers>;
export const ContextSize = z.union([z.literal('auto'), z.number().int().min(64).max(1_048_576)]);
export type ContextSize = z.infer<typeof ContextSize>;
export const Threads = z.number().int().min(1).max(256);

/**
 * How to sample, for generations and chat turns alike. Unset options keep node-llama-cpp's
 * defaults (temperature 0: greedy), on a remote provider too; `maxTokens` defaults to 1024.
 */
export const samplingShape = {
  maxTokens: z.number().int().min(1).max(65_536).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().int().min(0).max(10_000).optional(),
  minP: z.number().min(0).max(1).optional(),
  repeatPenalty: z.number().min(1).max(2).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  stop: z.array(z.string().min(1).max(200)).max(16).optional(),
};

/**
 * What to generate from. `prompt` and `messages` go through the model's chat template
 * (`prompt` is one user turn), with `system` in front; `raw: true` continues `prompt` as
 * plain text with no template.
 */
export const generationShape = {
  requestId: RequestId.optional(),
  prompt: z.string().max(400_000).optional(),
  messages: z.array(ChatMessage).min(1).max(1000).optional(),
  system: z.string().max(100_000).optional(),
  raw: z.boolean().optional(),
  ...samplingShape,
};

function checkGenerationSource(
  input: { prompt?: string; messages?: unknown[]; system?: string; raw?: boolean },
  ctx: z.RefinementCtx,
): void {
  if ((input.prompt === undefined) === (input.messages === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'Give either prompt or messages, not both' });
  }
  if (input.raw && (input.prompt === undefined || input.system !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['raw'], message: 'raw continues a prompt as plain text: give prompt and no system' });
  }
}

export const GenerateInput = z.object(generationShape).strict().superRefine(checkGenerationSource);
export type GenerateInput = z.output<typeof GenerateInput>;

/** A JSON schema in the subset node-llama-cpp turns into a grammar (objects, arrays, enums, const, oneOf, strings, numbers, booleans). */
export const JsonSchema = z.record(z.string(), z.unknown());

export const GenerateJsonInput = z
  .object({ ...generationShape, schema: JsonSchema })
  .strict()
  .superRefine(checkGenerationSource);
export type GenerateJsonInput = z.output<typeof GenerateJsonInput>;

export const GenerationTimings = z.object({
  /** From the moment the request started running (not queueing) to its first text. */
  firstTokenMs: z.number().nonnegative().nullable(),
  /** Generated tokens after the first, per second after the first: decoding speed. */
  tokensPerSecond: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
});

export const GenerateOutput = z.object({
  requestId: RequestId,
  text: z.string(),
  tokens: z.number().int().nonnegative(),
  stopReason: StopReason,
  timings: GenerationTimings,
});
export type GenerateOutput = z.infer<typeof GenerateOutput>;

export const GenerateJsonOutput = GenerateOutput.extend({
  /** The parsed value, valid against the schema; null only when cancelled. */
  value: z.unknown(),
  /** 1, or 2 when the first answer failed validation and the repair attempt succeeded. */
  attempts: z.number().int().min(1).max(2),
});
export type GenerateJsonOutput = z.infer<typeof GenerateJsonOutput>;

export const LlmStateChange = z.object({
  change: z.enum(['starting', 'started', 'loading', 'loaded', 'unloaded', 'crashed', 'stopped']),
  model: LoadedModel.nullable(),
  crashed: z.boolean(),
  reason: z.string().nullable(),
});
export type LlmStateChange = z.infer<typeof LlmStateChange>;

/** A conversation that keeps its own context on the provider that started it. */
export const ChatInfo = z.object({
  chatId: id,
  provider: z.enum(['local', 'remote']),
  system: z.string().nullable(),
  messages: z.array(ChatMessage),
  /** Tokens the chat's context holds on the local engine; null on a remote provider, which does not say. */
  contextSize: z.number().int().positive().nullable(),
  /** Why the chat can take no more turns (model unloaded, engine restarted, provider changed); null while it can. */
  ended: z.string().nullable(),
});
export type ChatInfo = z.infer<typeof ChatInfo>;

/** A prompt as the model reads it: the chat template applied, and its length in the model's tokens (null when the provider does not say). */
export const RenderedPrompt = z.object({ text: z.string(), tokens: z.number().int().nonnegative().nullable() });
export type RenderedPrompt = z.infer<typeof RenderedPrompt>;

export const ChatStartInput = z
  .object({
    system: z.string().max(100_000).optional(),
    messages: z.array(ChatMessage).max(1000).optional(),
    contextSize: z.number().int().min(64).max(1_048_576).optional(),
  })
  .strict();

export const ChatSendInput = z
  .object({
    chatId: id,
    requestId: RequestId.optional(),
    text: z.string().min(1).max(400_000),
    /**
     * The chat's messages (system prompt first) to continue from instead of its own, for a caller that
     * keeps the conversation itself and edits it. The local engine keeps the cached tokens of the prefix
     * the two share, so only what changed is evaluated again.
     */
    history: z.array(ChatMessage).max(10_000).optional(),
    ...samplingShape,
  })
  .strict();
export type ChatSendInput = z.output<typeof ChatSendInput>;

export const ChatSendOutput = GenerateOutput.extend({
  chatId: id,
  /** Prompt tokens the engine evaluated for this turn: only what the KV cache did not already hold. Null when the provider does not say. */
  evaluatedTokens: z.number().int().nonnegative().nullable(),
  /** From the turn's start on the local engine to its first generated token; null on a remote provider. */
  promptMs: z.number().nonnegative().nullable(),
  /** Tokens in the chat's context after the turn; null when the provider does not say. */
  contextTokens: z.number().int().nonnegative().nullable(),
});
export type ChatSendOutput = z.infer<typeof ChatSendOutput>;

/**
 * Choose the provider. A remote one is an OpenAI-compatible server (Ollama, LM Studio,
 * llama-server, vLLM, a hosted API); its base URL is the one its SDKs use, usually ending
 * in `/v1`. `apiKey`: a new key, null to forget the stored one, or left out to keep the
 * stored key while the base URL stays the same.
 */
export const ProviderSetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }).strict(),
  z
    .object({
      kind: z.literal('remote'),
      baseUrl: z.url({ protocol: /^https?$/, error: 'Base URL must be an http:// or https:// URL' }).max(2048),
      apiKey: z.string().min(1).max(4096).nullable().optional(),
      model: z.string().trim().min(1).max(256),
    })
    .strict(),
]);
export type ProviderSetInput = z.output<typeof ProviderSetInput>;

export const ModelsFolder = z.object({ dir: z.string(), isDefault: z.boolean() });

export const DownloadPhase = z.enum(['starting', 'downloading', 'paused', 'verifying', 'completed', 'failed', 'cancelled']);
export type DownloadPhase = z.infer<typeof DownloadPhase>;

/** One model download; also what is persisted so paused downloads survive a restart. */
export const ModelDownload = z.object({
  id: z.string(),
  uri: z.string(),
  fileName: z.string(),
  catalogId: z.string().nullable(),
  sha256: z.string().nullable(),
  phase: DownloadPhase,
  downloadedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().nullable(),
  bytesPerSecond: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  error: z.string().nullable(),
  startedAt: isoTime,
  /** The library id of the finished model. */
  modelId: z.string().nullable(),
});
export type ModelDownload = z.infer<typeof ModelDownload>;

export const CatalogModel = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  uri: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int().positive(),
  quantization: z.string(),
  parameters: z.string(),
  license: z.string(),
  minRamBytes: z.number().int().positive(),
  tags: z.array(z.string()),
  /** Whether it suits this machine's memory. */
  fit: z.enum(['fits', 'tight', 'too-big']),
  installed: z.boolean(),
});
export type CatalogModel = z.infer<typeof CatalogModel>;

const downloadById = z.object({ id: z.string().min(1).max(64) }).strict();

const empty = z.object({}).strict();
const byId = z.object({ id }).strict();

export const methods = {
  'app:info': method(empty, AppInfo, 'Version, host and workspace of the running studio'),

  'workspace:set': method(
    z.object({ dir: FilePath }).strict(),
    AppInfo,
    'Move the workspace (the folder that holds projects) to another folder',
  ),

  'projects:list': method(empty, z.array(ProjectSummary), 'Projects in the workspace, newest first'),
  'projects:create': method(z.object({ name: DisplayName }).strict(), ProjectSummary, 'Create a project file'),
  'projects:open': method(byId, ProjectInfo, 'Open a project and make it current'),
  'projects:current': method(empty, ProjectInfo.nullable(), 'The open project, if any'),
  'projects:close': method(empty, z.object({ closed: z.boolean() }), 'Close the open project'),
  'projects:rename': method(z.object({ id, name: DisplayName }).strict(), ProjectSummary, 'Rename a project (its file follows its name)'),
  'projects:duplicate': method(
    z.object({ id, name: DisplayName.optional() }).strict(),
    ProjectSummary,
    'Copy a project into a new file with a new id',
  ),
  'projects:delete': method(byId, z.object({ trashedTo: z.string() }), 'Move a project file to the workspace trash'),

  'content:list': method(z.object({ kind: ContentKind }).strict(), z.array(ContentSummary), 'Items of one kind in the open project'),
  'content:get': method(byId, ContentItem, 'One item with its data'),
  'content:create': method(
    z.object({ kind: ContentKind, name: DisplayName, data: ContentData.optional() }).strict(),
    ContentItem,
    'Create an item',
  ),
  'content:save': method(
    z
      .object({
        id,
        name: DisplayName.optional(),
        data: ContentData.optional(),
        baseRevision: z.number().int().positive().optional(),
      })
      .strict(),
    ContentItem,
    'Save an item as a new revision; with baseRevision, refuse if someone saved in between',
  ),
  'content:delete': method(byId, z.object({ id }), 'Delete an item (its history is kept)'),
  'content:history': method(byId, z.array(RevisionSummary), 'Revisions of an item, newest first'),
  'content:revision': method(
    z.object({ id, revision: z.number().int().positive() }).strict(),
    ContentItem,
    'An item as it was at one revision',
  ),
  'content:restore': method(
    z.object({ id, revision: z.number().int().positive() }).strict(),
    ContentItem,
    'Make an earlier revision current again (as a new revision)',
  ),

  'search:query': method(
    z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.array(SearchHit),
    'Full-text search over the open project',
  ),
  ...npcMethods,
  ...dialogueMethods,
  ...questMethods,
  ...worldMethods,
  ...scriptMethods,
  ...testChatMethods,
  ...exportMethods,
  ...backupMethods,
  ...fileMethods,

  'llm:status': method(empty, LlmStatus, 'The engine: backend, devices, memory, loaded model, last speed (starts the engine)'),
  'llm:load': method(
    z
      .object({ modelId: ModelId, gpuLayers: GpuLayers.optional(), contextSize: ContextSize.optional(), threads: Threads.optional() })
      .strict(),
    LlmStatus,
    'Load a model from the library (replacing the loaded one) after checking it fits in memory',
  ),
  'llm:unload': method(empty, LlmStatus, 'Unload the model and free its memory'),
  'llm:generate': method(GenerateInput, GenerateOutput, 'Generate text; emits llm:chunk events with the request id while it runs'),
  'llm:cancel': method(
    z.object({ requestId: RequestId }).strict(),
    z.object({ cancelled: z.boolean() }),
    'Stop a generation, running or queued; it resolves with what it had',
  ),
  'llm:generateJson': method(
    GenerateJsonInput,
    GenerateJsonOutput,
    'Generate a JSON value constrained by a JSON schema grammar, validated, with one repair attempt (streamed under the same request id)',
  ),
  'chat:start': method(
    ChatStartInput,
    ChatInfo,
    'Start a chat on the active provider, optionally with a system prompt and earlier messages',
  ),
  'chat:send': method(
    ChatSendInput,
    ChatSendOutput,
    'Send a user turn and generate the reply; emits llm:chunk events with the request id; queued and cancellable like llm:generate',
  ),
  'chat:history': method(z.object({ chatId: id }).strict(), ChatInfo, 'A chat with all its messages, also after it ended'),
  'chat:reset': method(z.object({ chatId: id }).strict(), ChatInfo, 'Take a chat back to how it started'),
  'chat:end': method(z.object({ chatId: id }).strict(), z.object({ ended: z.boolean() }), 'End a chat and free its context'),
  'llm:provider:get': method(empty, ProviderInfo, 'The active provider (the API key is never returned, only whether one is set)'),
  'llm:provider:set': method(
    ProviderSetInput,
    ProviderInfo,
    'Switch between the local engine and an OpenAI-compatible server; remembered across restarts; ends the open chats',
  ),

  'models:list': method(empty, z.array(ModelInfo), 'GGUF models in the models folder, with their metadata'),
  'models:folder': method(empty, ModelsFolder, 'The folder models live in'),
  'models:setFolder': method(
    z.object({ dir: FilePath.nullable() }).strict(),
    ModelsFolder,
    'Keep models in another folder (null: back to the default); the loaded model stays loaded',
  ),
  'models:import': method(
    z.object({ path: FilePath, mode: z.enum(['copy', 'link']).optional() }).strict(),
    ModelInfo,
    'Validate a local .gguf file and copy (or link) it into the models folder',
  ),
  'models:remove': method(z.object({ id: ModelId }).strict(), z.object({ id: ModelId }), 'Delete a model from the models folder'),
  'models:catalog': method(empty, z.array(CatalogModel), 'Recommended models, marked by whether they fit this machine'),
  'models:download': method(
    z.union([
      z.object({ catalogId: z.string().min(1).max(100) }).strict(),
      z
        .object({
          uri: z.string().min(1).max(2048),
          fileName: ModelId.optional(),
          sha256: z
            .string()
            .regex(/^[0-9a-fA-F]{64}$/)
            .optional(),
        })
        .strict(),
    ]),
    ModelDownload,
    'Start downloading a catalog model or a GGUF address (https:, http: or hf:); progress arrives as models:download events',
  ),
  'models:downloads': method(empty, z.array(ModelDownload), 'Downloads, running, paused and finished, newest first'),
  'models:pauseDownload': method(downloadById, ModelDownload, 'Pause a download, keeping what it has'),
  'models:resumeDownload': method(downloadById, ModelDownload, 'Resume a paused or failed download from where it stopped'),
  'models:cancelDownload': method(downloadById, ModelDownload, 'Cancel a download and delete its partial file'),
  'models:dismissDownload': method(
    downloadById,
    z.object({ id: z.string() }),
    'Remove a finished, failed or cancelled download from the list',
  ),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const events = {
  'projects:changed': z.object({ reason: z.enum(['created', 'renamed', 'duplicated', 'deleted', 'workspace', 'restored']) }),
  'project:opened': ProjectInfo,
  'project:closed': z.object({ id }),
  'content:changed': z.object({
    projectId: id,
    id,
    kind: ContentKind,
    revision: z.number().int(),
    deleted: z.boolean(),
  }),
  'world:changed': WorldChanged,
  'llm:chunk': z.object({ requestId: RequestId, text: z.string() }),
  'llm:state': LlmStateChange,
  'models:download': ModelDownload,
  ...exportEvents,
  ...backupEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export interface StudioEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(methods, name);

/** What the preload script exposes as `window.loreweaver` in the desktop app. */
export interface LoreweaverBridge {
  call(method: string, input: unknown): Promise<import('../main/domain/result').Result<unknown>>;
  onEvent(listener: (event: StudioEvent) => void): () => void;
  onMenu?(listener: (command: string) => void): () => void;
}

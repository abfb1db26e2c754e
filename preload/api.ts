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
});
export type SearchHit = z.infer<typeof SearchHit>;

export const AppInfo = z.object({
  name: z.literal('loreweaver'),
  version: z.string(),
  host: z.enum(['desktop', 'browser']),
  platform: z.string(),
  workspaceDir: z.string(),
  workspaceLocked: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const empty = z.object({}).strict();
const byId = z.object({ id }).strict();

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({
  input,
  output,
  summary,
});

export const methods = {
  'app:info': method(empty, AppInfo, 'Version, host and workspace of the running studio'),

  'workspace:set': method(
    z.object({ dir: z.string().min(1).max(4096) }).strict(),
    AppInfo,
    'Move the workspace (the folder that holds projects) to another folder',
  ),

  'projects:list': method(empty, z.array(ProjectSummary), 'Projects in the workspace, newest first'),
  'projects:create': method(z.object({ name: DisplayName }).strict(), ProjectSummary, 'Create a project file'),
  'projects:open': method(byId, ProjectInfo, 'Open a project and make it current'),
  'projects:current': method(empty, ProjectInfo.nullable(), 'The open project, if any'),
  'projects:close': method(empty, z.object({ closed: z.boolean() }), 'Close the open project'),
  'projects:rename': method(
    z.object({ id, name: DisplayName }).strict(),
    ProjectSummary,
    'Rename a project (its file follows its name)',
  ),
  'projects:duplicate': method(
    z.object({ id, name: DisplayName.optional() }).strict(),
    ProjectSummary,
    'Copy a project into a new file with a new id',
  ),
  'projects:delete': method(
    byId,
    z.object({ trashedTo: z.string() }),
    'Move a project file to the workspace trash',
  ),

  'content:list': method(
    z.object({ kind: ContentKind }).strict(),
    z.array(ContentSummary),
    'Items of one kind in the open project',
  ),
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
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const events = {
  'projects:changed': z.object({ reason: z.enum(['created', 'renamed', 'duplicated', 'deleted', 'workspace']) }),
  'project:opened': ProjectInfo,
  'project:closed': z.object({ id }),
  'content:changed': z.object({
    projectId: id,
    id,
    kind: ContentKind,
    revision: z.number().int(),
    deleted: z.boolean(),
  }),
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

import { mkdirSync } from 'node:fs';
import { homedir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppInfo, MethodName, MethodOutput, MethodParsedInput, ProjectInfo } from '../../preload/api';
import type { ContentKind } from '../domain/content-kinds';
import { AppError } from './app-error';
import { backupHandlers } from './backups/backup-handlers';
import { fileHandlers } from './fs/file-handlers';
import { BackupSchedule } from './backups/backup-schedule';
import { BackupService, DEFAULT_RETENTION_DAYS, type BackupTimings } from './backups/backup-service';
import { ftsQuery } from './content/content-store';
import { dialogueProblems } from './dialogues/dialogue-problems';
import { dispatch } from './dispatch';
import { EventBus } from './event-bus';
import { exportHandlers } from './export/export-handlers';
import { LlmService } from './llm/llm-service';
import { resolveProviderSetting } from './llm/provider-setting';
import { DownloadManager, type DownloadManagerOptions } from './models/downloads/download-manager';
import { fitOf, MODEL_CATALOG } from './models/model-catalog';
import { ModelLibrary } from './models/model-library';
import { npcHandlers } from './npcs/npc-handlers';
import { questHandlers } from './quests/quest-handlers';
import { ProjectSession } from './project-session';
import { checkedContentData } from './content/checked-data';
import { scriptHandlers } from './scripts/script-handlers';
import { ConversationService } from './testchat/conversation-service';
import { PlaythroughService } from './testchat/playthrough-service';
import { testChatHandlers } from './testchat/testchat-handlers';
import { ProjectRepository, toSummary, type ProjectFile } from './projects/project-repository';
import { HEAVY_NODE_COUNT, HEAVY_RECORD_CHARS, isHeavyChange, isHeavyItem } from './workers/heavy-writes';
import { runInWorker } from './workers/run-in-worker';
import { fromJson } from './workers/json-text';
import type { SecretBox } from './workspace/secret-box';
import { MAX_CHOSEN_FOLDERS, SettingsStore } from './workspace/settings';

export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface StudioOptions {
  /** Folder that holds the projects. */
  workspaceDir: string;
  /** True when the workspace was fixed on the command line (`--data-dir`). */
  workspaceLocked: boolean;
  /** Folder for the studio's own settings. */
  configDir: string;
  host: AppInfo['host'];
  version: string;
  /** better-sqlite3 binary built for this runtime, when it is not Node's. */
  nativeBinding?: string;
  /**
   * Folder of GGUF models. Defaults to `<configDir>/models`: models are large and belong
   * to the machine, not to a workspace, so they live beside the studio's own settings
   * (the app's data folder on the desktop).
   */
  modelsDir?: string;
  /** Builds the local model service; tests pass one with a single thread. */
  createLlm?: (events: EventBus) => LlmService;
  /** Seals the remote provider's API key in the settings file; the desktop host has one (safeStorage). */
  secrets?: SecretBox;
  /** Shows a folder in the system's file manager; only the desktop host can. */
  openFolder?: (path: string) => Promise<void>;
  /** The system's folder picker; only the desktop host has one. Null when the creator cancels. */
  chooseFolder?: (title: string) => Promise<string | null>;
  /** Download timeouts, for tests. */
  downloads?: Pick<DownloadManagerOptions, 'connectTimeoutMs' | 'stallTimeoutMs' | 'diskMarginBytes'>;
  /**
   * Folders, besides the workspace and the models folder, that file paths in calls (imports,
   * export folders, a new workspace) may name; the user's home folder when not given.
   */
  fileRoots?: string[];
  /** Backup clock, interval and how many to keep, for tests. */
  backups?: Partial<BackupTimings>;
}

/**
 * The composition root: one object that implements every method of the contract
 * (preload/api.ts) for whichever host binds it.
 */
export class Studio {
  readonly events = new EventBus();
  readonly handlers: Handlers;
  readonly llm: LlmService;
  private modelLibrary: ModelLibrary;
  private downloadManager: DownloadManager;
  private readonly settings: SettingsStore;
  private repository: ProjectRepository;
  private session: ProjectSession | null = null;
  private readonly conversations: ConversationService;
  private readonly playthroughs: PlaythroughService;
  private readonly backups: BackupService;
  private readonly backupSchedule: BackupSchedule;

  constructor(private readonly options: StudioOptions) {
    this.settings = new SettingsStore(options.configDir, options.secrets);
    const chosen = options.workspaceLocked ? undefined : this.settings.get().workspaceDir;
    this.repository = new ProjectRepository(resolve(chosen ?? options.workspaceDir), options.nativeBinding);
    this.backups = new BackupService({
      workspaceDir: () => this.repository.dir,
      retentionDays: () => this.settings.get().backupRetentionDays ?? DEFAULT_RETENTION_DAYS,
      nativeBinding: options.nativeBinding,
      ...options.backups,
    });
    this.backupSchedule = new BackupSchedule(this.backups);
    this.modelLibrary = new ModelLibrary(this.settings.get().modelsDir ?? this.defaultModelsDir);
    this.downloadManager = this.createDownloads();
    this.llm = (options.createLlm ?? ((events) => new LlmService(events)))(this.events);
    this.llm.setProvider(this.settings.get().llmProvider ?? { kind: 'local' });
    this.conversations = new ConversationService(() => this.project, this.llm);
    this.playthroughs = new PlaythroughService(() => this.project, this.llm);
    this.handlers = this.createHandlers();
  }

  get models(): ModelLibrary {
    return this.modelLibrary;
  }

  get downloads(): DownloadManager {
    return this.downloadManager;
  }

  private get defaultModelsDir(): string {
    return resolve(this.options.modelsDir ?? join(this.options.configDir, 'models'));
  }

  private createDownloads(): DownloadManager {
    const library = this.modelLibrary;
    return new DownloadManager({
      stagingDir: join(library.dir, '.downloads'),
      emit: (state) => this.events.emit('models:download', state),
      adopt: (path) => library.adopt(path),
      ...this.options.downloads,
    });
  }

  /**
   * Points the library at another folder. Running downloads pause; their partial files stay in
   * the old folder's .downloads and resume when the studio points back there.
   */
  private async moveModelsFolder(dir: string | null): Promise<void> {
    const target = dir === null ? this.defaultModelsDir : resolve(dir);
    mkdirSync(target, { recursive: true });
    await this.downloadManager.close();
    this.modelLibrary = new ModelLibrary(target);
    this.downloadManager = this.createDownloads();
    this.settings.update((s) => ({ ...s, modelsDir: dir === null ? undefined : target }));
  }

  /** Runs one call through the contract: validated input in, Result out. */
  call(method: string, input: unknown) {
    return dispatch(this.handlers, method, input, () => this.fileRoots());
  }

  /** The folders file paths in calls may name: the workspace, the models folder, the file folders and those the creator chose. */
  private fileRoots(): string[] {
    return [this.repository.dir, this.models.dir, ...(this.options.fileRoots ?? [homedir()]), ...this.settings.get().chosenFolders];
  }

  private allowFolder(folder: string): void {
    this.settings.update((s) => ({
      ...s,
      chosenFolders: [...s.chosenFolders.filter((f) => f !== folder), folder].slice(-MAX_CHOSEN_FOLDERS),
    }));
  }

  /** Closes the open project and stops the model engine; the host calls it on quit. */
  close(): void {
    this.closeProject();
    void this.downloads.close();
    this.llm.close();
  }

  private closeProject(): void {
    this.backupSchedule.stop();
    this.conversations?.close();
    this.playthroughs?.close();
    this.session?.close();
    this.session = null;
  }

  private get project(): ProjectSession {
    if (!this.session) throw new AppError('no_project', 'No project is open. Open or create a project first.');
    return this.session;
  }

  private appInfo(): AppInfo {
    return {
      name: 'loreweaver',
      version: this.options.version,
      host: this.options.host,
      platform: process.platform,
      workspaceDir: this.repository.dir,
      workspaceLocked: this.options.workspaceLocked,
      secretsSealed: this.options.secrets !== undefined,
    };
  }

  private summary(file: ProjectFile) {
    return toSummary(file, this.settings.lastOpened(file.id));
  }

  private openFile(file: ProjectFile): ProjectInfo {
    this.closeProject();
    this.session = ProjectSession.open(file, this.options.nativeBinding);
    void this.backupSchedule.watch(this.session);
    const openedAt = new Date().toISOString();
    this.settings.markOpened(file.id, openedAt);
    const info = this.session.info(openedAt);
    this.events.emit('project:opened', info);
    return info;
  }

  /** Closes the open project while `change` works on its file, then reopens what it returns. */
  private async whileClosed<T extends ProjectFile>(id: string, change: () => T | Promise<T>): Promise<T> {
    const wasOpen = this.session?.id === id;
    if (wasOpen) this.closeProject();
    try {
      const result = await change();
      if (wasOpen) this.openFile(result);
      return result;
    } catch (error) {
      if (wasOpen) this.openFile(this.repository.find(id));
      throw error;
    }
  }

  /** The content store for items saved whole; dialogues change node by node through their own methods. */
  /** A new empty item of any kind, made by the store that owns the kind so it starts valid. */
  private createEmpty(kind: ContentKind, name: string) {
    const project = this.project;
    if (kind === 'dialogue') return project.content.get(project.dialogues.create(name).id);
    if (kind === 'npc') return project.content.get(project.npcs.create(name).id);
    if (kind === 'quest') return project.content.get(project.quests.create(name).id);
    return project.content.create(kind, name, checkedContentData(kind, {}));
  }

  private wholeItem(id: string) {
    if (this.project.content.kindOf(id) === 'dialogue') {
      throw new AppError('invalid_input', 'Dialogues are saved and restored with dialogues:save and dialogues:restore.');
    }
    return this.project.content;
  }

  private contentChanged(id: string, revision: number, deleted: boolean): void {
    const project = this.project;
    this.events.emit('content:changed', {
      projectId: project.id,
      id,
      kind: project.content.kindOf(id),
      revision,
      deleted,
    });
  }

  private createHandlers(): Handlers {
    return {
      'app:info': () => this.appInfo(),

      'workspace:set': ({ dir }) => {
        if (this.options.workspaceLocked) {
          throw new AppError(
            'forbidden',
            'The workspace was set with --data-dir when the studio started; restart without it to change it.',
          );
        }
        const target = resolve(dir);
        mkdirSync(target, { recursive: true });
        this.closeProject();
        this.repository = new ProjectRepository(target, this.options.nativeBinding);
        this.settings.update((s) => ({ ...s, workspaceDir: target }));
        this.events.emit('projects:changed', { reason: 'workspace' });
        return this.appInfo();
      },

      'projects:list': () => this.repository.list().map((file) => this.summary(file)),

      'projects:create': ({ name }) => {
        const file = this.repository.create(name);
        this.events.emit('projects:changed', { reason: 'created' });
        return this.summary(file);
      },

      'projects:open': async ({ id }) => {
        const file = this.repository.find(id);
        try {
          const info = this.openFile(file);
          await this.backupSchedule.settled();
          return info;
        } catch (error) {
          this.closeProject();
          throw this.backups.explainOpenFailure(file, error);
        }
      },

      'projects:current': () => (this.session ? this.session.info(this.settings.lastOpened(this.session.id)) : null),

      'projects:close': () => {
        const id = this.session?.id;
        this.closeProject();
        if (id) this.events.emit('project:closed', { id });
        return { closed: Boolean(id) };
      },

      'projects:rename': async ({ id, name }) => {
        const file = await this.whileClosed(id, () => this.repository.rename(id, name));
        this.events.emit('projects:changed', { reason: 'renamed' });
        return this.summary(file);
      },

      'projects:duplicate': async ({ id, name }) => {
        const file = await this.repository.duplicate(id, name);
        this.events.emit('projects:changed', { reason: 'duplicated' });
        return this.summary(file);
      },

      'projects:delete': ({ id }) => {
        if (this.session?.id === id) {
          this.closeProject();
          this.events.emit('project:closed', { id });
        }
        const trashedTo = this.repository.trash(id);
        this.events.emit('projects:changed', { reason: 'deleted' });
        return { trashedTo };
      },

      'content:list': ({ kind }) => this.project.content.list(kind),

      'content:get': ({ id }) => this.project.content.get(id),

      'content:create': ({ kind, name, data }) => {
        const item =
          data === undefined ? this.createEmpty(kind, name) : this.project.content.create(kind, name, checkedContentData(kind, data));
        this.contentChanged(item.id, item.revision, false);
        return item;
      },

      'content:save': ({ id, ...change }) => {
        if (change.data !== undefined) change.data = checkedContentData(this.project.content.kindOf(id), change.data);
        const item = this.wholeItem(id).save(id, change);
        this.contentChanged(id, item.revision, false);
        return item;
      },

      'content:delete': async ({ id }) => {
        const project = this.project;
        const head = project.content.head(id);
        if (head.kind === 'dialogue') project.dialogues.delete(id);
        else if (isHeavyItem(head)) await runInWorker('deleteItem', { ...project.connection, id });
        else project.content.delete(id);
        this.contentChanged(id, project.content.head(id).revision, true);
        return { id };
      },

      'content:history': ({ id }) => this.project.content.history(id),

      'content:revision': ({ id, revision }) => this.wholeItem(id).revision(id, revision),

      'content:restore': async ({ id, revision }) => {
        const project = this.project;
        const heavy = isHeavyItem(this.wholeItem(id).head(id));
        const item = heavy
          ? fromJson(await runInWorker('restoreItem', { ...project.connection, id, revision }))
          : project.content.restore(id, revision);
        this.contentChanged(id, item.revision, false);
        return item;
      },

      'search:query': ({ text, limit = 50 }) => {
        const items = this.project.content.search(text, limit);
        const query = ftsQuery(text);
        const nodes = query ? this.project.dialogues.searchNodes(query, limit) : [];
        const seen = new Set(items.map((hit) => hit.id));
        const nodeHits = nodes.filter((hit) => !seen.has(hit.id)).map((hit) => ({ ...hit, kind: 'dialogue' as const }));
        return [...items, ...nodeHits].slice(0, limit);
      },

      ...npcHandlers(
        () => this.project,
        (id, revision, deleted) => this.contentChanged(id, revision, deleted),
      ),
      ...questHandlers(() => this.project, {
        contentChanged: (id, revision, deleted) => this.contentChanged(id, revision, deleted),
        worldChanged: (kind, id, deleted) => this.events.emit('world:changed', { projectId: this.project.id, kind, id, deleted }),
      }),
      ...testChatHandlers(this.conversations, this.playthroughs),
      ...exportHandlers({
        session: () => this.project,
        version: this.options.version,
        progress: (requestId, done, total, path) => this.events.emit('export:progress', { requestId, done, total, path }),
        changed: (id, revision) => this.contentChanged(id, revision, false),
        openFolder: this.options.openFolder,
        nativeBinding: this.options.nativeBinding,
      }),
      ...fileHandlers({ chooseFolder: this.options.chooseFolder, allow: (folder) => this.allowFolder(folder) }),
      ...backupHandlers({
        service: this.backups,
        settings: this.settings,
        repository: () => this.repository,
        session: () => this.session,
        whileClosed: (id, change) => this.whileClosed(id, change),
        progress: (requestId, projectId, done, total) => this.events.emit('backups:progress', { requestId, projectId, done, total }),
        restored: () => this.events.emit('projects:changed', { reason: 'restored' }),
        nativeBinding: this.options.nativeBinding,
      }),
      ...scriptHandlers(
        () => this.project.content,
        (id, revision, deleted) => this.contentChanged(id, revision, deleted),
      ),

      'dialogues:list': ({ npcId }) => this.project.dialogues.list(npcId),

      'dialogues:create': ({ name, npcId }) => {
        const document = this.project.dialogues.create(name, npcId);
        this.contentChanged(document.id, document.revision, false);
        return document;
      },

      'dialogues:get': ({ id }) => this.project.dialogues.get(id),

      'dialogues:save': async (change) => {
        const project = this.project;
        const saved = isHeavyChange(change)
          ? await runInWorker('saveDialogue', { ...project.connection, changeJson: JSON.stringify(change) })
          : project.dialogues.save(change);
        this.contentChanged(saved.id, saved.revision, false);
        return saved;
      },

      'dialogues:duplicate': async ({ id, name }) => {
        const project = this.project;
        const document =
          project.dialogues.nodeCount(id) > HEAVY_NODE_COUNT
            ? fromJson(await runInWorker('duplicateDialogue', { ...project.connection, id, ...(name === undefined ? {} : { name }) }))
            : project.dialogues.duplicate(id, name);
        this.contentChanged(document.id, document.revision, false);
        return document;
      },

      'dialogues:delete': ({ id }) => {
        this.project.dialogues.delete(id);
        this.contentChanged(id, this.project.content.head(id).revision, true);
        return { id };
      },

      'dialogues:validate': async ({ id }) => {
        const project = this.project;
        if (project.dialogues.nodeCount(id) > HEAVY_NODE_COUNT) {
          return fromJson(await runInWorker('dialogueProblems', { ...project.connection, id }));
        }
        await project.quests.ready('checks');
        return dialogueProblems(project, id);
      },

      'dialogues:restore': async ({ id, revision }) => {
        const project = this.project;
        const document =
          project.dialogues.nodeCount(id) > HEAVY_NODE_COUNT || project.content.revisionBytesAfter(id, revision) > HEAVY_RECORD_CHARS
            ? fromJson(await runInWorker('restoreDialogue', { ...project.connection, id, revision }))
            : project.dialogues.restore(id, revision);
        this.contentChanged(id, document.revision, false);
        return document;
      },

      'llm:status': () => this.llm.status(),

      'llm:load': async ({ modelId, ...options }) => {
        await this.llm.load(await this.models.usablePath(modelId), options);
        return this.llm.status();
      },

      'llm:unload': async () => {
        await this.llm.unload();
        return this.llm.status();
      },

      'llm:generate': (input) => this.llm.generate(input),

      'llm:cancel': ({ requestId }) => this.llm.cancel(requestId),

      'llm:generateJson': (input) => this.llm.generateJson(input),

      'chat:start': (input) => this.llm.chatStart(input),

      'chat:send': (input) => this.llm.chatSend(input),

      'chat:history': ({ chatId }) => this.llm.chatHistory(chatId),

      'chat:reset': ({ chatId }) => this.llm.chatReset(chatId),

      'chat:end': ({ chatId }) => this.llm.chatEnd(chatId),

      'llm:provider:get': () => this.llm.providerInfo,

      'llm:provider:set': (input) => {
        const setting = resolveProviderSetting(input, this.settings.get().llmProvider);
        this.settings.update((s) => ({ ...s, llmProvider: setting }));
        return this.llm.setProvider(setting);
      },

      'models:list': () => this.models.list(),

      'models:folder': () => ({ dir: this.models.dir, isDefault: this.models.dir === this.defaultModelsDir }),

      'models:setFolder': async ({ dir }) => {
        await this.moveModelsFolder(dir);
        return { dir: this.models.dir, isDefault: this.models.dir === this.defaultModelsDir };
      },

      'models:import': ({ path, mode }) => this.models.import(path, mode ?? 'copy'),

      'models:remove': async ({ id }) => {
        if (this.llm.loadedPath === this.models.pathOf(id)) await this.llm.unload();
        await this.models.remove(id);
        return { id };
      },

      'models:catalog': async () => {
        const installed = new Set((await this.models.list()).map((m) => m.id));
        const vram = await this.llm.status().then(
          (s) => s.vram?.freeBytes ?? 0,
          () => 0,
        );
        const memory = { ramTotalBytes: totalmem(), vramFreeBytes: vram };
        return MODEL_CATALOG.map((entry) => ({ ...entry, fit: fitOf(entry, memory), installed: installed.has(entry.fileName) }));
      },

      'models:download': (input) => {
        if ('catalogId' in input) {
          const entry = MODEL_CATALOG.find((m) => m.id === input.catalogId);
          if (!entry) throw new AppError('not_found', `The catalog has no model ${input.catalogId}.`);
          return this.downloads.start({ uri: entry.uri, fileName: entry.fileName, sha256: entry.sha256, catalogId: entry.id });
        }
        return this.downloads.start(input);
      },

      'models:downloads': () => this.downloads.list(),
      'models:pauseDownload': ({ id }) => this.downloads.pause(id),
      'models:resumeDownload': ({ id }) => this.downloads.resume(id),
      'models:cancelDownload': ({ id }) => this.downloads.cancel(id),
      'models:dismissDownload': ({ id }) => {
        this.downloads.dismiss(id);
        return { id };
      },
    };
  }
}

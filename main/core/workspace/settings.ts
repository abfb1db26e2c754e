import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SecretBox } from './secret-box';

/**
 * The model provider chosen in `llm:provider:set`. The API key is kept here, in the
 * studio's config folder, so the remote provider works after a restart; it never goes
 * back to the renderer. On disk it is sealed (`sealedApiKey`) when the studio has a
 * SecretBox.
 */
export const ProviderSetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  z.object({
    kind: z.literal('remote'),
    baseUrl: z.string(),
    apiKey: z.string().optional(),
    sealedApiKey: z.string().optional(),
    model: z.string(),
  }),
]);
export type ProviderSetting = z.infer<typeof ProviderSetting>;

/** The most chosen folders remembered; the oldest is forgotten first. */
export const MAX_CHOSEN_FOLDERS = 50;

const Settings = z.object({
  workspaceDir: z.string().optional(),
  /** The models folder the creator chose; absent, the default beside the settings. */
  modelsDir: z.string().optional(),
  recent: z.array(z.object({ projectId: z.string(), openedAt: z.string() })).default([]),
  // A provider entry that no longer parses falls back to the local engine instead of resetting every setting.
  llmProvider: ProviderSetting.optional().catch(undefined),
  /** Folders the creator chose with the system's folder picker, which file paths may name besides the defaults. */
  chosenFolders: z.array(z.string()).max(MAX_CHOSEN_FOLDERS).default([]).catch([]),
  /** Days to keep project backups; absent, the default (main/core/backups). */
  backupRetentionDays: z.number().int().min(1).max(3650).optional().catch(undefined),
});
export type Settings = z.infer<typeof Settings>;

const MAX_RECENT = 20;

/** The studio's own settings, one JSON file written atomically in the config folder. */
export class SettingsStore {
  private readonly file: string;
  private value: Settings;

  constructor(
    configDir: string,
    private readonly secrets?: SecretBox,
  ) {
    this.file = join(configDir, 'settings.json');
    this.value = this.load();
  }

  get(): Settings {
    return this.value;
  }

  update(change: (settings: Settings) => Settings): void {
    const next = change(structuredClone(this.value));
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      // Owner-only: the file may hold a remote provider's API key.
      writeFileSync(temp, JSON.stringify(this.sealed(next), null, 2), { mode: 0o600 });
      renameSync(temp, this.file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.value = next;
  }

  /** Best effort: a full disk must not stop a project from opening. */
  markOpened(projectId: string, at: string): void {
    try {
      this.record(projectId, at);
    } catch (error) {
      console.warn(`[loreweaver] could not remember the recent project: ${(error as Error).message}`);
    }
  }

  private record(projectId: string, at: string): void {
    this.update((s) => ({
      ...s,
      recent: [{ projectId, openedAt: at }, ...s.recent.filter((r) => r.projectId !== projectId)].slice(0, MAX_RECENT),
    }));
  }

  lastOpened(projectId: string): string | null {
    return this.value.recent.find((r) => r.projectId === projectId)?.openedAt ?? null;
  }

  private load(): Settings {
    try {
      return this.opened(Settings.parse(JSON.parse(readFileSync(this.file, 'utf8'))));
    } catch {
      return Settings.parse({});
    }
  }

  /** The settings as written: the API key sealed when there is a SecretBox. */
  private sealed(settings: Settings): Settings {
    const provider = settings.llmProvider;
    if (!this.secrets || provider?.kind !== 'remote' || provider.apiKey === undefined) return settings;
    const { apiKey, ...rest } = provider;
    return { ...settings, llmProvider: { ...rest, sealedApiKey: this.secrets.seal(apiKey) } };
  }

  /** The settings as used: a sealed API key opened, or dropped (with a warning) when it cannot be. */
  private opened(settings: Settings): Settings {
    const provider = settings.llmProvider;
    if (provider?.kind !== 'remote' || provider.sealedApiKey === undefined) return settings;
    const { sealedApiKey, ...rest } = provider;
    try {
      if (!this.secrets) throw new Error('this studio cannot open sealed secrets');
      return { ...settings, llmProvider: { ...rest, apiKey: this.secrets.open(sealedApiKey) } };
    } catch (error) {
      console.warn(`[loreweaver] the remote provider's API key could not be read (${(error as Error).message}); enter it again.`);
      return { ...settings, llmProvider: rest };
    }
  }
}

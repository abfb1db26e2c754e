import { copyFile, lstat, mkdir, readdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ModelInfo } from '../../../preload/api';
import { AppError } from '../app-error';
import { findDuplicateToken, readGgufChecked, summarizeGguf, type GgufSummary } from './gguf-file';

const isModelFile = (name: string) => extname(name).toLowerCase() === '.gguf' && !name.startsWith('.');

/**
 * The folder of GGUF models the studio can load. Files are checked before they enter
 * (a corrupt, truncated or non-GGUF file is refused and nothing is written) and again
 * when listed, since anyone can drop files into the folder.
 */
export class ModelLibrary {
  /** Metadata by file, valid while the file's size and modification time stay the same. */
  private readonly cache = new Map<string, { key: string; summary: GgufSummary }>();

  constructor(readonly dir: string) {}

  async list(): Promise<ModelInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const models = await Promise.all(names.filter(isModelFile).map((name) => this.describe(name).catch(() => null)));
    return models.filter((m): m is ModelInfo => m !== null).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The path of a model that can be loaded, or a clear error saying why it cannot. */
  async usablePath(id: string): Promise<string> {
    const model = await this.describe(id);
    if (model.problem) throw new AppError('invalid_input', model.problem);
    return model.path;
  }

  /** Validates a .gguf file and copies (or symlinks) it into the folder under its own name. */
  async import(source: string, mode: 'copy' | 'link'): Promise<ModelInfo> {
    const from = resolve(source);
    if (!isModelFile(basename(from))) throw new AppError('invalid_input', `Only .gguf model files can be imported, not ${basename(from)}.`);
    await inspect(from);
    const id = basename(from);
    const target = this.pathOf(id);
    if (await exists(target)) throw new AppError('conflict', `A model named ${id} is already in the library.`);
    await mkdir(this.dir, { recursive: true });
    if (mode === 'link') {
      await symlink(from, target);
    } else {
      // Copy beside the target under a hidden name and rename: an interrupted copy never shows up as a model.
      const partial = join(this.dir, `.${id}.${process.pid}.partial`);
      try {
        await copyFile(from, partial);
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    }
    return this.describe(id);
  }

  /** Validates a finished download and moves it into the folder; returns its model id. */
  async adopt(path: string): Promise<string> {
    try {
      await inspect(path);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    const id = basename(path);
    const target = this.pathOf(id);
    if (await exists(target)) throw new AppError('conflict', `A model named ${id} is already in the library.`);
    await mkdir(this.dir, { recursive: true });
    await rename(path, target);
    return id;
  }

  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    if (!(await exists(path))) throw new AppError('not_found', `There is no model named ${id} in the library.`);
    await rm(path);
    this.cache.delete(path);
  }

  /** The file of a model id, confined to the folder. */
  pathOf(id: string): string {
    const path = resolve(this.dir, id);
    if (dirname(path) !== resolve(this.dir) || !isModelFile(basename(path))) throw new AppError('invalid_input', `${id} is not a model file name.`);
    return path;
  }

  private async describe(id: string): Promise<ModelInfo> {
    const path = this.pathOf(id);
    let file;
    try {
      file = await stat(path);
    } catch {
      throw new AppError('not_found', `There is no model named ${id} in the library.`);
    }
    const base = { id, path, sizeBytes: file.size, modifiedAt: file.mtime.toISOString() };
    const key = `${file.size}:${file.mtimeMs}`;
    try {
      const cached = this.cache.get(path);
      const summary = cached?.key === key ? cached.summary : await inspect(path);
      this.cache.set(path, { key, summary });
      return { ...base, ...summary, problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        ...base,
        architecture: null,
        name: id.replace(/\.gguf$/i, ''),
        parameterCount: null,
        quantization: null,
        contextLength: null,
        chatTemplate: null,
        problem: error.message,
      };
    }
  }
}

/** Everything the library needs to know before it accepts a file, or a clear error. */
async function inspect(path: string): Promise<GgufSummary> {
  const { info, sizeBytes } = await readGgufChecked(path);
  const duplicate = findDuplicateToken(info);
  if (duplicate !== null) {
    throw new AppError(
      'invalid_input',
      `${basename(path)} is not a usable GGUF model: its vocabulary lists the token ${JSON.stringify(duplicate)} twice, which makes llama.cpp abort.`,
    );
  }
  return summarizeGguf(path, info, sizeBytes);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

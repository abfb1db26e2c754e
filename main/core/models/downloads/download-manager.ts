import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ModelDownloader, ModelDownloaderOptions } from 'node-llama-cpp';
import { AppError } from '../../app-error';
import { ModelDownload as DownloadState, type DownloadPhase } from '../../../../preload/api';
import { freeBytes } from './free-space';
import { sha256File } from './sha256-file';

export interface DownloadRequest {
  uri: string;
  fileName?: string;
  sha256?: string;
  catalogId?: string;
}

export interface DownloadManagerOptions {
  /** Where files download to before they are verified and moved into the library. */
  stagingDir: string;
  emit(state: DownloadState): void;
  /** Validates a finished file and moves it into the model library; returns its model id. */
  adopt(path: string): Promise<string>;
  /** Longest wait for the server to answer before a download starts (an `hf:` URI offline would hang). */
  connectTimeoutMs?: number;
  /** Longest time without a new byte before a running download is stopped as stalled. */
  stallTimeoutMs?: number;
  /** Spare room kept on the disk besides the model itself. */
  diskMarginBytes?: number;
  createDownloader?: (options: ModelDownloaderOptions) => Promise<ModelDownloader>;
}

type Stop = 'pause' | 'cancel' | 'stall';

interface Running {
  downloader: ModelDownloader | null;
  stop: Stop | null;
  /** Settles when the run has recorded how it ended. */
  finished: Promise<void>;
}

const PROGRESS_EVERY_MS = 250;

const isActive = (phase: DownloadPhase) => phase === 'starting' || phase === 'downloading' || phase === 'verifying';
const TEMP_SUFFIX = '.ipull';

/**
 * Model downloads through node-llama-cpp's downloader: progress (bytes, speed, ETA),
 * pause and resume (the partial file stays, also across restarts), cancel, a free-disk
 * check first, a timeout when the server cannot be reached, a stall watchdog, and a
 * checksum check before the model enters the library.
 */
export class DownloadManager {
  private readonly states = new Map<string, DownloadState>();
  private readonly running = new Map<string, Running>();
  private readonly lastEmit = new Map<string, number>();
  private readonly file: string;

  constructor(private readonly options: DownloadManagerOptions) {
    this.file = join(options.stagingDir, 'downloads.json');
    for (const state of this.load()) {
      const interrupted = isActive(state.phase);
      this.states.set(state.id, interrupted ? { ...state, phase: 'paused', bytesPerSecond: 0, etaSeconds: null } : state);
    }
  }

  list(): DownloadState[] {
    return [...this.states.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  start(request: DownloadRequest): DownloadState {
    const uri = request.uri.trim();
    if (!/^(https?:\/\/|hf:)/i.test(uri)) throw new AppError('invalid_input', 'A model download needs an https://, http:// or hf: address.');
    const fileName = request.fileName ?? guessFileName(uri);
    if (!fileName || !/^[^/\\]+\.gguf$/i.test(fileName)) throw new AppError('invalid_input', `"${fileName}" is not a .gguf file name.`);
    const busy = this.list().find((d) => d.fileName === fileName && (isActive(d.phase) || d.phase === 'paused'));
    if (busy) throw new AppError('conflict', `${fileName} is already downloading; resume or cancel that download.`);
    const state: DownloadState = {
      id: randomUUID(),
      uri,
      fileName,
      catalogId: request.catalogId ?? null,
      sha256: request.sha256?.toLowerCase() ?? null,
      phase: 'starting',
      downloadedBytes: 0,
      totalBytes: null,
      bytesPerSecond: 0,
      etaSeconds: null,
      error: null,
      startedAt: new Date().toISOString(),
      modelId: null,
    };
    this.update(state);
    void this.run(state.id);
    return state;
  }

  async pause(id: string): Promise<DownloadState> {
    await this.stop(id, 'pause');
    return this.get(id);
  }

  resume(id: string): DownloadState {
    const state = this.get(id);
    if (state.phase !== 'paused' && state.phase !== 'failed') throw new AppError('conflict', `This download is ${state.phase}; only paused or failed downloads resume.`);
    this.update({ ...state, phase: 'starting', error: null });
    void this.run(id);
    return this.get(id);
  }

  async cancel(id: string): Promise<DownloadState> {
    const state = this.get(id);
    if (this.running.has(id)) await this.stop(id, 'cancel');
    else if (state.phase === 'paused' || state.phase === 'failed') {
      await this.deletePartial(state);
      this.update({ ...state, phase: 'cancelled', bytesPerSecond: 0, etaSeconds: null });
    }
    return this.get(id);
  }

  /** Forgets a finished, failed or cancelled download. */
  dismiss(id: string): void {
    const state = this.get(id);
    if (isActive(state.phase) || state.phase === 'paused') throw new AppError('conflict', 'Cancel the download before removing it from the list.');
    this.states.delete(id);
    this.save();
  }

  /** Stops every running download, keeping partial files so they resume next time. */
  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.stop(id, 'pause')));
  }

  private get(id: string): DownloadState {
    const state = this.states.get(id);
    if (!state) throw new AppError('not_found', `No download with id ${id}.`);
    return state;
  }

  private async stop(id: string, stop: Stop): Promise<void> {
    const running = this.running.get(id);
    if (!running) return;
    running.stop = stop;
    await running.downloader?.cancel({ deleteTempFile: stop === 'cancel' });
    await running.finished;
  }

  private run(id: string): Promise<void> {
    const running: Running = { downloader: null, stop: null, finished: Promise.resolve() };
    this.running.set(id, running);
    running.finished = this.attempt(id, running);
    return running.finished;
  }

  private async attempt(id: string, running: Running): Promise<void> {
    let watchdog: NodeJS.Timeout | undefined;
    try {
      const state = this.get(id);
      const downloader = await this.connect(state, (progress) => this.progress(id, progress));
      running.downloader = downloader;
      if (running.stop) {
        await downloader.cancel({ deleteTempFile: running.stop === 'cancel' });
        return this.stopped(id, running.stop);
      }
      await this.checkDisk(downloader);
      this.update({ ...this.get(id), phase: 'downloading', totalBytes: downloader.totalSize || null, downloadedBytes: downloader.downloadedSize });

      let lastBytes = -1;
      let lastChange = Date.now();
      const stallMs = this.options.stallTimeoutMs ?? 60_000;
      watchdog = setInterval(() => {
        const bytes = downloader.downloadedSize;
        if (bytes !== lastBytes) {
          lastBytes = bytes;
          lastChange = Date.now();
        } else if (Date.now() - lastChange > stallMs && !running.stop) {
          void this.stop(id, 'stall');
        }
      }, Math.min(1000, stallMs / 4));

      // A cancelled download resolves instead of throwing: running.stop tells why it ended.
      const path = await downloader.download();
      clearInterval(watchdog);
      if (running.stop) return this.stopped(id, running.stop);
      await this.finish(id, path);
    } catch (error) {
      if (running.stop && running.stop !== 'stall') return this.stopped(id, running.stop);
      this.update({ ...this.get(id), phase: 'failed', error: describe(error), bytesPerSecond: 0, etaSeconds: null });
    } finally {
      clearInterval(watchdog);
      this.running.delete(id);
    }
  }

  private async connect(state: DownloadState, onProgress: ModelDownloaderOptions['onProgress']): Promise<ModelDownloader> {
    const create = this.options.createDownloader ?? (await import('node-llama-cpp')).createModelDownloader;
    const timeoutMs = this.options.connectTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('io_error', `No answer from ${hostOf(state.uri)} within ${Math.round(timeoutMs / 1000)} s. Check the network connection and try again.`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([
        create({
          modelUri: state.uri,
          dirPath: this.options.stagingDir,
          fileName: state.fileName,
          skipExisting: false,
          deleteTempFileOnCancel: false,
          parallelDownloads: 1,
          onProgress,
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkDisk(downloader: ModelDownloader): Promise<void> {
    const needed = downloader.totalSize - downloader.downloadedSize + (this.options.diskMarginBytes ?? 256 * 1024 * 1024);
    const free = await freeBytes(this.options.stagingDir);
    if (downloader.totalSize > 0 && free < needed) {
      await downloader.cancel({ deleteTempFile: false });
      throw new AppError(
        'disk_full',
        `Not enough disk space: the model needs ${gb(needed)} more and ${gb(free)} is free in ${this.options.stagingDir}.`,
      );
    }
  }

  private progress(id: string, status: { totalSize: number; downloadedSize: number; estimatedTimeLeft: number; averageSpeed: number }): void {
    const state = this.states.get(id);
    if (!state || state.phase !== 'downloading') return;
    const now = Date.now();
    const last = this.lastEmit.get(id) ?? 0;
    const done = status.totalSize > 0 && status.downloadedSize >= status.totalSize;
    if (now - last < PROGRESS_EVERY_MS && !done) return;
    this.lastEmit.set(id, now);
    this.update(
      {
        ...state,
        downloadedBytes: status.downloadedSize,
        totalBytes: status.totalSize || state.totalBytes,
        bytesPerSecond: Math.max(0, status.averageSpeed || 0),
        etaSeconds: Number.isFinite(status.estimatedTimeLeft) ? Math.max(0, status.estimatedTimeLeft / 1000) : null,
      },
      false,
    );
  }

  private async stopped(id: string, stop: Stop): Promise<void> {
    const state = this.get(id);
    if (stop === 'cancel') {
      await this.deletePartial(state);
      this.update({ ...state, phase: 'cancelled', bytesPerSecond: 0, etaSeconds: null });
    } else if (stop === 'pause') {
      this.update({ ...state, phase: 'paused', bytesPerSecond: 0, etaSeconds: null });
    } else {
      this.update({
        ...state,
        phase: 'failed',
        bytesPerSecond: 0,
        etaSeconds: null,
        error: `The download stalled: ${hostOf(state.uri)} stopped sending data. Resume to try again from where it stopped.`,
      });
    }
  }

  private async finish(id: string, path: string): Promise<void> {
    const state = this.get(id);
    this.update({ ...state, phase: 'verifying', bytesPerSecond: 0, etaSeconds: 0, downloadedBytes: state.totalBytes ?? state.downloadedBytes });
    if (state.sha256) {
      const actual = await sha256File(path);
      if (actual !== state.sha256) {
        await rm(path, { force: true });
        throw new AppError('io_error', `The downloaded file is damaged: its sha256 is ${actual}, expected ${state.sha256}. It was deleted; try again.`);
      }
    }
    const modelId = await this.options.adopt(path);
    this.update({ ...this.get(id), phase: 'completed', modelId, error: null });
  }

  private async deletePartial(state: DownloadState): Promise<void> {
    const path = join(this.options.stagingDir, state.fileName);
    await rm(path + TEMP_SUFFIX, { force: true });
    await rm(path, { force: true });
  }

  private update(state: DownloadState, persist = true): void {
    this.states.set(state.id, state);
    if (persist) this.save();
    this.options.emit(state);
  }

  private load(): DownloadState[] {
    try {
      return DownloadState.array().parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      return [];
    }
  }

  private save(): void {
    mkdirSync(this.options.stagingDir, { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.list(), null, 2));
    renameSync(temp, this.file);
  }
}

function guessFileName(uri: string): string {
  if (uri.startsWith('hf:')) return basename(uri.slice(3).split('#')[0].split(':')[0]);
  try {
    return decodeURIComponent(basename(new URL(uri).pathname));
  } catch {
    return '';
  }
}

function hostOf(uri: string): string {
  if (uri.startsWith('hf:')) return 'Hugging Face';
  try {
    return new URL(uri).host;
  } catch {
    return uri;
  }
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string })?.code;
  if (code === 'ENOSPC') return 'The disk filled up during the download. Free some space, then resume.';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The download server cannot be reached (${code}). Check the network connection.`;
  return `The download failed: ${message}`;
}

import { z } from 'zod';

export const DownloadPhase = z.enum(['starting', 'downloading', 'paused', 'verifying', 'completed', 'failed', 'cancelled']);
export type DownloadPhase = z.infer<typeof DownloadPhase>;

/** One download as the UI shows it; also what is persisted so paused downloads survive a restart. */
export const DownloadState = z.object({
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
  startedAt: z.string(),
  /** The library id of the finished model. */
  modelId: z.string().nullable(),
});
export type DownloadState = z.infer<typeof DownloadState>;

export const isActive = (phase: DownloadPhase) => phase === 'starting' || phase === 'downloading' || phase === 'verifying';

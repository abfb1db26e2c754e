import type { Memory } from './memory';

/** "1.1 GB", "260 K params". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function formatParams(count: number | null): string | null {
  if (count === null) return null;
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B params`;
  if (count >= 1e6) return `${(count / 1e6).toFixed(0)}M params`;
  return `${Math.round(count / 1e3)}K params`;
}

export const formatMemory = (memory: Memory | null): string =>
  memory ? `${formatSize(memory.freeBytes)} free of ${formatSize(memory.totalBytes)}` : 'unknown';

import { z } from 'zod';
import shipped from '../../../resources/model-catalog.json' with { type: 'json' };

export const CatalogEntry = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  uri: z.string(),
  fileName: z.string().regex(/^[^/\\]+\.gguf$/),
  /** Approximate: the downloader reads the real size from the server. */
  sizeBytes: z.number().int().positive(),
  quantization: z.string(),
  parameters: z.string(),
  license: z.string(),
  /** Memory (RAM, or VRAM plus RAM) the model wants with a few thousand tokens of context. */
  minRamBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  tags: z.array(z.string()),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

const Catalog = z.object({ version: z.literal(1), models: z.array(CatalogEntry).min(1) });

/** The recommended models shipped in resources/model-catalog.json, checked against the schema. */
export const MODEL_CATALOG: readonly CatalogEntry[] = Catalog.parse(shipped).models;

export type Fit = 'fits' | 'tight' | 'too-big';

/**
 * Whether a catalog model suits this machine: it fits when its memory need is under the
 * larger of free VRAM and total RAM with room to spare, is tight when it barely fits.
 */
export function fitOf(entry: CatalogEntry, memory: { ramTotalBytes: number; vramFreeBytes: number }): Fit {
  const budget = Math.max(memory.ramTotalBytes * 0.75, memory.vramFreeBytes);
  if (entry.minRamBytes <= budget * 0.8) return 'fits';
  if (entry.minRamBytes <= budget) return 'tight';
  return 'too-big';
}

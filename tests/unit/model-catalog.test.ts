import { describe, expect, it } from 'vitest';
import { fitOf, MODEL_CATALOG as catalog } from '../../main/core/models/model-catalog';

const GB = 1024 ** 3;

describe('the model catalog', () => {
  it('recommends 6-10 instruct models, small to large, one for code, all with unique ids and files', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(6);
    expect(catalog.length).toBeLessThanOrEqual(10);
    expect(new Set(catalog.map((m) => m.id)).size).toBe(catalog.length);
    expect(new Set(catalog.map((m) => m.fileName)).size).toBe(catalog.length);
    expect(catalog.some((m) => m.tags.includes('code'))).toBe(true);
    const sizes = catalog.map((m) => m.sizeBytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    for (const m of catalog) expect(m.uri.endsWith(m.fileName)).toBe(true);
  });

  it('says what fits this machine', () => {
    const small = catalog[0];
    const large = catalog.at(-1)!;
    expect(fitOf(small, { ramTotalBytes: 8 * GB, vramFreeBytes: 0 })).toBe('fits');
    expect(fitOf(large, { ramTotalBytes: 8 * GB, vramFreeBytes: 0 })).toBe('too-big');
    expect(fitOf(large, { ramTotalBytes: 8 * GB, vramFreeBytes: 24 * GB })).toBe('fits');
  });
});

import { zipSync } from 'fflate';
import type { ExportTarget } from './export-target';

/** The pack as a folder: manifest.json and one canonical JSON file per section. */
export const jsonTarget: ExportTarget = {
  folder: 'pack',
  build: ({ files }) => files.map(({ path, text }) => ({ path, data: text })),
};

/** A fixed date for every zip entry, so the same pack zips to the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

/** The same files in one .zip, deflated (fast level: JSON packs well either way), for sharing and upload. */
export const zipTarget: ExportTarget = {
  folder: 'zip',
  build: ({ files, meta }) => {
    const encoder = new TextEncoder();
    const entries = Object.fromEntries(
      files.map(({ path, text }) => [path, [encoder.encode(text), { mtime: ZIP_DATE, level: 1 }] as const]),
    );
    return [{ path: `${meta.packId}.zip`, data: zipSync(entries as Parameters<typeof zipSync>[0]) }];
  },
};

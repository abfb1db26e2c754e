#!/usr/bin/env node
// The `loreweaver` command: runs the CLI built into the main bundle (npm run build), the same code as the studio.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, process.env.LOREWEAVER_OUT ?? 'out', 'main', 'cli.js');
if (!existsSync(entry)) {
  console.error(`The Loreweaver CLI is not built yet (${entry}); run npm run build first.`);
  process.exit(2);
}
await import(pathToFileURL(entry).href);

import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGguf } from '../fixtures/gguf-generator';
import { expect } from './fixtures';

/**
 * Writes the tiny test model, imports and loads it over the HTTP API as the Models page
 * would, and returns a cleanup for its folder.
 */
export async function loadTinyModel(page: Page, url: string, token: string): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-e2e-model-'));
  const path = writeGguf(join(dir, 'tiny.gguf')).path;
  const call = async (method: string, data: unknown) => {
    const response = await page.request.post(`${url}/api/call/${method}`, { headers: { authorization: `Bearer ${token}` }, data });
    const result = await response.json();
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    return result.value;
  };
  const model = await call('models:import', { path, mode: 'copy' });
  await call('llm:load', { modelId: model.id });
  return () => rmSync(dir, { recursive: true, force: true });
}

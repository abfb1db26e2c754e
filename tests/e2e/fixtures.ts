import { expect, test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialogueNode } from '../../main/domain/dialogue';
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api';
import { writeGguf } from '../fixtures/gguf-generator';
import { startServe, type ServeProcess } from '../helpers/serve-process';

interface StudioFixture {
  server: ServeProcess;
  /** Stops the server and starts a new one on the same data folder, token and port, so an open tab can reconnect. */
  restart(): Promise<ServeProcess>;
  /** Opens the studio page with the access token, as the printed link does. */
  open(page: Page): Promise<void>;
}

export const test = base.extend<{ studio: StudioFixture }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  studio: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loreweaver-e2e-'));
    const token = `e2e-${Math.random().toString(36).slice(2)}`;
    let server = await startServe(dataDir, token);
    const fixture: StudioFixture = {
      get server() {
        return server;
      },
      async restart() {
        await server.stop();
        server = await startServe(dataDir, token, ['--port', new URL(server.url).port]);
        return server;
      },
      async open(page) {
        await page.goto(`${server.url}/?token=${server.token}`);
      },
    };
    await use(fixture);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Creates a project from the picker's empty state and waits until the studio shows it. */
export async function createProject(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Create a project' }).click();
  await page.getByLabel('Project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('project-name')).toHaveText(name);
}

/** Calls the studio over HTTP as the page does, for setup that is not under test (loading a model, seeding content). */
export async function callApi<M extends MethodName>(server: ServeProcess, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await fetch(`${server.url}/api/call/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: true; value: MethodOutput<M> } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/**
 * Imports and loads a model over the HTTP API, as a creator's Models page would: the file
 * at `path`, or the tiny test model written into the server's data folder (removed with it).
 */
export async function loadTinyModel(server: ServeProcess, path = writeGguf(join(server.dataDir, 'tiny.gguf')).path): Promise<void> {
  const model = await callApi(server, 'models:import', { path, mode: 'copy' });
  await callApi(server, 'llm:load', { modelId: model.id });
}

/** Replaces a new dialogue's nodes with these, starting at `startNodeId`: setup for tests about what the editor shows. */
export async function setDialogueNodes(
  server: ServeProcess,
  dialogue: MethodOutput<'dialogues:create'>,
  startNodeId: string,
  nodes: DialogueNode[],
): Promise<void> {
  await callApi(server, 'dialogues:save', {
    id: dialogue.id,
    baseRevision: dialogue.revision,
    startNodeId,
    deleteNodeIds: Object.keys(dialogue.dialogue.nodes).filter((id) => !nodes.some((node) => node.id === id)),
    upsertNodes: nodes,
  });
}

export { expect };

import { expect, test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../helpers/serve-process';

interface StudioFixture {
  server: ServeProcess;
  /** Stops the server and starts a new one on the same data folder and token. */
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
        server = await startServe(dataDir, token);
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

export { expect };

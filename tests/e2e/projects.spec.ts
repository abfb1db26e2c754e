import type { Page } from '@playwright/test';
import { createProject, expect, test } from './fixtures';

/** Creates a story in the Stories section, types its text and waits until it is saved. */
async function newStory(page: Page, name: string, text: string) {
  await page.getByRole('button', { name: 'Stories' }).click();
  await page.getByRole('button', { name: 'New Story' }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByLabel('Story text').click();
  await page.keyboard.type(text);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveAttribute('data-save-state', 'saved');
}

test('a project made in the UI survives a server restart', async ({ page, studio }) => {
  await studio.open(page);
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);

  await createProject(page, 'The Sunken Kingdom');
  await newStory(page, 'The Smith of the Harbour', 'Mirela forges blades of moonsteel for the harbour guard.');

  await studio.restart();
  await studio.open(page);
  // The tab still open during the restart reconnects and reopens its project on the new server; when it
  // got there first the project is open already, otherwise the project list offers it.
  const reopen = page.getByRole('button', { name: 'Open The Sunken Kingdom' }).first();
  await expect(reopen.or(page.getByRole('button', { name: 'Stories' })).first()).toBeVisible();
  if (await reopen.isVisible()) await reopen.click();
  await page.getByRole('button', { name: 'Stories' }).click();
  await page.getByRole('navigation', { name: 'Stories list' }).getByRole('button', { name: 'The Smith of the Harbour' }).click();
  await expect(page.getByLabel('Story text')).toContainText('Mirela forges blades of moonsteel for the harbour guard.');
});

test('a wrong token gets 401 and the page says how to get in', async ({ page, studio }) => {
  const response = await page.request.post(`${studio.server.url}/api/call/projects:list`, {
    headers: { authorization: 'Bearer wrong-token' },
    data: {},
  });
  expect(response.status()).toBe(401);

  await page.goto(`${studio.server.url}/?token=wrong-token`);
  await expect(page.getByRole('heading', { name: 'This link has no access to the studio' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Open the exact link printed by npm run serve');
});

test('projects can be renamed, duplicated and moved to the trash from the picker', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Isles');
  await page.getByRole('button', { name: 'Project menu' }).click();
  await page.getByRole('menuitem', { name: 'Close project' }).click();

  const all = page.getByRole('list', { name: 'All projects' });
  await all.getByRole('button', { name: 'Actions for Isles' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByLabel('New name').fill('Storm Isles');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(all.getByRole('button', { name: 'Open Storm Isles' })).toBeVisible();

  await all.getByRole('button', { name: 'Actions for Storm Isles' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate…' }).click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(all.getByRole('button', { name: 'Open Storm Isles copy' })).toBeVisible();

  await all.getByRole('button', { name: 'Actions for Storm Isles copy' }).click();
  await page.getByRole('menuitem', { name: 'Move to trash' }).click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(all.getByRole('button', { name: 'Open Storm Isles copy' })).toHaveCount(0);
  await expect(all.getByRole('button', { name: 'Open Storm Isles' })).toBeVisible();
});

test('the command palette finds content by its text and opens it', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Lore');
  await newStory(page, 'The Lantern Thief', 'Someone stole the lighthouse lantern during the eclipse.');

  await page.getByRole('button', { name: 'NPCs' }).click();
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Search the project or run a command…').fill('eclipse');
  await page.getByRole('button', { name: /The Lantern Thief/ }).click();
  await expect(page.getByLabel('Story name')).toHaveValue('The Lantern Thief');
});

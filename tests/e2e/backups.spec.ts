import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { callApi, createProject, expect, test } from './fixtures';

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveAttribute('data-save-state', 'saved');

async function openStory(page: Page, name: string) {
  await page.getByRole('button', { name: 'Stories' }).click();
  await page.getByRole('navigation', { name: 'Stories list' }).getByRole('button', { name }).click();
}

test('a backup taken from the project menu is restored from the Backups dialog', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Harbour Tales');
  await page.getByRole('button', { name: 'Stories' }).click();
  await page.getByRole('button', { name: 'New Story' }).first().click();
  await page.getByLabel('Name').fill('The Lighthouse');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByLabel('Story text').click();
  await page.keyboard.type('The keeper lit the lamp at dusk.');
  await saved(page);

  await page.getByRole('button', { name: 'Project menu' }).click();
  await page.getByRole('menuitem', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups of “Harbour Tales”' });
  const backups = dialog.getByRole('list', { name: 'Backups' });
  // Opening the project took the first, automatic backup.
  await expect(backups.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  const mine = backups.getByRole('listitem').filter({ hasText: 'Backed up by you' });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(/KB/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByLabel('Story text').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Then the storm took the boats.');
  await saved(page);

  await page.getByRole('button', { name: 'Project menu' }).click();
  await page.getByRole('menuitem', { name: 'Backups…' }).click();
  await mine.getByRole('button', { name: 'Restore…' }).click();
  await page
    .getByRole('dialog', { name: /Restore the backup from/ })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(page.getByText('Restored “Harbour Tales”')).toBeVisible();
  await expect(page.getByTestId('project-name')).toHaveText('Harbour Tales');

  await openStory(page, 'The Lighthouse');
  await expect(page.getByLabel('Story text')).toHaveText('The keeper lit the lamp at dusk.');

  // The project as it was before the restore is kept as a backup of its own.
  await page.getByRole('button', { name: 'Project menu' }).click();
  await page.getByRole('menuitem', { name: 'Backups…' }).click();
  await expect(backups.getByRole('listitem').filter({ hasText: 'Before a restore' })).toHaveCount(1);
});

test('a damaged project file in the picker offers its latest backup, and restoring it opens the project', async ({ page, studio }) => {
  const project = await callApi(studio.server, 'projects:create', { name: 'Sunken Vault' });
  await callApi(studio.server, 'projects:open', { id: project.id });
  await callApi(studio.server, 'content:create', {
    kind: 'story',
    name: 'Vault Ledger',
    data: { schemaVersion: 1, markdown: 'Three keys open the vault.', lore: false },
  });
  await callApi(studio.server, 'backups:create', { projectId: project.id });
  await callApi(studio.server, 'projects:close', {});
  writeFileSync(project.path, 'a sync tool wrote half a file here');

  await studio.open(page);
  await page.getByRole('list', { name: 'All projects' }).getByRole('button', { name: 'Open Sunken Vault' }).click();
  const offer = page.getByRole('dialog', { name: '“Sunken Vault” cannot be opened' });
  await expect(offer).toContainText('is not a Loreweaver project');
  await offer.getByRole('button', { name: /^Restore latest backup from / }).click();

  await expect(page.getByTestId('project-name')).toHaveText('Sunken Vault');
  await expect(page.getByText('Restored “Sunken Vault”')).toBeVisible();
  await openStory(page, 'Vault Ledger');
  await expect(page.getByLabel('Story text')).toHaveText('Three keys open the vault.');
});

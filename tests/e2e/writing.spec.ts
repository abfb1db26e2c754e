import type { Page } from '@playwright/test';
import { createProject, expect, loadTinyModel, test } from './fixtures';

async function newItem(page: Page, section: string, button: string, name: string) {
  await page.getByRole('button', { name: section, exact: true }).click();
  await page.getByRole('button', { name: button }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
}

async function waitSaved(page: Page) {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveAttribute('data-save-state', 'saved');
}

const PARAGRAPH = 'The old keeper climbed the stairs of the lighthouse and looked out over the grey sea.';

test('write a story paragraph, continue it with the tiny model as ghost text, accept with Tab and undo it', async ({ page, studio }) => {
  test.setTimeout(180_000);
  await loadTinyModel(studio.server);
  await studio.open(page);
  await createProject(page, 'Saltmere');
  await newItem(page, 'Stories', 'New Story', 'The Drowned Bell');
  const text = page.getByLabel('Story text');
  const undo = page.getByRole('button', { name: /^Undo/ });
  const redo = page.getByRole('button', { name: /^Redo/ });
  await expect(undo).toBeDisabled();
  await text.click();
  await expect(text.locator('p.is-editor-empty')).toHaveAttribute('data-placeholder', /^Once upon a time/);
  await page.keyboard.type('# Chapter One');
  await page.keyboard.press('Enter');
  await page.keyboard.type(PARAGRAPH);
  await expect(page.getByRole('navigation', { name: 'Story outline' }).getByText('Chapter One')).toBeVisible();
  await expect(page.getByTestId('story-counts')).toHaveText('18 words · 1 min read');

  await page.getByRole('button', { name: 'Continue' }).click();
  const ghost = page.getByTestId('ghost-text');
  await expect(ghost).toBeVisible();
  // Generation ends on its own (token limit or end of text); the suggestion stays until accepted.
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible({ timeout: 60_000 });
  await expect(ghost).not.toHaveText('…');
  const suggestion = (await ghost.textContent()) ?? '';
  expect(suggestion.trim().length).toBeGreaterThan(0);

  await page.keyboard.press('Tab');
  await expect(ghost).toHaveCount(0);
  const accepted = (await text.textContent()) ?? '';
  expect(accepted.length).toBeGreaterThan(`Chapter One${PARAGRAPH}`.length);
  const firstWords = suggestion.trim().split(/\s+/)[0];
  expect(accepted).toContain(firstWords);

  // One undo step takes the whole suggestion back.
  await expect(redo).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(text).toHaveText(`Chapter One${PARAGRAPH}`);
  await expect(redo).toBeEnabled();
  await expect(undo).toBeEnabled();
  await waitSaved(page);

  // The saved Markdown is what the editor shows; Escape rejects a new suggestion.
  const list = await page.request.post(`${studio.server.url}/api/call/content:list`, {
    headers: { authorization: `Bearer ${studio.server.token}` },
    data: { kind: 'story' },
  });
  const [summary] = (await list.json()).value;
  const got = await page.request.post(`${studio.server.url}/api/call/content:get`, {
    headers: { authorization: `Bearer ${studio.server.token}` },
    data: { id: summary.id },
  });
  expect((await got.json()).value.data).toEqual({ schemaVersion: 1, markdown: `# Chapter One\n\n${PARAGRAPH}`, lore: false });

  await page.keyboard.press('Control+Enter');
  await expect(ghost).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ghost).toHaveCount(0);
  await expect(text).toHaveText(`Chapter One${PARAGRAPH}`);

  // A chapter heading starts a chapter; Backspace at its start joins it to the paragraph before, as in plain text.
  const chapters = text.locator('section[data-chapter]');
  await expect(chapters).toHaveCount(1);
  await page.keyboard.press('Enter');
  await page.keyboard.type('# Chapter Two');
  await expect(chapters).toHaveCount(2);
  await expect(chapters.nth(1).locator('h1')).toHaveText('Chapter Two');
  await expect(page.getByRole('navigation', { name: 'Story outline' }).getByText('Chapter Two')).toBeVisible();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expect(chapters).toHaveCount(1);
  await expect(text).toHaveText(`Chapter One${PARAGRAPH}Chapter Two`);
});

test('write a haiku and see the wrong line marked, with why', async ({ page, studio }) => {
  // The dictionary takes a second or two to load on an idle machine; far longer on a busy CI box.
  test.setTimeout(150_000);
  await studio.open(page);
  await createProject(page, 'Pond');
  await newItem(page, 'Poems', 'New Poem', 'Old pond');
  await page.getByRole('combobox', { name: 'Form' }).click();
  await page.getByRole('option', { name: 'Haiku' }).click();
  const poem = page.getByLabel('Poem text');
  await poem.fill('An old silent pond\nA frog jumps into the pond and swims away\nSplash! Silence again.');

  await expect(page.getByText('loading dictionary…')).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByTestId('poem-line-1')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('poem-line-2')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('poem-line-2')).toHaveAttribute('aria-label', /11 syllables; line 2 of a haiku needs 7/);
  await expect(page.getByTestId('poem-line-3')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByRole('alert', { name: 'Breaks the form' })).toContainText('Line 2: 11 syllables; line 2 of a haiku needs 7');

  // Mending the line clears the mark; the dictionary's rhymes follow the cursor's line.
  await poem.press('ArrowUp');
  await poem.press('End');
  for (let i = 0; i < ' and swims away'.length; i++) await page.keyboard.press('Backspace');
  await expect(page.getByTestId('poem-line-2')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByRole('alert', { name: 'Breaks the form' })).toHaveCount(0);
  await expect(page.getByLabel('Rhymes for pond')).toContainText('blond');
  await waitSaved(page);
});

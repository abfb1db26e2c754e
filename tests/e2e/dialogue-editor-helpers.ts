import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** A node card on the canvas by what it says, or by its id. */
export const node = (page: Page, text: string) => page.locator('.react-flow__node', { hasText: text });
export const nodeById = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const problems = (page: Page) => page.getByRole('region', { name: 'Validation' });
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Clicks a node's title bar: selects it without opening its text. */
export async function select(target: Locator) {
  await target.click({ position: { x: 70, y: 14 } });
}

/** Drags a link from a node's output handle to another node's input handle. */
export async function connect(page: Page, from: Locator, handleId: string, to: Locator) {
  const source = await from.locator(`.react-flow__handle[data-handleid="${handleId}"]`).boundingBox();
  const target = await to.locator('.react-flow__handle[data-handleid="in"]').boundingBox();
  await page.mouse.move(source!.x + source!.width / 2, source!.y + source!.height / 2);
  await page.mouse.down();
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Jumps to a node through the editor's search box, which selects it and brings it into view. */
export async function find(page: Page, text: string) {
  await page.getByRole('combobox', { name: 'Find a node' }).fill(text);
  await page
    .getByRole('option', { name: new RegExp(text.replace(/[$.*+?^(){}[\]\\|]/g, '\\$&')) })
    .first()
    .click();
  await expect(page.getByRole('combobox', { name: 'Find a node' })).toHaveValue('');
}

/** Edits the selected node's text in place (Enter opens it, Ctrl+Enter commits). */
export async function typeInline(page: Page, text: string) {
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
}

export async function waitSaved(page: Page) {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveAttribute('data-save-state', 'saved');
}

import type { Page } from '@playwright/test';
import { find, inspector, node, nodeById, problems, select, typeInline, waitSaved } from './dialogue-editor-helpers';
import { createProject, expect, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

/** A screenshot of the studio as it is now, at the viewport's 1280×720, kept with the test's results. */
const shoot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });

/** Opens a fresh dialogue in a new project: a start line leading to an end. */
async function newDialogue(page: Page, studio: { open(page: Page): Promise<void> }, name: string) {
  await studio.open(page);
  await createProject(page, 'Inn');
  await page.getByRole('button', { name: 'Dialogues' }).click();
  await page.getByRole('button', { name: 'New dialogue' }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(nodeById(page, 'start')).toBeVisible();
  await page.getByRole('button', { name: 'Fold the section list to icons' }).click();
}

/** Declares a variable in the dialogue's settings (nothing selected): its name, type, and a default when given. */
async function addVariable(page: Page, name: string, type: string, value?: string) {
  await page.getByRole('button', { name: 'Add variable' }).click();
  await page.getByLabel('Variable name').last().fill(name);
  await page.getByRole('combobox', { name: 'Variable type' }).last().click();
  await page.getByRole('option', { name: type, exact: true }).click();
  if (value !== undefined) await page.getByLabel(`Default of ${name}`).fill(value);
}

test('a creator writes an interpolated line, a once option and a group, fixes a live type error, and plays it', async ({
  page,
  studio,
}) => {
  test.setTimeout(120_000);
  await newDialogue(page, studio, 'The tavern');
  await addVariable(page, 'gold', 'number', '12');

  // The line's text offers the declared variables inside {…} and inserts the one picked.
  await select(nodeById(page, 'start'));
  const text = inspector(page).getByLabel('Text', { exact: true });
  await text.fill('You carry {$g');
  const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText([/\$gold\s*number/]);
  await shoot(page, 'line-suggestions');
  await text.press('Enter');
  await expect(text).toHaveValue('You carry {$gold');
  await text.press('End');
  await text.pressSequentially('} coins, [b]traveller[/b].');
  await expect(text).toHaveValue('You carry {$gold} coins, [b]traveller[/b].');

  // A condition comparing a number with text is a type error, shown as it is typed, until fixed.
  const said = inspector(page).getByLabel('Said when');
  await said.fill('$gold > "ten"');
  await expect(inspector(page).getByText("'>' needs a number, but this is a string")).toBeVisible();
  await shoot(page, 'line-type-error');
  await said.fill('$gold > 5');
  await expect(inspector(page).getByText(/needs a number/)).toHaveCount(0);
  await expect(nodeById(page, 'start')).toContainText('if $gold > 5');

  // The end gives way to a choice: a drink, once, and leaving.
  await select(nodeById(page, 'end'));
  await page.keyboard.press('Delete');
  await select(nodeById(page, 'start'));
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByLabel('Option 1 text').fill('Buy a drink');
  await page.getByLabel('Option 2 text').fill('Leave');
  await inspector(page).getByRole('switch', { name: 'Only once' }).first().check();
  await inspector(page).getByLabel('Shown when').nth(1).fill('$gold < 5');
  const choice = node(page, 'Buy a drink');
  await expect(choice).toContainText('once');
  await expect(choice.locator('.react-flow__handle[data-handleid="else"]')).toBeVisible();
  await shoot(page, 'choice-form');

  // A group (G) after the drink: the barkeep's line depends on the gold.
  await select(choice);
  await page.keyboard.press('g');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await inspector(page).getByLabel('Available when').first().fill('$gold >= 10');
  const group = node(page, 'Candidate 1');
  await expect(group).toContainText('if $gold >= 10');
  await shoot(page, 'group-form');
  await select(group);
  await page.keyboard.press('l');
  await typeInline(page, 'Our [i]finest[/i] ale, {$gold} gold well spent.');
  await inspector(page).getByRole('combobox', { name: 'Next' }).click();
  await page.getByRole('option', { name: /Player choice/ }).click();
  // The group is found by its condition (the canvas shows only what is in view).
  await find(page, '$gold >= 10');
  await page.keyboard.press('l');
  await typeInline(page, 'Water, then.');
  await expect(problems(page)).toContainText('Option 2 is not connected');
  await expect(problems(page)).not.toContainText(/Candidate \d is not connected|not declared|needs a/);
  await waitSaved(page);

  // Play it: the text is rendered with its markup, the once option is gone the second time.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Play from the start' }).click();
  const step = page.getByTestId('current-step');
  await expect(step).toContainText('You carry 12 coins, traveller.');
  await expect(step.locator('[data-markup]', { hasText: 'traveller' })).toHaveCSS('font-weight', '700');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Buy a drink' }).click();
  // What was said stays styled in the history, the choice made too.
  await expect(page.getByTestId('log-line').locator('[data-markup]', { hasText: 'traveller' })).toHaveCSS('font-weight', '700');
  await expect(page.getByTestId('log-choice')).toContainText('Buy a drink');
  await expect(step).toContainText('Our finest ale, 12 gold well spent.');
  await expect(step.locator('[data-markup]', { hasText: 'finest' })).toHaveCSS('font-style', 'italic');
  await page.getByRole('tab', { name: 'Path' }).click();
  await expect(page.getByText(/^Group group_/)).toBeVisible();
  await shoot(page, 'playthrough');
  // Back at the choice no option is open (the drink was once, leaving needs less gold): both
  // show greyed, and Continue goes on past them (here to the end, the fallthrough being unconnected).
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Buy a drink' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Leave' })).toBeDisabled();
  await shoot(page, 'playthrough-fallthrough');
  await step.getByRole('button', { name: 'Continue' }).click();
  await expect(step).toContainText('The conversation is over.');
});

test('enums, smart variables, the saliency rule, detours by expression and set-variable expressions are edited in the inspector', async ({
  page,
  studio,
}) => {
  test.setTimeout(120_000);
  await newDialogue(page, studio, 'The market');

  // Settings: the saliency rule explains itself; an enum with a valued case; variables holding it or computed.
  await page.getByRole('combobox', { name: 'Groups pick' }).click();
  await page.getByRole('option', { name: 'First available' }).click();
  await expect(inspector(page).getByText('the first available candidate, in order')).toBeVisible();
  await page.getByRole('button', { name: 'Add enum' }).click();
  await page.getByLabel('Enum name').fill('Mood');
  await page.getByLabel('Case 1 of Mood').fill('Calm');
  await page.getByRole('button', { name: 'Add case' }).click();
  await page.getByLabel('Case 2 of Mood').fill('Angry');
  await page.getByLabel('Value of Mood.Angry').fill('2');
  // A case without a value is its name, text: Calm and 2 mix text and numbers until Calm gets one.
  await expect(inspector(page).getByRole('alert')).toContainText('mix number and string values');
  await page.getByLabel('Value of Mood.Calm').fill('1');
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);
  await addVariable(page, 'mood', 'Mood');
  await addVariable(page, 'gold', 'number', '3');
  await addVariable(page, 'rich', 'smart');
  await page.getByLabel('Expression of rich').fill('$gold >');
  await expect(inspector(page).getByText(/xpected/)).toBeVisible();
  await page.getByLabel('Expression of rich').fill('$gold > 100');
  await expect(inspector(page).getByText(/xpected/)).toHaveCount(0);
  await inspector(page).getByText('Enums', { exact: true }).scrollIntoViewIfNeeded();
  await shoot(page, 'dialogue-settings');

  // A condition completes enum cases after `Mood.` and a lone `.`.
  await select(nodeById(page, 'start'));
  const said = inspector(page).getByLabel('Said when');
  await said.fill('$mood == Mood.');
  const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText([/Mood\.Calm\s*Mood = 1/, /Mood\.Angry\s*Mood = 2/]);
  await said.press('ArrowDown');
  await said.press('Enter');
  await expect(said).toHaveValue('$mood == Mood.Angry');
  await shoot(page, 'enum-suggestions');

  // A detour (D) whose target is computed, then an action setting gold from an expression.
  await page.keyboard.press('Escape');
  await select(nodeById(page, 'start'));
  await page.keyboard.press('d');
  await inspector(page).getByText('Other dialogue', { exact: true }).click();
  await expect(inspector(page).getByText('The project has no dialogue yet')).toBeVisible();
  await inspector(page).getByText('Expression', { exact: true }).click();
  const target = inspector(page).getByLabel('Target node id');
  await target.fill('$');
  await expect(page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option')).toHaveCount(3);
  await target.press('Escape');
  await target.fill('"end"');
  await expect(node(page, 'Detour')).toContainText('To {"end"}');
  await shoot(page, 'detour-form');
  await page.keyboard.press('Escape');
  await select(node(page, 'Detour'));
  await page.keyboard.press('a');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('combobox', { name: 'Variable', exact: true }).click();
  await expect(page.getByRole('option', { name: 'rich' })).toHaveCount(0);
  await page.getByRole('option', { name: 'gold' }).click();
  await page.getByRole('switch', { name: 'Value as expression' }).check();
  const value = page.getByLabel('Value expression');
  await value.fill('$gold * "2"');
  await expect(inspector(page).getByText(/needs a number/)).toBeVisible();
  await value.fill('$gold * 2');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('combobox', { name: 'Action 2 type' }).click();
  await page.getByRole('option', { name: 'Game command (text)' }).click();
  await inspector(page).getByLabel('Command').fill('show_mood {$mood}');
  await expect(node(page, '$gold = $gold * 2')).toContainText('<<show_mood {$mood}>>');
  await shoot(page, 'action-form');
  await waitSaved(page);

  // All of it is saved: a reload shows the same settings.
  await page.reload();
  await page.getByRole('navigation', { name: 'Dialogues list' }).getByText('The market').click();
  await expect(page.getByRole('combobox', { name: 'Groups pick' })).toHaveValue('First available');
  await expect(page.getByLabel('Value of Mood.Angry')).toHaveValue('2');
  await expect(page.getByLabel('Expression of rich')).toHaveValue('$gold > 100');
});

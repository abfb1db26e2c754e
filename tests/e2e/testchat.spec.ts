import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { DialogueNode } from '../../main/domain/dialogue/dialogue-schema';
import { writeGguf } from '../fixtures/gguf-generator';
import { callApi, createProject, expect, loadTinyModel, test } from './fixtures';

const messages = (page: Page, role: 'npc' | 'user') => page.locator(`[data-testid="chat-message"][data-role="${role}"]`);
const composerIdle = (page: Page) => expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 30_000 });

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.keyboard.press('Enter');
  await composerIdle(page);
}

let modelDir: string;
let modelPath: string;
let slowModelPath: string;
test.beforeAll(() => {
  modelDir = mkdtempSync(join(tmpdir(), 'loreweaver-testchat-model-'));
  modelPath = writeGguf(join(modelDir, 'tiny.gguf')).path;
  // Larger than the tiny model, so a long reply streams for seconds and can be stopped by a click.
  slowModelPath = writeGguf(join(modelDir, 'slow.gguf'), {
    embeddingLength: 512,
    blockCount: 8,
    headCount: 8,
    headCountKv: 8,
    feedForwardLength: 2048,
    contextLength: 4096,
    tensorType: 'q4_0',
    name: 'loreweaver-chat',
  }).path;
});
test.afterAll(() => rmSync(modelDir, { recursive: true, force: true }));

test('chat with an NPC: three turns, stop mid-stream, regenerate and flip versions, branch, reload and find it again', async ({
  page,
  studio,
}) => {
  test.setTimeout(120_000);
  await studio.open(page);
  await createProject(page, 'Tavern');
  await callApi(studio.server, 'npcs:create', {
    name: 'Mira',
    persona: {
      role: 'smith',
      description: '{{char}} forges blades.',
      firstMessage: 'Welcome, {{user}}.',
      lorebook: {
        extensions: {},
        entries: [
          { name: 'Dragon', keys: ['dragon'], content: 'Vex sleeps under Ash Mountain.', enabled: true, insertionOrder: 1, extensions: {} },
        ],
      },
    },
  });
  await loadTinyModel(studio.server, modelPath);

  await page.getByRole('button', { name: 'Test chat' }).click();
  await expect(page.getByText('Talk to your NPCs before you ship them')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'NPC' })).toHaveValue('Mira');
  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(messages(page, 'npc').first()).toContainText('Welcome, Player.');

  await page.getByRole('combobox', { name: 'Reply length' }).click();
  await page.getByRole('option', { name: 'Short reply' }).click();
  await send(page, 'Hello there');
  await send(page, 'Tell me about the dragon');
  await expect(page.getByTestId('fired-entries')).toContainText('Dragon');
  await expect(page.getByTestId('prompt-text')).toContainText('Mira forges blades.');
  await expect(page.getByTestId('prompt-tokens')).toContainText(/\d+ tokens of \d+/);
  await send(page, 'Thanks');
  await expect(messages(page, 'user')).toHaveCount(3);
  await expect(messages(page, 'npc')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('chat.png') });

  // The conversation carries on with another model: the studio starts it a new chat from the saved messages.
  await loadTinyModel(studio.server, slowModelPath);

  // A long reply, stopped as soon as its first words stream in: what was written is kept.
  await page.getByRole('combobox', { name: 'Reply length' }).click();
  await page.getByRole('option', { name: 'Very long' }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill('Tell me everything');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('streaming-reply').locator('div').last()).toHaveText(/\S/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await composerIdle(page);
  await expect(messages(page, 'npc')).toHaveCount(5);
  await expect(messages(page, 'npc').last()).toContainText('stopped');

  // Regenerate the last reply: both versions are kept and can be flipped through.
  await page.getByRole('combobox', { name: 'Reply length' }).click();
  await page.getByRole('option', { name: 'Short reply' }).click();
  const last = messages(page, 'npc').last();
  await last.hover();
  await last.getByRole('button', { name: 'Regenerate' }).click();
  await expect(last.getByTestId('version-label')).toHaveText('2/2', { timeout: 30_000 });
  await last.hover();
  await last.getByRole('button', { name: 'Previous version' }).click();
  await expect(last.getByTestId('version-label')).toHaveText('1/2');

  // Branch from the second message: a new conversation holding the first two.
  const second = messages(page, 'user').first();
  await second.hover();
  await second.getByRole('button', { name: 'Branch from here' }).click();
  await expect(page.getByTestId('conversation-title')).toHaveText('Chat with Mira (branch)');
  await expect(page.getByTestId('chat-message')).toHaveCount(2);

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'NPC' })).toHaveValue('Mira');
  const list = page.getByRole('list', { name: 'Conversations' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByText('Chat with Mira', { exact: true }).click();
  await expect(messages(page, 'user')).toHaveCount(4);
  await expect(messages(page, 'npc').last().getByTestId('version-label')).toHaveText('1/2');
});

test('play a dialogue through a condition and see the state inspector change', async ({ page, studio }) => {
  test.setTimeout(120_000);
  await studio.open(page);
  await createProject(page, 'Gatehouse');
  const npc = await callApi(studio.server, 'npcs:create', { name: 'Mira' });
  const created = await callApi(studio.server, 'dialogues:create', { name: 'The gate', npcId: npc.id });
  const node = (n: Partial<DialogueNode> & { id: string; kind: DialogueNode['kind'] }) =>
    ({ position: { x: 0, y: 0 }, ...n }) as DialogueNode;
  await callApi(studio.server, 'dialogues:save', {
    id: created.id,
    baseRevision: created.revision,
    variables: [{ name: 'gold', type: 'number', default: 0 }],
    startNodeId: 'hello',
    deleteNodeIds: Object.keys(created.dialogue.nodes),
    upsertNodes: [
      node({ id: 'hello', kind: 'line', speaker: 'Mira', text: 'Halt. The toll is ten gold.', lineId: 'hello', next: 'ask' }),
      node({
        id: 'ask',
        kind: 'choice',
        options: [
          { id: 'pay', text: 'Pay 10 gold', condition: '$gold >= 10', target: 'paid' },
          { id: 'coin', text: 'Search the road', target: 'found' },
        ],
      }),
      node({ id: 'found', kind: 'action', actions: [{ type: 'setVariable', variable: 'gold', operator: '+=', value: 5 }], next: 'muse' }),
      node({
        id: 'muse',
        kind: 'aiLine',
        speaker: 'Mira',
        instruction: 'Mock the small find',
        fallbackText: 'Five? Keep looking.',
        lineId: 'muse',
        next: 'ask',
      }),
      node({ id: 'paid', kind: 'line', speaker: 'Mira', text: 'Pass, traveller.', lineId: 'paid', next: 'bye' }),
      node({ id: 'bye', kind: 'end', outcome: 'through the gate' }),
    ],
  });

  await page.getByRole('button', { name: 'Test chat' }).click();
  await page.getByText('Playthrough', { exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Dialogue' })).toHaveValue('The gate');
  await page.getByRole('button', { name: 'Play from the start' }).click();
  await expect(page.getByTestId('current-step')).toContainText('Halt. The toll is ten gold.');
  await page.getByRole('button', { name: 'Continue' }).click();

  // The toll choice is closed and hidden until asked for, with the reason.
  await expect(page.getByRole('button', { name: 'Search the road' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay 10 gold' })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Show closed choices' }).click();
  await expect(page.getByRole('button', { name: 'Pay 10 gold' })).toBeDisabled();
  await expect(page.getByTestId('current-step')).toContainText('Requires $gold >= 10');

  // The action runs: the log and the inspector show the new gold.
  await page.getByRole('button', { name: 'Search the road' }).click();
  await expect(page.getByTestId('log-effect')).toContainText('$gold: 0 → 5');
  await expect(page.getByRole('textbox', { name: '$gold' })).toHaveValue('5');
  // Without a model the AI line says its authored fallback.
  await expect(page.getByTestId('current-step')).toContainText('Five? Keep looking.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Pay 10 gold' })).toBeDisabled();

  // Set the state in the inspector to open the branch.
  await page.getByRole('textbox', { name: '$gold' }).fill('12');
  await page.getByRole('button', { name: 'Apply state' }).click();
  await expect(page.getByRole('button', { name: 'Pay 10 gold' })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath('playthrough.png') });
  await page.getByRole('button', { name: 'Pay 10 gold' }).click();
  await expect(page.getByTestId('current-step')).toContainText('Pass, traveller.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('current-step')).toContainText('The conversation is over.');

  // With a model, the AI line improvises in character.
  await loadTinyModel(studio.server, modelPath);
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('menuitem', { name: /Mock the small find/ }).click();
  await expect(page.getByTestId('current-step').getByText(/improvised|fallback/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newNode } from '../../main/domain/dialogue';
import { newScriptData } from '../../main/domain/script';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

async function openStudio() {
  const studio = makeStudio(tempDir());
  const project = await callOk(studio, 'projects:create', { name: 'Search' });
  await callOk(studio, 'projects:open', { id: project.id });
  return studio;
}

const storyData = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });
const poemData = (text: string) => ({ schemaVersion: 1, form: 'free', text });

describe('project search', () => {
  it('ranks an item named for the word above items that only mention it, even many times', async () => {
    const studio = await openStudio();
    await callOk(studio, 'content:create', {
      kind: 'story',
      name: 'Harbour days',
      data: storyData('The lighthouse keeper saw the lighthouse burn; lighthouse ash fell on the lighthouse steps.'),
    });
    const named = await callOk(studio, 'quests:create', { title: 'The Lighthouse', quest: { summary: 'A quest at the cliffs.' } });
    const hits = await callOk(studio, 'search:query', { text: 'lighthouse' });
    expect(hits.map((h) => h.id)[0]).toBe(named.id);
    expect(hits).toHaveLength(2);
    studio.close();
  });

  it('matches the last word as a prefix and every word in full', async () => {
    const studio = await openStudio();
    await callOk(studio, 'content:create', { kind: 'poem', name: 'Tide', data: poemData('Moonsteel waves upon the shore') });
    expect((await callOk(studio, 'search:query', { text: 'moonst' })).map((h) => h.name)).toEqual(['Tide']);
    expect((await callOk(studio, 'search:query', { text: 'waves moon' })).map((h) => h.name)).toEqual(['Tide']);
    expect(await callOk(studio, 'search:query', { text: 'wav shore' })).toEqual([]);
    studio.close();
  });

  it('indexes script code, story Markdown and poem text, with the match marked in the snippet', async () => {
    const studio = await openStudio();
    const script = await callOk(studio, 'content:create', {
      kind: 'script',
      name: 'Patrol',
      data: newScriptData('luau', 'npc', 'local runner = DialogueRunner.new(pack, "gatekeeper")\nrunner:step()'),
    });
    const story = await callOk(studio, 'content:create', {
      kind: 'story',
      name: 'Prologue',
      data: storyData('# The gate\n\nThe **gatekeeper** sleeps.'),
    });
    const poem = await callOk(studio, 'content:create', { kind: 'poem', name: 'Watch', data: poemData('Old gatekeeper,\nkeys of rust') });
    const hits = await callOk(studio, 'search:query', { text: 'gatekeeper' });
    expect(new Set(hits.map((h) => h.id))).toEqual(new Set([script.id, story.id, poem.id]));
    expect(hits.find((h) => h.id === script.id)?.snippet).toContain('«gatekeeper»');
    // A script is found by its code, not by its language or folder names.
    expect(hits.find((h) => h.id === script.id)?.snippet).not.toContain('luau');
    expect(await callOk(studio, 'search:query', { text: 'luau' })).toEqual([]);

    await callOk(studio, 'content:save', { id: script.id, data: newScriptData('luau', 'npc', 'print("hello")') });
    expect((await callOk(studio, 'search:query', { text: 'gatekeeper' })).map((h) => h.id)).not.toContain(script.id);
    expect((await callOk(studio, 'search:query', { text: 'hello' })).map((h) => h.id)).toEqual([script.id]);
    studio.close();
  });

  it('shows the matching prose in snippets, never ids, references, enumerations or embedded data', async () => {
    const studio = await openStudio();
    const card = readFileSync('tests/fixtures/cards/mirela.v3.png').toString('base64');
    const mirela = await callOk(studio, 'npcs:importCard', { data: card });
    expect(mirela.persona.avatar?.kind).toBe('dataUrl');
    expect(mirela.persona.cardImport?.spec).toBe('v3');
    const [hit] = await callOk(studio, 'search:query', { text: 'Emberfall' });
    expect(hit).toMatchObject({ id: mirela.id, kind: 'npc' });
    expect(hit.snippet).toContain('«Emberfall»');
    expect(hit.snippet).not.toMatch(/dataUrl|chara_card/);
    for (const word of ['dataUrl', 'chara_card_v3']) expect(await callOk(studio, 'search:query', { text: word })).toEqual([]);

    const talk = await callOk(studio, 'dialogues:create', { name: 'Forge talk' });
    const ask = { ...newNode('choice', 'choice_rz0d'), options: [{ id: 'opt_1', text: 'Sharpen my axe.', target: 'line_rz0e' }] };
    await callOk(studio, 'dialogues:save', { id: talk.id, baseRevision: talk.revision, upsertNodes: [ask] });
    const [node] = await callOk(studio, 'search:query', { text: 'sharpen' });
    expect(node).toMatchObject({ id: talk.id, snippet: '«Sharpen» my axe.' });
    expect(await callOk(studio, 'search:query', { text: 'rz0d' })).toEqual([]);
    studio.close();
  });
});

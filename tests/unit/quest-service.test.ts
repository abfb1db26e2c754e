import { describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../preload/api';
import { newNode } from '../../main/domain/dialogue';
import { writeLegacyItem } from '../helpers/legacy-item';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';
import { stage, talk } from '../helpers/quests';

const tempDir = useTempDirs();

async function openStudio() {
  const dir = tempDir();
  const studio = makeStudio(dir);
  const project = await callOk(studio, 'projects:create', { name: 'Quests' });
  await callOk(studio, 'projects:open', { id: project.id });
  return { studio, project };
}

describe('quests and world records in a project', () => {
  it('round-trips quests, items and locations through a real project file, across a reopen', async () => {
    const { studio, project } = await openStudio();
    const events: StudioEvent[] = [];
    studio.events.subscribe((event) => events.push(event));
    const mara = await callOk(studio, 'npcs:create', { name: 'Mara' });
    await callOk(studio, 'world:items:save', { item: { id: 'wolf_pelt', name: 'Wolf pelt', description: 'Grey', stackable: true } });
    await callOk(studio, 'world:locations:save', {
      location: { id: 'lodge', name: 'Hunters’ lodge', description: '', region: 'Emberwood' },
    });

    const created = await callOk(studio, 'quests:create', { title: 'The wolf problem', quest: { giverNpcId: mara.persona.id, level: 3 } });
    expect(created.quest).toMatchObject({ id: created.id, title: 'The wolf problem', level: 3, startStageId: 'start' });
    const quest = {
      ...created.quest,
      stages: [
        stage('start', {
          objectives: [talk('talk', mara.persona.id)],
          outcomes: [{ id: 'next', condition: '', result: 'stage' as const, stageId: 'lodge' }],
        }),
        stage('lodge', {
          objectives: [
            { id: 'at', type: 'reach' as const, locationId: 'lodge', description: 'Go to the lodge', optional: false, hidden: false },
          ],
        }),
      ],
      rewards: [{ type: 'item' as const, itemId: 'wolf_pelt', count: 2 }],
    };
    const saved = await callOk(studio, 'quests:save', { id: created.id, quest, baseRevision: 1 });
    expect(saved.revision).toBe(2);
    expect(await studio.call('quests:save', { id: created.id, quest, baseRevision: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(events.filter((e) => e.name === 'content:changed').map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ id: created.id, kind: 'quest', revision: 2 }),
    );
    expect(events.some((e) => e.name === 'world:changed')).toBe(true);

    await callOk(studio, 'projects:close', {});
    await callOk(studio, 'projects:open', { id: project.id });
    expect((await callOk(studio, 'quests:get', { id: created.id })).quest).toEqual(quest);
    expect(await callOk(studio, 'quests:list', {})).toEqual([
      expect.objectContaining({ id: created.id, title: 'The wolf problem', giverNpcId: mara.persona.id, level: 3, stageCount: 2 }),
    ]);
    expect(await callOk(studio, 'world:items:list', {})).toEqual([
      { id: 'wolf_pelt', name: 'Wolf pelt', description: 'Grey', stackable: true },
    ]);
    expect(await callOk(studio, 'world:locations:list', {})).toHaveLength(1);
    expect(await callOk(studio, 'quests:validate', { id: created.id })).toEqual([]);

    // History, restore and search keep working on quest items.
    expect((await callOk(studio, 'content:history', { id: created.id })).map((r) => r.op)).toEqual(['save', 'create']);
    await callOk(studio, 'content:restore', { id: created.id, revision: 1 });
    expect((await callOk(studio, 'quests:get', { id: created.id })).quest.stages).toHaveLength(1);
    expect((await callOk(studio, 'search:query', { text: 'wolf' })).map((hit) => hit.id)).toContain(created.id);

    await callOk(studio, 'world:locations:delete', { id: 'lodge' });
    await callOk(studio, 'quests:save', { id: created.id, quest });
    expect((await callOk(studio, 'quests:validate', {})).map((p) => p.code)).toEqual(['unknown_location']);
    expect(await studio.call('world:items:delete', { id: 'nothing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await callOk(studio, 'quests:delete', { id: created.id });
    expect(await callOk(studio, 'quests:list', {})).toEqual([]);
    expect((await callOk(studio, 'content:history', { id: created.id }))[0].op).toBe('delete');
  });

  it('lists each quest with its stage count, prerequisites and the quests its rewards unlock', async () => {
    const { studio } = await openStudio();
    const a = await callOk(studio, 'quests:create', { title: 'A hunt' });
    const b = await callOk(studio, 'quests:create', { title: 'B feast' });
    const c = await callOk(studio, 'quests:create', { title: 'C trail' });
    await callOk(studio, 'quests:save', {
      id: a.id,
      quest: {
        ...a.quest,
        stages: [...a.quest.stages, stage('more')],
        prerequisites: { ...a.quest.prerequisites, quests: [c.id] },
        rewards: [
          { type: 'item' as const, itemId: 'pelt', count: 1 },
          { type: 'unlockQuest' as const, questId: b.id },
        ],
      },
    });
    expect(await callOk(studio, 'quests:list', {})).toEqual([
      expect.objectContaining({ id: a.id, stageCount: 2, prerequisiteIds: [c.id], unlockIds: [b.id] }),
      expect.objectContaining({ id: b.id, stageCount: 1, prerequisiteIds: [], unlockIds: [] }),
      expect.objectContaining({ id: c.id, stageCount: 1, prerequisiteIds: [], unlockIds: [] }),
    ]);
  });

  it('opens quests saved as generic items, and finds the dialogue nodes acting on a quest', async () => {
    const { studio } = await openStudio();
    const old = await writeLegacyItem(studio, 'quest', 'Old quest', { notes: 'From before' });
    expect((await callOk(studio, 'quests:get', { id: old.id })).quest).toMatchObject({
      title: 'Old quest',
      notes: 'From before',
      stages: [{ id: 'start' }],
    });

    const dialogue = await callOk(studio, 'dialogues:create', { name: 'Mara talks' });
    const act = {
      ...newNode('action', 'give'),
      actions: [
        { type: 'startQuest' as const, questId: old.id },
        { type: 'completeQuest' as const, questId: 'gone' },
      ],
    };
    await callOk(studio, 'dialogues:save', { id: dialogue.id, baseRevision: dialogue.revision, upsertNodes: [act] });
    expect(await callOk(studio, 'quests:links', { id: old.id })).toEqual([
      { dialogueId: dialogue.id, dialogueName: 'Mara talks', nodeId: 'give', action: 'startQuest' },
    ]);
    const problems = await callOk(studio, 'quests:validate', {});
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknown_quest', dialogueId: dialogue.id, nodeId: 'give' }));
  });

  it('refuses an invalid draft and writes nothing', async () => {
    const { studio } = await openStudio();
    const result = await studio.call('quests:create', { title: 'Bad', quest: { startStageId: 'x'.repeat(65) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await callOk(studio, 'quests:list', {})).toEqual([]);
  });
});

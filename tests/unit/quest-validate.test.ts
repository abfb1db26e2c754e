import { describe, expect, it } from 'vitest';
import { validateQuests, type Quest, type QuestWorld } from '../../main/domain/quest';
import { den, quest, stage, talk, wolves } from '../helpers/quests';

const world: QuestWorld = {
  npcExists: (id) => ['mara'].includes(id),
  itemExists: (id) => ['wolf_pelt', 'bow'].includes(id),
  locationExists: (id) => ['barracks', 'lodge'].includes(id),
};

const codes = (quests: Quest[], w: QuestWorld = world) => validateQuests(quests, w).map((p) => `${p.questId ?? '-'}:${p.code}`);

describe('quest validation', () => {
  it('accepts a sound project', () => {
    expect(validateQuests([wolves, den], world)).toEqual([]);
  });

  it('reports references to NPCs, items, locations and quests that do not exist', () => {
    const broken = quest('broken', {
      giverNpcId: 'ghost',
      prerequisites: { quests: ['nope'], condition: '' },
      stages: [
        stage('start', {
          objectives: [
            talk('t', 'nobody'),
            { id: 'c', type: 'collect', itemId: 'unobtainium', count: 1, description: '', optional: false, hidden: false },
            { id: 'r', type: 'reach', locationId: 'atlantis', description: '', optional: false, hidden: false },
          ],
        }),
      ],
      rewards: [
        { type: 'item', itemId: 'air', count: 1 },
        { type: 'unlockQuest', questId: 'broken' },
        { type: 'unlockQuest', questId: 'missing' },
      ],
    });
    expect(codes([broken])).toEqual([
      'broken:unknown_npc',
      'broken:unknown_quest',
      'broken:unknown_npc',
      'broken:unknown_item',
      'broken:unknown_location',
      'broken:reward_target',
      'broken:reward_target',
      'broken:reward_target',
    ]);
  });

  it('finds unreachable stages, stages with no way to complete and dangling outcomes', () => {
    const q = quest('q', {
      startStageId: 'a',
      stages: [
        stage('a', { outcomes: [{ id: 'o', condition: '', result: 'stage', stageId: 'b' }] }),
        stage('b', { outcomes: [{ id: 'o', condition: '', result: 'stage', stageId: 'a' }] }),
        stage('orphan'),
        stage('c', { outcomes: [{ id: 'o', condition: '', result: 'stage', stageId: 'zzz' }] }),
      ],
    });
    const problems = validateQuests([q], world);
    expect(problems.map((p) => `${p.stageId}:${p.code}`)).toEqual([
      'c:unknown_stage',
      'a:no_way_to_complete',
      'b:no_way_to_complete',
      'orphan:unreachable_stage',
      'c:unreachable_stage',
    ]);
  });

  it('reports a missing start and conditions that do not parse or are not true/false', () => {
    const q = quest('q', {
      startStageId: 'nowhere',
      prerequisites: { quests: [], condition: '$level >=' },
      failConditions: ['quest_stage("wolves")'],
    });
    expect(codes([q])).toEqual(['q:invalid_condition', 'q:type_mismatch', 'q:missing_start']);
  });

  it('finds prerequisite cycles, including through several quests, and reports each member once', () => {
    const a = quest('a', { title: 'A', prerequisites: { quests: ['b'], condition: '' } });
    const b = quest('b', { title: 'B', prerequisites: { quests: ['c'], condition: '' } });
    const c = quest('c', { title: 'C', prerequisites: { quests: ['a'], condition: '' } });
    const self = quest('self', { prerequisites: { quests: ['self'], condition: '' } });
    const fine = quest('fine', { prerequisites: { quests: ['a'], condition: '' } });
    const problems = validateQuests([a, b, c, self, fine], world).filter((p) => p.code === 'prerequisite_cycle');
    expect(problems.map((p) => p.questId).sort()).toEqual(['a', 'b', 'c', 'self']);
    expect(problems.find((p) => p.questId === 'a')!.message).toContain('"A", "B", "C"');
  });

  it('handles a 5,000-quest prerequisite chain without recursion', () => {
    const chain = Array.from({ length: 5000 }, (_, i) =>
      quest(`q${i}`, { prerequisites: { quests: i ? [`q${i - 1}`] : [], condition: '' } }),
    );
    expect(validateQuests(chain, world)).toEqual([]);
    chain[0] = quest('q0', { prerequisites: { quests: ['q4999'], condition: '' } });
    expect(validateQuests(chain, world).filter((p) => p.code === 'prerequisite_cycle')).toHaveLength(5000);
  });

  it('checks quest actions in dialogues against the quests', () => {
    const problems = validateQuests([wolves], {
      ...world,
      dialogueActions: [
        { dialogueId: 'd', dialogueName: 'Mara', nodeId: 'n1', action: { type: 'startQuest', questId: 'wolves' } },
        { dialogueId: 'd', dialogueName: 'Mara', nodeId: 'n2', action: { type: 'startQuest', questId: 'lost' } },
        { dialogueId: 'd', dialogueName: 'Mara', nodeId: 'n3', action: { type: 'completeObjective', questId: 'wolves', objectiveId: 'x' } },
        { dialogueId: 'd', dialogueName: 'Mara', nodeId: 'n4', action: { type: 'advanceQuest', questId: 'wolves', stage: 9 } },
      ],
    }).filter((p) => p.dialogueId);
    expect(problems.map((p) => `${p.nodeId}:${p.code}`)).toEqual(['n2:unknown_quest', 'n3:unknown_objective', 'n4:unknown_stage']);
  });

  it('checks one quest alone to the same problems the whole project gives for it', () => {
    const a = quest('a', { title: 'A', giverNpcId: 'ghost', prerequisites: { quests: ['b'], condition: '1 +' } });
    const b = quest('b', { title: 'B', prerequisites: { quests: ['a'], condition: '' } });
    const c = quest('c', { title: '', prerequisites: { quests: ['nope'], condition: '' } });
    const quests = [a, b, c, wolves, den];
    const withActions: QuestWorld = {
      ...world,
      dialogueActions: [
        { dialogueId: 'd', dialogueName: 'Mara', nodeId: 'n1', action: { type: 'advanceQuest', questId: 'a', stage: 9 } },
        { dialogueId: 'd', dialogueName: 'Mara', nodeId: 'n2', action: { type: 'startQuest', questId: 'c' } },
        { dialogueId: 'd', dialogueName: 'Mara', nodeId: 'n3', action: { type: 'completeObjective', questId: 'wolves', objectiveId: 'x' } },
      ],
    };
    const all = validateQuests(quests, withActions);
    for (const id of ['a', 'b', 'c', 'wolves', 'den']) {
      expect(validateQuests(quests, withActions, id)).toEqual(all.filter((problem) => problem.questId === id));
    }
    expect(validateQuests(quests, withActions, 'a').map((p) => p.code)).toEqual(
      expect.arrayContaining(['unknown_npc', 'prerequisite_cycle', 'unknown_stage']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { validateQuests } from '../../main/domain/quest';
import { freshId, performQuestCommand, type QuestCommand } from '../../renderer/src/quests/editor/quest-commands';
import { quest } from '../helpers/quests';

const run = (commands: QuestCommand[]) => commands.reduce(performQuestCommand, quest('q'));
const world = { npcExists: () => true, itemExists: () => true, locationExists: () => true };

describe('quest editor commands', () => {
  it('adds a stage after another and links them, then branches to a third', () => {
    const q = run([
      { type: 'addStage', after: 'start' },
      { type: 'addStage', after: 'start' },
      { type: 'addOutcome', stageId: 'start', result: 'stage', targetStageId: 'stage_3' },
    ]);
    expect(q.stages.map((s) => s.id)).toEqual(['start', 'stage_2', 'stage_3']);
    expect(q.stages[0].outcomes).toEqual([
      { id: 'next', condition: '', result: 'stage', stageId: 'stage_2' },
      { id: 'next_2', condition: '', result: 'stage', stageId: 'stage_3' },
    ]);
    expect(validateQuests([q], world)).toEqual([]);
  });

  it('removing a stage removes the outcomes that led to it and moves the start', () => {
    const q = run([
      { type: 'addStage', after: 'start' },
      { type: 'removeStage', stageId: 'start' },
    ]);
    expect(q.startStageId).toBe('stage_2');
    expect(
      run([
        { type: 'addStage', after: 'start' },
        { type: 'removeStage', stageId: 'stage_2' },
      ]).stages[0].outcomes,
    ).toEqual([]);
  });

  it('gives objectives ids unique across the quest, and a new objective saves even before its reference is picked', () => {
    const q = run([
      { type: 'addStage', after: 'start' },
      { type: 'addObjective', stageId: 'start', objectiveType: 'talk' },
      { type: 'addObjective', stageId: 'stage_2', objectiveType: 'talk' },
    ]);
    expect(q.stages.flatMap((s) => s.objectives.map((o) => o.id))).toEqual(['talk', 'talk_2']);
    expect(validateQuests([q], { ...world, npcExists: (id) => id !== '' }).map((p) => p.message)).toEqual([
      'Objective "talk" names no NPC yet',
      'Objective "talk_2" names no NPC yet',
    ]);
  });

  it('applies AI journal entries and reward suggestions as single commands', () => {
    const q = run([
      { type: 'setJournals', journals: { start: 'Find Mara.', missing: 'ignored' } },
      { type: 'addRewards', rewards: [{ type: 'experience', amount: 50 }] },
    ]);
    expect(q.stages[0].journal).toBe('Find Mara.');
    expect(q.rewards).toEqual([{ type: 'experience', amount: 50 }]);
  });

  it('makes fresh ids', () => {
    expect(freshId('next', ['next', 'next_2'])).toBe('next_3');
    expect(freshId('talk', [])).toBe('talk');
  });
});

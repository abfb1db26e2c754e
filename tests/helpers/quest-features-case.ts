import type { PackDialogue } from '../../main/domain/pack';
import type { QuestObjective } from '../../main/domain/quest';
import type { ConformanceCase } from './conformance';
import { collect, custom, quest, stage } from './quests';

type CustomObjective = Extract<QuestObjective, { type: 'custom' }>;
const waiting = custom('dawn', 'dawn');

/**
 * The quest features the conformance cases only show beside deliberate authoring errors,
 * without them: a start condition, counted collect and custom objectives, an outcome that
 * moves to another stage, an optional objective, a fail condition, every reward kind and an
 * unlock, and a dialogue whose actions start and complete quests and set the fail condition.
 */
export const QUEST_FEATURES_CASE: ConformanceCase = {
  name: 'quest features',
  description: 'Every quest feature, clean of authoring errors',
  questIds: ['ember', 'ember_after', 'ember_lost'],
  dialogueId: 'quests_d',
  options: { seed: 5 },
  script: [{ advance: true }, { advance: true }],
  pack: {
    quests: [
      quest('ember', {
        title: 'Ember',
        startStageId: 'light',
        prerequisites: { quests: [], condition: '$gold >= 5' },
        stages: [
          stage('light', {
            objectives: [collect('coal', 'coal', 2), { ...(custom('pump', 'pump') as CustomObjective), count: 2 }],
            outcomes: [
              { id: 'hot', condition: '$heat > 2', result: 'stage', stageId: 'forge' },
              { id: 'cold', condition: '', result: 'fail' },
            ],
          }),
          stage('forge', { objectives: [{ ...custom('shine', 'polish'), optional: true }] }),
        ],
        failConditions: ['$night'],
        rewards: [
          { type: 'currency', currency: 'gold', amount: 3 },
          { type: 'experience', amount: 10 },
          { type: 'item', itemId: 'blade', count: 1 },
          { type: 'variable', variable: 'title', operator: '=', value: 'Smith' },
          { type: 'unlockQuest', questId: 'ember_after' },
        ],
      }),
      quest('ember_after', { title: 'After the ember', startStageId: 'rest', stages: [stage('rest', { objectives: [waiting] })] }),
      quest('ember_lost', {
        title: 'Lost ember',
        startStageId: 'wait',
        stages: [stage('wait', { objectives: [waiting] })],
        failConditions: ['$night'],
      }),
    ],
    dialogues: [
      {
        id: 'quests_d',
        name: 'Quest features',
        startNodeId: 'begin',
        variables: [
          { name: 'gold', type: 'number', default: 6 },
          { name: 'heat', type: 'number', default: 0 },
          { name: 'night', type: 'bool', default: false },
          { name: 'title', type: 'string', default: '' },
        ],
        nodes: {
          begin: {
            id: 'begin',
            kind: 'action',
            position: { x: 0, y: 0 },
            actions: [
              { type: 'startQuest', questId: 'ember' },
              { type: 'startQuest', questId: 'ember_lost' },
              { type: 'giveItem', itemId: 'coal', count: 2 },
              { type: 'command', name: 'pump', args: [] },
              { type: 'setVariable', variable: 'heat', operator: '+=', value: 3 },
              { type: 'command', name: 'pump', args: [] },
            ],
            next: 'said',
          },
          said: {
            id: 'said',
            kind: 'line',
            position: { x: 0, y: 0 },
            speaker: 'Mirela',
            text: 'Hot enough.',
            lineId: 'said',
            next: 'finish',
          },
          finish: {
            id: 'finish',
            kind: 'action',
            position: { x: 0, y: 0 },
            actions: [
              { type: 'completeObjective', questId: 'ember', objectiveId: 'shine' },
              { type: 'completeQuest', questId: 'ember' },
              { type: 'setVariable', variable: 'night', operator: '=', value: true },
              { type: 'startQuest', questId: 'ember_after' },
            ],
            next: 'bye',
          },
          bye: { id: 'bye', kind: 'line', position: { x: 0, y: 0 }, speaker: 'Mirela', text: 'Goodnight.', lineId: 'bye', next: 'done' },
          done: { id: 'done', kind: 'end', position: { x: 0, y: 0 }, outcome: 'done' },
        },
      } as unknown as PackDialogue,
    ],
  },
};

import { newQuest, type Quest, type QuestObjective, type QuestStage } from '../../main/domain/quest';

/** A quest for tests: `newQuest` with the given changes. */
export const quest = (id: string, change: Partial<Quest> = {}): Quest => ({ ...newQuest({ id, name: id }), ...change });

export const stage = (id: string, change: Partial<QuestStage> = {}): QuestStage => ({
  id,
  title: id,
  journal: '',
  objectives: [],
  outcomes: [],
  hidden: false,
  ...change,
});

const flags = { description: '', optional: false, hidden: false };
export const talk = (id: string, npcId: string): QuestObjective => ({ ...flags, id, type: 'talk', npcId });
export const collect = (id: string, itemId: string, count: number): QuestObjective => ({ ...flags, id, type: 'collect', itemId, count });
export const reach = (id: string, locationId: string): QuestObjective => ({ ...flags, id, type: 'reach', locationId });
export const defeat = (id: string, target: string, count: number): QuestObjective => ({ ...flags, id, type: 'defeat', target, count });
export const custom = (id: string, event: string): QuestObjective => ({ ...flags, id, type: 'custom', event, count: 1 });

/**
 * "The wolf problem": talk to Mara, bring 3 pelts, then either report to the captain
 * (when $sided_with_guard) or to the hunters, and done. Fails when $mara_dead.
 * Rewards 50 gold, 100 xp, a bow, and unlocks "den".
 */
export const wolves = quest('wolves', {
  title: 'The wolf problem',
  giverNpcId: 'mara',
  startStageId: 'meet',
  stages: [
    stage('meet', { objectives: [talk('talk_mara', 'mara')], outcomes: [{ id: 'go', condition: '', result: 'stage', stageId: 'hunt' }] }),
    stage('hunt', {
      objectives: [collect('pelts', 'wolf_pelt', 3), { ...defeat('alpha', 'alpha_wolf', 1), optional: true }],
      outcomes: [
        { id: 'guard', condition: '$sided_with_guard', result: 'stage', stageId: 'captain' },
        { id: 'hunters', condition: '', result: 'stage', stageId: 'lodge' },
      ],
    }),
    stage('captain', { objectives: [reach('at_barracks', 'barracks')] }),
    stage('lodge', { objectives: [reach('at_lodge', 'lodge')] }),
  ],
  rewards: [
    { type: 'currency', currency: 'gold', amount: 50 },
    { type: 'experience', amount: 100 },
    { type: 'item', itemId: 'bow', count: 1 },
    { type: 'unlockQuest', questId: 'den' },
  ],
  failConditions: ['$mara_dead'],
});

/** Needs "wolves" completed and $level >= 2, unless unlocked. */
export const den = quest('den', {
  title: 'The den',
  prerequisites: { quests: ['wolves'], condition: '$level >= 2' },
  stages: [stage('start', { objectives: [defeat('cubs', 'wolf_cub', 2)] })],
});

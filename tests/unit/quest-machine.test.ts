import { describe, expect, it } from 'vitest';
import { createQuestTracker, type QuestChange, type QuestTracker } from '../../main/domain/quest';
import { emptyDialogueState } from '../../main/domain/dialogue';
import { collect, den, quest, stage, wolves } from '../helpers/quests';

type Step = (tracker: QuestTracker) => QuestChange[];

interface Case {
  name: string;
  variables?: Record<string, boolean | number | string>;
  steps: Step[];
  status: string | undefined;
  stageId?: string;
  /** Change types across all steps, in order. */
  changes?: string[];
  check?: (tracker: QuestTracker) => void;
}

const start: Step = (t) => t.start('wolves');
const talkMara: Step = (t) => t.progress({ type: 'talk', npcId: 'mara' });
const pelts =
  (count: number): Step =>
  (t) =>
    t.progress({ type: 'collect', itemId: 'wolf_pelt', count });
const reach =
  (locationId: string): Step =>
  (t) =>
    t.progress({ type: 'reach', locationId });

const cases: Case[] = [
  {
    name: 'starting enters the start stage',
    steps: [start],
    status: 'active',
    stageId: 'meet',
    changes: ['questStarted', 'questAdvanced'],
  },
  {
    name: 'talking to the giver advances to the hunt',
    steps: [start, talkMara],
    status: 'active',
    stageId: 'hunt',
    changes: ['questStarted', 'questAdvanced', 'objectiveCompleted', 'questAdvanced'],
  },
  { name: 'events before the start count for nothing', steps: [talkMara, start], status: 'active', stageId: 'meet' },
  { name: 'two pelts are not enough', steps: [start, talkMara, pelts(2)], status: 'active', stageId: 'hunt' },
  { name: 'pelts held before the stage count when it begins', steps: [pelts(3), start, talkMara], status: 'active', stageId: 'lodge' },
  {
    name: 'without the guard flag the hunters branch is taken',
    steps: [start, talkMara, pelts(1), pelts(2)],
    status: 'active',
    stageId: 'lodge',
  },
  {
    name: 'with the guard flag the captain branch is taken',
    variables: { sided_with_guard: true },
    steps: [start, talkMara, pelts(3)],
    status: 'active',
    stageId: 'captain',
  },
  {
    name: 'reaching the wrong location does nothing',
    steps: [start, talkMara, pelts(3), reach('barracks')],
    status: 'active',
    stageId: 'lodge',
  },
  {
    name: 'reaching the lodge completes the quest with its rewards',
    steps: [start, talkMara, pelts(3), reach('lodge')],
    status: 'completed',
    stageId: 'lodge',
    check: (t) => {
      expect(t.state.variables).toMatchObject({ gold: 50, xp: 100 });
      expect(t.state.inventory).toMatchObject({ bow: 1, wolf_pelt: 3 });
      expect(t.state.quests.den.status).toBe('available');
    },
  },
  {
    name: 'a fail condition fails the quest at the next change',
    steps: [start, talkMara, (t) => t.progress({ type: 'custom', name: 'anything' })],
    variables: { mara_dead: true },
    status: 'failed',
    changes: ['questStarted', 'questAdvanced', 'questFailed'],
  },
  { name: 'a failed quest cannot start again', steps: [start, (t) => t.fail('wolves'), start], status: 'failed' },
  {
    name: 'advance without a stage takes the first outcome that holds',
    steps: [start, (t) => t.advance('wolves')],
    status: 'active',
    stageId: 'hunt',
  },
  { name: 'advance to a stage index', steps: [start, (t) => t.advance('wolves', 2)], status: 'active', stageId: 'captain' },
  {
    name: 'completing an objective by id drives the stage',
    steps: [start, (t) => t.completeObjective('wolves', 'talk_mara')],
    status: 'active',
    stageId: 'hunt',
  },
  {
    name: 'completing the quest gives rewards once',
    steps: [start, (t) => t.complete('wolves'), (t) => t.complete('wolves')],
    status: 'completed',
    check: (t) => expect(t.state.variables.gold).toBe(50),
  },
  {
    name: 'optional objectives do not hold the stage back',
    steps: [start, talkMara, pelts(3)],
    status: 'active',
    stageId: 'lodge',
    check: (t) => expect(t.state.quests.wolves.objectives.alpha).toBeUndefined(),
  },
];

describe('quest state machine', () => {
  it.each(cases)('$name', ({ variables = {}, steps, status, stageId, changes, check }) => {
    const tracker = createQuestTracker([wolves, den], { state: { ...emptyDialogueState(), variables } });
    const all = steps.flatMap((step) => step(tracker));
    expect(tracker.state.quests.wolves?.status).toBe(status);
    if (stageId) expect(tracker.state.quests.wolves.stageId).toBe(stageId);
    if (changes) expect(all.map((c) => c.type)).toEqual(changes);
    check?.(tracker);
  });

  it('refuses to start until prerequisites hold, then counts defeats', () => {
    const tracker = createQuestTracker([wolves, den], { state: { ...emptyDialogueState(), variables: { level: 1 } } });
    expect(tracker.start('den')).toEqual([
      { type: 'questStartRefused', questId: 'den', reason: 'Needs quest "The wolf problem" completed first' },
    ]);
    tracker.start('wolves');
    tracker.complete('wolves');
    expect(tracker.state.quests.den.status).toBe('available');
    expect(tracker.start('den').map((c) => c.type)).toEqual(['questStarted', 'questAdvanced']);
    expect(tracker.progress({ type: 'defeat', target: 'wolf_cub' })).toEqual([
      { type: 'objectiveProgressed', questId: 'den', objectiveId: 'cubs', count: 1, of: 2 },
    ]);
    expect(tracker.progress({ type: 'defeat', target: 'wolf_cub' }).map((c) => c.type)).toEqual(['objectiveCompleted', 'questCompleted']);
  });

  it('checks the prerequisite condition when the quest was not unlocked', () => {
    const tracker = createQuestTracker([wolves, den], {
      state: { ...emptyDialogueState(), variables: { level: 1 }, quests: { wolves: { status: 'completed', stage: 0, objectives: {} } } },
    });
    expect(tracker.startBlocker('den')).toBe('Requires $level >= 2');
  });

  it('lets one quest completing move another on in the same settle, in id order', () => {
    const a = quest('a', {
      stages: [stage('start', { objectives: [collect('coin', 'coin', 1)] })],
      rewards: [{ type: 'item', itemId: 'key', count: 1 }],
    });
    const b = quest('b', { stages: [stage('start', { objectives: [collect('key', 'key', 1)] })] });
    const tracker = createQuestTracker([a, b]);
    tracker.start('b');
    tracker.start('a');
    const changes = tracker.progress({ type: 'collect', itemId: 'coin' });
    expect(changes.map((c) => `${c.type}:${'questId' in c ? c.questId : ''}`)).toEqual([
      'objectiveCompleted:a',
      'questCompleted:a',
      'itemGiven:',
      'objectiveCompleted:b',
      'questCompleted:b',
    ]);
  });

  it('stops following outcomes that loop between stages without objectives', () => {
    const loop = quest('loop', {
      stages: [
        stage('start', { outcomes: [{ id: 'x', condition: '', result: 'stage', stageId: 'other' }] }),
        stage('other', { outcomes: [{ id: 'y', condition: '', result: 'stage', stageId: 'start' }] }),
      ],
    });
    const tracker = createQuestTracker([loop]);
    const changes = tracker.start('loop');
    expect(tracker.state.quests.loop.status).toBe('active');
    expect(changes.length).toBeLessThan(20);
  });

  it('keeps the old numeric behaviour for quests without a definition', () => {
    const tracker = createQuestTracker([]);
    tracker.advance('free');
    tracker.advance('free', 5);
    expect(tracker.state.quests.free).toEqual({ status: 'active', stage: 5, objectives: {} });
  });
});

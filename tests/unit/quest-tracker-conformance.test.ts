import { describe, expect, it } from 'vitest';
import { createQuestTracker, Quest, QuestRuleError } from '../../main/domain/quest';
import { loadWebRuntime, normalize, runLuau } from '../helpers/conformance';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

/** Quest calls and world events a game host makes between conversations; `blocker` asks startBlocker. */
type Op = { call: 'start' | 'advance' | 'completeObjective' | 'complete' | 'fail' | 'progress'; args: unknown[] } | { blocker: string };

const objective = (fields: Record<string, unknown>) => ({ description: '', optional: false, hidden: false, ...fields });
const quest = (fields: Record<string, unknown>): Quest =>
  Quest.parse({
    schemaVersion: 1,
    title: '',
    summary: '',
    tags: [],
    level: 0,
    difficulty: 'normal',
    prerequisites: { quests: [], condition: '' },
    rewards: [],
    failConditions: [],
    notes: '',
    ...fields,
  });

const quests = [
  quest({
    id: 'wolves',
    title: 'Wolves',
    startStageId: 'hunt',
    stages: [
      {
        id: 'hunt',
        title: '',
        journal: '',
        hidden: false,
        objectives: [
          objective({ id: 'kill', type: 'defeat', target: 'wolf', count: 5 }),
          objective({ id: 'pelts', type: 'collect', itemId: 'pelt', count: 3 }),
        ],
        outcomes: [{ id: 'back', condition: '', result: 'stage', stageId: 'report' }],
      },
      {
        id: 'report',
        title: '',
        journal: '',
        hidden: false,
        objectives: [objective({ id: 'camp', type: 'reach', locationId: 'camp' }), objective({ id: 'mara', type: 'talk', npcId: 'mara' })],
        outcomes: [
          { id: 'rich', condition: 'item_count("pelt") >= 4', result: 'complete' },
          { id: 'poor', condition: 'item_count("pelt") < 4', result: 'fail' },
        ],
      },
    ],
    rewards: [
      { type: 'currency', currency: 'gold', amount: 20 },
      { type: 'unlockQuest', questId: 'den' },
    ],
    failConditions: ['$night'],
  }),
  quest({
    id: 'den',
    title: 'The den',
    startStageId: 'enter',
    prerequisites: { quests: ['wolves'], condition: '$gold > 100' },
    stages: [
      {
        id: 'enter',
        title: '',
        journal: '',
        hidden: false,
        objectives: [objective({ id: 'sign', type: 'custom', event: 'rune', count: 2 })],
        outcomes: [],
      },
    ],
  }),
];

const script: Op[] = [
  { blocker: 'den' },
  { call: 'start', args: ['den'] },
  { call: 'start', args: ['wolves'] },
  { call: 'progress', args: [{ type: 'defeat', target: 'wolf', count: 2 }] },
  { call: 'progress', args: [{ type: 'defeat', target: 'fox' }] },
  { call: 'progress', args: [{ type: 'collect', itemId: 'pelt', count: 4 }] },
  { call: 'progress', args: [{ type: 'defeat', target: 'wolf', count: 9 }] },
  { call: 'progress', args: [{ type: 'reach', locationId: 'camp' }] },
  { call: 'advance', args: ['wolves', 9] },
  { call: 'progress', args: [{ type: 'talk', npcId: 'mara' }] },
  { blocker: 'den' },
  { call: 'start', args: ['den'] },
  { call: 'progress', args: [{ type: 'custom', name: 'rune' }] },
  { call: 'completeObjective', args: ['den', 'sign'] },
  { call: 'fail', args: ['den'] },
  { call: 'start', args: ['lost'] },
  { call: 'fail', args: ['lost', 'Ran away'] },
];
const options = { seed: 3, state: { variables: { gold: 5, night: false }, quests: {}, inventory: {}, visits: {}, seen: {} } };

function play(tracker: Record<string, unknown>, isMisuse: (e: unknown) => boolean) {
  const results = script.map((op) => {
    try {
      if ('blocker' in op) return { blocker: (tracker.startBlocker as (id: string) => string | null)(op.blocker) ?? false };
      return (tracker[op.call] as (...args: unknown[]) => unknown)(...op.args);
    } catch (error) {
      if (!isMisuse(error)) throw error;
      return { error: (error as Error).message };
    }
  });
  return normalize({ results, state: tracker.state });
}

describe('quest tracker conformance: the exported runtimes drive quests between conversations as the studio does', () => {
  const studio = play(createQuestTracker(quests, options) as unknown as Record<string, unknown>, (e) => e instanceof QuestRuleError);

  it('plays a plausible script in the studio', () => {
    const { results, state } = studio as { results: unknown[]; state: { quests: Record<string, { status: string }>; variables: object } };
    expect(results[0]).toEqual({ blocker: 'Needs quest "Wolves" completed first' });
    expect(results[8]).toEqual({ error: 'Quest "Wolves" has 2 stages; there is no stage 9' });
    expect(results[10]).toEqual({ blocker: false });
    expect(state.quests.wolves.status).toBe('completed');
    expect(state.quests.den.status).toBe('completed');
    expect(state.quests.lost.status).toBe('failed');
    expect(state.variables).toEqual({ gold: 25, night: false });
  });

  it('the JavaScript runtime gives the same changes and state', async () => {
    const web = (await loadWebRuntime()) as unknown as { createQuestTracker(pack: unknown, options: unknown): Record<string, unknown> };
    expect(play(web.createQuestTracker({ dialogues: [], quests }, options), (e) => (e as Error).name === 'DialogueRuntimeError')).toEqual(
      studio,
    );
  });

  it.skipIf(LUAU_MISSING)(luauTitle('the Luau runtime in real Luau gives the same changes and state'), () => {
    const luau = luauWorkspace();
    try {
      expect(runLuau(luau, { pack: { dialogues: [], quests }, options, tracker: script })).toEqual(studio);
    } finally {
      luau.dispose();
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  createRuntime,
  DialogueRuntimeError,
  newDialogue,
  newNode,
  type Dialogue,
  type DialogueNode,
  type DialogueRuntime,
} from '../../main/domain/dialogue';

function dialogue(nodes: DialogueNode[], variables: Dialogue['variables'] = []): Dialogue {
  return {
    ...newDialogue({ id: 'smith', name: 'The smith' }),
    variables,
    startNodeId: nodes[0].id,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
  };
}
const line = (id: string, text: string, next?: string): DialogueNode => ({ ...newNode('line', id), speaker: 'Mirela', text, next });

/** The smith: greets, offers to sell when the player can pay, remembers the king. */
const smith = dialogue(
  [
    line('hello', 'Welcome to my forge.', 'ask'),
    {
      ...newNode('choice', 'ask'),
      options: [
        { id: 'buy', text: 'I want a blade.', condition: '$gold >= 10', target: 'pay' },
        { id: 'king', text: 'Any news of the king?', condition: 'not $met_king', target: 'king' },
        { id: 'bye', text: 'Goodbye.', target: 'bye' },
      ],
    },
    {
      ...newNode('action', 'pay'),
      actions: [
        { type: 'setVariable', variable: 'gold', operator: '-=', value: 10 },
        { type: 'giveItem', itemId: 'blade', count: 1 },
        { type: 'startQuest', questId: 'forge' },
        { type: 'advanceQuest', questId: 'forge' },
        { type: 'completeObjective', questId: 'forge', objectiveId: 'buy_blade' },
        { type: 'command', name: 'play_sound', args: ['anvil', 0.8] },
      ],
      next: 'judge',
    },
    { ...newNode('branch', 'judge'), branches: [{ id: 'rich', condition: '$gold >= 10', target: 'more' }], else: 'thanks' },
    line('more', 'Another?', 'ask'),
    line('thanks', 'Use it well.', 'done'),
    { ...newNode('action', 'done'), actions: [{ type: 'completeQuest', questId: 'forge' }], next: 'bye' },
    {
      ...newNode('aiLine', 'king'),
      speaker: 'Mirela',
      instruction: 'Complain about the king',
      fallbackText: 'The king owes me.',
      next: 'met',
    },
    { ...newNode('action', 'met'), actions: [{ type: 'setVariable', variable: 'met_king', operator: '=', value: true }], next: 'ask' },
    { ...newNode('end', 'bye'), outcome: 'left' },
  ],
  [
    { name: 'gold', type: 'number', default: 15 },
    { name: 'met_king', type: 'bool', default: false },
  ],
);

const options = (runtime: DialogueRuntime) => (runtime.step.type === 'choice' ? runtime.step.options : []);

describe('dialogue runtime', () => {
  it('plays a conversation: lines, choices, actions, branches, events and transcript', () => {
    const rt = createRuntime(smith, { seed: 1 });
    expect(rt.step).toMatchObject({ type: 'line', nodeId: 'hello', speaker: 'Mirela', text: 'Welcome to my forge.', lineId: 'hello' });
    rt.advance();
    expect(options(rt).map((o) => [o.id, o.available])).toEqual([
      ['buy', true],
      ['king', true],
      ['bye', true],
    ]);
    expect(rt.choose('buy')).toMatchObject({ type: 'line', nodeId: 'thanks' });
    rt.advance();
    expect(rt.step).toEqual({ type: 'end', nodeId: 'bye', reason: 'end', outcome: 'left' });

    expect(rt.state).toEqual({
      variables: { gold: 5, met_king: false },
      quests: { forge: { status: 'completed', stage: 1, objectives: { buy_blade: true } } },
      inventory: { blade: 1 },
      visits: { smith: { hello: 1, ask: 1, pay: 1, judge: 1, thanks: 1, done: 1, bye: 1 } },
      seen: {},
    });
    expect(rt.events.map((e) => e.type)).toEqual([
      'variableChanged',
      'itemGiven',
      'questStarted',
      'questAdvanced',
      'objectiveCompleted',
      'command',
      'questCompleted',
    ]);
    expect(rt.events[0]).toEqual({ type: 'variableChanged', nodeId: 'pay', name: 'gold', from: 15, to: 5 });
    expect(rt.events[5]).toEqual({ type: 'command', nodeId: 'pay', name: 'play_sound', args: ['anvil', 0.8] });
    expect(rt.transcript).toEqual([
      { type: 'line', nodeId: 'hello', speaker: 'Mirela', text: 'Welcome to my forge.', lineId: 'hello', source: 'authored' },
      { type: 'choice', nodeId: 'ask', optionId: 'buy', text: 'I want a blade.' },
      { type: 'line', nodeId: 'thanks', speaker: 'Mirela', text: 'Use it well.', lineId: 'thanks', source: 'authored' },
    ]);
    expect(rt.history).toEqual(['hello', 'ask', 'pay', 'judge', 'thanks', 'done', 'bye']);
  });

  it('says why a choice is unavailable and refuses it', () => {
    const rt = createRuntime(smith, { seed: 1, state: { variables: { gold: 3 } } });
    rt.advance();
    expect(options(rt)[0]).toEqual({ id: 'buy', text: 'I want a blade.', available: false, unavailableReason: 'Requires $gold >= 10' });
    expect(() => rt.choose('buy')).toThrow(DialogueRuntimeError);
    expect(() => rt.choose('dance')).toThrow(/no option "dance"/);
    expect(() => rt.advance()).toThrow(/advance\(\) needs a line/);
    expect(rt.step.type).toBe('choice');
  });

  it('surfaces AI lines and takes improvised text or the fallback', () => {
    const improvised = createRuntime(smith, { seed: 1 });
    improvised.advance();
    expect(improvised.choose('king')).toEqual({
      type: 'aiLine',
      nodeId: 'king',
      speaker: 'Mirela',
      instruction: 'Complain about the king',
      fallbackText: 'The king owes me.',
      lineId: 'king',
      emotion: undefined,
    });
    improvised.advance('  His Majesty pays in promises.  ');
    expect(improvised.transcript.at(-1)).toMatchObject({ text: 'His Majesty pays in promises.', source: 'improvised' });
    expect(options(improvised).find((o) => o.id === 'king')).toMatchObject({
      available: false,
      unavailableReason: 'Requires not $met_king',
    });

    const fallback = createRuntime(smith, { seed: 1 });
    fallback.advance();
    fallback.choose('king');
    fallback.advance('   ');
    expect(fallback.transcript.at(-1)).toMatchObject({ text: 'The king owes me.', source: 'fallback' });
  });

  it('loops through a hub and changes state each time round', () => {
    const rt = createRuntime(smith, { seed: 1, state: { variables: { gold: 25 } } });
    rt.advance();
    expect(rt.choose('buy')).toMatchObject({ nodeId: 'more' });
    rt.advance();
    expect(rt.choose('buy')).toMatchObject({ nodeId: 'thanks' });
    expect(rt.state.variables.gold).toBe(5);
    expect(rt.state.inventory.blade).toBe(2);
    expect(rt.state.quests.forge.stage).toBe(2);
    expect(rt.events.filter((e) => e.type === 'objectiveCompleted')).toHaveLength(1);
    expect(rt.state.visits.smith.ask).toBe(2);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const dice = dialogue([
      { ...newNode('branch', 'roll'), branches: [{ id: 'hit', condition: 'random(100) < 50', target: 'hit' }], else: 'miss' },
      line('hit', 'Hit!', 'again'),
      line('miss', 'Miss.', 'again'),
      {
        ...newNode('choice', 'again'),
        options: [
          { id: 'roll', text: 'Roll again', target: 'roll' },
          { id: 'stop', text: 'Stop', target: 'end' },
        ],
      },
      newNode('end', 'end'),
    ]);
    const play = (seed: number | string) => {
      const rt = createRuntime(dice, { seed });
      for (let i = 0; i < 20; i++) {
        rt.advance();
        rt.choose('roll');
      }
      return rt.transcript.filter((t) => t.type === 'line').map((t) => (t.type === 'line' ? t.text : ''));
    };
    expect(play(42)).toEqual(play(42));
    expect(play('tavern')).toEqual(play('tavern'));
    const outcomes = new Set([1, 2, 3, 4, 5].map((seed) => play(seed).join()));
    expect(outcomes.size).toBeGreaterThan(1);
    expect(play(42)).toContain('Hit!');
    expect(play(42)).toContain('Miss.');
  });

  it('evaluates choice conditions once per visit, so re-reading the step never re-rolls', () => {
    const d = dialogue([
      {
        ...newNode('choice', 'c'),
        options: [
          { id: 'lucky', text: 'Lucky', condition: 'random(2) == 0', target: 'end' },
          { id: 'x', text: 'X', target: 'end' },
        ],
      },
      newNode('end', 'end'),
    ]);
    const rt = createRuntime(d, { seed: 3 });
    const first = JSON.stringify(rt.step);
    for (let i = 0; i < 10; i++) expect(JSON.stringify(rt.step)).toBe(first);
  });

  it('carries state in, reads visited() and quest functions, and hands jumps to other dialogues back to the host', () => {
    const d = dialogue([
      {
        ...newNode('branch', 'gate'),
        branches: [{ id: 'old', condition: 'visited("gate") and completed("forge")', target: 'hop' }],
        else: 'new',
      },
      line('new', 'First time?', 'hop'),
      { ...newNode('jump', 'hop'), nodeId: 'leave' },
      { ...newNode('jump', 'leave'), dialogueId: 'tavern', nodeId: 'entrance' },
    ]);
    const fresh = createRuntime(d, { seed: 0 });
    expect(fresh.step).toMatchObject({ nodeId: 'new' });
    fresh.advance();
    expect(fresh.step).toEqual({ type: 'end', nodeId: 'leave', reason: 'jump', jump: { dialogueId: 'tavern', nodeId: 'entrance' } });

    const returning = createRuntime(d, {
      seed: 0,
      state: { ...fresh.state, quests: { forge: { status: 'completed', stage: 1, objectives: {} } } },
    });
    expect(returning.step).toMatchObject({ type: 'end', reason: 'jump' });
    expect(returning.history).toEqual(['gate', 'hop', 'leave']);
  });

  it('can start at a given node', () => {
    const rt = createRuntime(smith, { seed: 0, startNodeId: 'thanks' });
    expect(rt.step).toMatchObject({ nodeId: 'thanks' });
  });

  it('ends with a reason when content is broken, instead of throwing', () => {
    const end = (nodes: DialogueNode[]) => createRuntime(dialogue(nodes), { seed: 0, maxAutomaticSteps: 50 }).step;
    const dangling = createRuntime(dialogue([line('a', 'Hi', 'ghost')]), { seed: 0 });
    expect(dangling.advance()).toEqual({ type: 'end', nodeId: 'a', reason: 'error', message: 'Node "ghost" does not exist' });
    expect(createRuntime(dialogue([line('a', 'Hi')]), { seed: 0 }).advance()).toEqual({ type: 'end', nodeId: 'a', reason: 'unconnected' });
    expect(end([{ ...newNode('branch', 'b'), branches: [{ id: 'x', condition: '$a >', target: 'b' }] }])).toMatchObject({
      reason: 'error',
      message: expect.stringContaining('does not parse'),
    });
    expect(end([{ ...newNode('branch', 'b'), branches: [{ id: 'x', condition: '$missing', target: 'b' }] }])).toMatchObject({
      reason: 'error',
      message: 'Condition "$missing" cannot be evaluated: Variable $missing has no value',
    });
    expect(
      end([
        { ...newNode('jump', 'a'), nodeId: 'b' },
        { ...newNode('jump', 'b'), nodeId: 'a' },
      ]),
    ).toMatchObject({
      reason: 'error',
      message: expect.stringContaining('Stopped after 50'),
    });
    expect(
      end([{ ...newNode('action', 'a'), actions: [{ type: 'setVariable', variable: 'name', operator: '+=', value: 1 }] }]),
    ).toMatchObject({
      reason: 'error',
      message: expect.stringContaining("'+=' needs numbers"),
    });
    expect(createRuntime({ ...dialogue([line('a', 'x')]), startNodeId: '' }, { seed: 0 }).step).toEqual({
      type: 'end',
      reason: 'error',
      message: 'Dialogue has no start node',
      nodeId: undefined,
    });
  });

  it('marks options whose condition cannot be evaluated as unavailable, with the reason', () => {
    const d = dialogue([
      {
        ...newNode('choice', 'c'),
        options: [
          { id: 'o', text: 'Pay', condition: '$coins > 1', target: 'e' },
          { id: 'p', text: 'Bye', target: 'e' },
        ],
      },
      newNode('end', 'e'),
    ]);
    expect(options(createRuntime(d, { seed: 0 }))[0]).toEqual({
      id: 'o',
      text: 'Pay',
      available: false,
      unavailableReason: 'Condition "$coins > 1" cannot be evaluated: Variable $coins has no value',
    });
  });

  it('detours into another dialogue only when given the others, and carries seen state like visits', () => {
    const host = dialogue([{ ...newNode('detour', 'go'), dialogueId: 'tale', next: 'after' }, line('after', 'Back.')]);
    expect(createRuntime(host, { seed: 1 }).step).toEqual({
      type: 'end',
      nodeId: 'go',
      reason: 'error',
      message: 'Detour to dialogue "tale": this runtime was not given the other dialogues',
    });
    expect(createRuntime(host, { seed: 1, dialogues: () => undefined }).step).toMatchObject({
      reason: 'error',
      message: 'Detour to dialogue "tale", which does not exist',
    });
    const tale: Dialogue = {
      ...dialogue(
        [{ ...newNode('line', 't'), speaker: 'Mirela', text: 'Once, {$teller} said…', once: true }],
        [{ name: 'teller', type: 'string', default: 'Ash' }],
      ),
      id: 'tale',
    };
    const rt = createRuntime(host, { seed: 1, dialogues: (id) => (id === 'tale' ? tale : undefined) });
    expect(rt.step).toMatchObject({ type: 'line', nodeId: 't', text: 'Once, Ash said…' });
    expect(rt.advance()).toMatchObject({ type: 'line', nodeId: 'after' });
    expect(rt.state.seen).toEqual({ tale: { t: 1 } });
    const again = createRuntime(host, { seed: 1, state: rt.state, dialogues: (id) => (id === 'tale' ? tale : undefined) });
    expect(again.step).toMatchObject({ type: 'line', nodeId: 'after' });
  });

  it('renders plural rules in the locale it is given, English by default', () => {
    const d = dialogue(
      [line('l', '[plural value={$n} one="% one" few="% few" many="% many" other="% other"/]')],
      [{ name: 'n', type: 'number', default: 5 }],
    );
    expect(createRuntime(d, { seed: 1 }).step).toMatchObject({ text: '5 other' });
    expect(createRuntime(d, { seed: 1, locale: 'pl' }).step).toMatchObject({ text: '5 many' });
  });

  it('keeps its state private: the state getter returns a copy', () => {
    const rt = createRuntime(smith, { seed: 0 });
    rt.state.variables.gold = 999;
    expect(rt.state.variables.gold).toBe(15);
  });
});

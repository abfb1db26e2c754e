import { describe, expect, it } from 'vitest';
import { emptyDialogueState } from '../../main/domain/dialogue/dialogue-state';
import { newNpcPersona } from '../../main/domain/npc/npc-record';
import type { Lorebook, LorebookEntry, NpcPersona } from '../../main/domain/npc/npc-schema';
import { createRuntime, newDialogue } from '../../main/domain/dialogue';
import { chatToDialogueNodes } from '../../main/domain/testchat/chat-to-dialogue';
import { choiceMappingSchema, mappedChoice } from '../../main/domain/testchat/choice-mapping';
import { keyMatcher, keyProblems } from '../../main/domain/testchat/lorebook-key';
import { matchLorebook, matchLorebookInTurns, scanLorebook } from '../../main/domain/testchat/lorebook-scan';
import { assemblePrompt, type PromptInput } from '../../main/domain/testchat/prompt-assembly';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

const entry = (overrides: Partial<LorebookEntry>): LorebookEntry => ({
  keys: [],
  content: '',
  enabled: true,
  insertionOrder: 100,
  extensions: {},
  ...overrides,
});
const book = (entries: LorebookEntry[], overrides: Partial<Lorebook> = {}): Lorebook => ({ extensions: {}, entries, ...overrides });

describe('lorebook triggering (Character Card V2 semantics)', () => {
  const dragon = entry({ name: 'Dragon', keys: ['dragon'], content: 'Vex the dragon sleeps under the mountain.' });
  const cases: { name: string; lorebook: Lorebook; messages: string[]; fired: string[]; skipped?: string[] }[] = [
    { name: 'a key in the newest message fires', lorebook: book([dragon]), messages: ['Tell me of the Dragon'], fired: ['Dragon'] },
    { name: 'keys match whole words only', lorebook: book([dragon]), messages: ['dragonfly season'], fired: [] },
    { name: 'case matters when asked', lorebook: book([{ ...dragon, caseSensitive: true }]), messages: ['the Dragon'], fired: [] },
    { name: 'a key outside the scan depth does not fire', lorebook: book([dragon]), messages: ['a dragon?', 'hm', 'ok'], fired: [] },
    {
      name: 'a deeper scan depth reaches it',
      lorebook: book([dragon], { scanDepth: 3 }),
      messages: ['a dragon?', 'hm', 'ok'],
      fired: ['Dragon'],
    },
    { name: 'scan depth 0 scans nothing', lorebook: book([dragon], { scanDepth: 0 }), messages: ['dragon'], fired: [] },
    { name: 'disabled entries never fire', lorebook: book([{ ...dragon, enabled: false }]), messages: ['dragon'], fired: [] },
    {
      name: 'constant entries always fire, disabled ones do not',
      lorebook: book([
        entry({ name: 'World', constant: true, content: 'x' }),
        entry({ name: 'Off', constant: true, enabled: false, content: 'y' }),
      ]),
      messages: ['hello'],
      fired: ['World'],
    },
    {
      name: 'selective entries need a secondary key as well',
      lorebook: book([
        entry({ name: 'Sword', keys: ['sword'], secondaryKeys: ['king', 'crown'], selective: true, content: 'The king’s sword.' }),
      ]),
      messages: ['a sword'],
      fired: [],
    },
    {
      name: 'selective entries fire with primary and secondary keys',
      lorebook: book([
        entry({ name: 'Sword', keys: ['sword'], secondaryKeys: ['king', 'crown'], selective: true, content: 'The king’s sword.' }),
      ]),
      messages: ['the crown and the sword'],
      fired: ['Sword'],
    },
    {
      name: 'keys with punctuation match as substrings',
      lorebook: book([entry({ name: 'Tag', keys: ['#tavern'], content: 'x' })]),
      messages: ['meet at the#tavern'],
      fired: ['Tag'],
    },
    {
      name: 'regex keys when the entry says so',
      lorebook: book([entry({ name: 'Re', keys: ['/gr[ae]y ward(en)?/i'], useRegex: true, content: 'x' })]),
      messages: ['the Grey Warden'],
      fired: ['Re'],
    },
    {
      name: 'recursive scanning lets one entry bring in another',
      lorebook: book([dragon, entry({ name: 'Mountain', keys: ['mountain'], content: 'Mount Ash.' })], { recursiveScanning: true }),
      messages: ['dragon'],
      fired: ['Dragon', 'Mountain'],
    },
    {
      name: 'without recursion the second stays out',
      lorebook: book([dragon, entry({ name: 'Mountain', keys: ['mountain'], content: 'Mount Ash.' })]),
      messages: ['dragon'],
      fired: ['Dragon'],
    },
    {
      name: 'over budget, the lowest priority goes first',
      lorebook: book(
        [
          entry({ name: 'Low', keys: ['a'], priority: 1, content: 'one two three four' }),
          entry({ name: 'High', keys: ['a'], priority: 9, content: 'five six seven eight' }),
        ],
        { tokenBudget: 5 },
      ),
      messages: ['a'],
      fired: ['High'],
      skipped: ['Low'],
    },
    {
      name: 'fired entries are ordered by insertion order',
      lorebook: book([
        entry({ name: 'Second', keys: ['x'], insertionOrder: 20 }),
        entry({ name: 'First', keys: ['x'], insertionOrder: 10 }),
      ]),
      messages: ['x'],
      fired: ['First', 'Second'],
    },
  ];
  it.each(cases)('$name', ({ lorebook, messages, fired, skipped = [] }) => {
    const scan = scanLorebook({ lorebook, messages, countTokens: words });
    expect(scan.fired.map((e) => e.label)).toEqual(fired);
    expect(scan.skipped.map((e) => e.label)).toEqual(skipped);
  });

  it('a regex key that does not compile matches nothing and the entry is skipped with why', () => {
    const scan = scanLorebook({ lorebook: book([entry({ keys: ['/([/'], useRegex: true })]), messages: ['(['], countTokens: words });
    expect(scan.fired).toEqual([]);
    expect(scan.skipped).toEqual([
      { index: 0, label: '/([/', reason: 'key_error', detail: expect.stringMatching(/^\/\(\[\/: the regex cannot run \(missing closing/) },
    ]);
  });

  it('matching in turns pauses between entries and finds what matching at once finds, recursion and key errors included', async () => {
    const lorebook = {
      ...book([
        entry({ name: 'Harbour', keys: ['harbour'], content: 'The lighthouse keeper.' }),
        entry({ name: 'Keeper', keys: ['lighthouse'] }),
        entry({ name: 'Broken', keys: ['/(a)\\1/'], useRegex: true }),
        entry({ name: 'Quiet', keys: ['mill'] }),
      ]),
      recursiveScanning: true,
    };
    let pauses = 0;
    const inTurns = await matchLorebookInTurns(lorebook, ['To the harbour!'], async () => void pauses++);
    expect(inTurns).toEqual(matchLorebook(lorebook, ['To the harbour!']));
    expect(scanLorebook({ lorebook, messages: ['To the harbour!'], countTokens: words }).fired.map((e) => e.label)).toEqual([
      'Harbour',
      'Keeper',
    ]);
    expect(inTurns.keyErrors.map((e) => e.label)).toEqual(['Broken']);
    expect(pauses).toBeGreaterThanOrEqual(lorebook.entries.length);
  });

  it('whole-word keys match at word edges only, in any case, beside letters of any script', () => {
    const lorebook = book([entry({ name: 'Ember', keys: ['Ember'] }), entry({ name: 'Öl', keys: ['öl'] })]);
    const fired = (text: string) => scanLorebook({ lorebook, messages: [text], countTokens: words }).fired.map((e) => e.label);
    expect(fired('The EMBER inn')).toEqual(['Ember']);
    expect(fired('Embers and embertide')).toEqual([]);
    expect(fired('Ölfass and ÖL.')).toEqual(['Öl']);
    expect(fired('Großöl')).toEqual([]);
  });

  it('a catastrophic-backtracking key from a V3 card runs in linear time', () => {
    const greeting = 'Welcome, traveller, to the Ember Inn!!!';
    const longer = `${'word '.repeat(2_000)}!`;
    const lorebook = book([entry({ name: 'Greedy', keys: ['/^(\\w+\\s?)*$/m'], useRegex: true, content: 'x' })]);
    const started = performance.now();
    expect(scanLorebook({ lorebook, messages: [greeting], countTokens: words }).fired).toEqual([]);
    expect(scanLorebook({ lorebook, messages: [longer], countTokens: words }).fired).toEqual([]);
    expect(scanLorebook({ lorebook, messages: ['just words here'], countTokens: words }).fired.map((e) => e.label)).toEqual(['Greedy']);
    // A backtracking engine takes 22 s on the 38-character greeting alone, doubling with every 2 characters.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('lorebook keys', () => {
  const regex = (key: string) => entry({ keys: [key], useRegex: true });
  it.each([
    ['/gr[ae]y/i', 'GREY cloak', true],
    ['/^ward$/m', 'the\nward\nis', true],
    ['/^ward$/', 'the\nward\nis', false],
    ['/a.b/s', 'a\nb', true],
    ['/a.b/', 'a\nb', false],
    ['/(?<=Sir )Brannoc/', 'Sir Brannoc', true],
    ['/(?<!Sir )Brannoc/', 'Sir Brannoc', false],
    ['/(?<clan>Ash|Ember)fall/', 'Emberfall', true],
    ['/\\p{Lu}{3}/u', 'ÉÀÜ', true],
    ['/a\\/b/', 'a/b', true],
  ])('%s on %j matches: %s', (key, text, expected) => {
    const matcher = keyMatcher(key, regex(key));
    expect(matcher.ok && matcher.test(text)).toBe(expected);
  });

  it('names each key that cannot run, in keys and secondary keys, and only for regex entries', () => {
    const problems = keyProblems(entry({ keys: ['/(a)\\1/', 'plain'], secondaryKeys: ['/x(?=y)/', '/ok/q'], useRegex: true }));
    expect(problems.map(({ list, index, key }) => ({ list, index, key }))).toEqual([
      { list: 'keys', index: 0, key: '/(a)\\1/' },
      { list: 'secondaryKeys', index: 0, key: '/x(?=y)/' },
      { list: 'secondaryKeys', index: 1, key: '/ok/q' },
    ]);
    expect(problems[0].error).toContain('backreferences and lookaheads are not supported');
    expect(problems[2].error).toBe('the flag "q" is not supported (use i, m, s or u)');
    expect(keyProblems(entry({ keys: ['/(a)\\1/'] }))).toEqual([]);
  });
});

describe('prompt assembly', () => {
  const persona: NpcPersona = {
    ...newNpcPersona({ id: 'npc-1', name: 'Mira' }),
    role: 'smith of Emberfall',
    description: '{{char}} forges blades for {{user}}.',
    personality: 'gruff',
    exampleDialogue: '{{user}}: hi\n{{char}}: What.',
    postHistoryInstructions: 'Answer in one sentence.',
    lorebook: book([
      entry({ name: 'Always', constant: true, content: 'Emberfall is a mining town.' }),
      entry({ name: 'Before', constant: true, position: 'before_char', content: 'The year is 1202.' }),
      entry({ name: 'Dragon', keys: ['dragon'], content: 'Vex the dragon sleeps.' }),
    ]),
  };
  const input = (overrides: Partial<PromptInput> = {}): PromptInput => ({
    persona,
    userName: 'Player',
    history: [],
    userText: 'Hello',
    lore: [],
    state: emptyDialogueState(),
    contextSize: 4096,
    replyTokens: 100,
    countTokens: words,
    ...overrides,
  });

  it('puts the persona, constant lore and example dialogue in the system prompt and fills macros', () => {
    const prompt = assemblePrompt(input());
    const system = prompt.messages[0];
    expect(system.role).toBe('system');
    expect(system.content).toContain('Mira forges blades for Player.');
    expect(system.content).toContain('Player: hi\nMira: What.');
    expect(system.content.indexOf('The year is 1202.')).toBeLessThan(system.content.indexOf('Mira forges'));
    expect(system.content.indexOf('Emberfall is a mining town.')).toBeGreaterThan(system.content.indexOf('Mira forges'));
    expect(system.content).not.toContain('Vex');
  });

  it('puts triggered lore, game state and post-history instructions in a note right before the newest message', () => {
    const state = {
      ...emptyDialogueState(),
      variables: { gold: 12 },
      quests: { q1: { status: 'active' as const, stage: 2, objectives: {} } },
    };
    const prompt = assemblePrompt(input({ userText: 'Is the dragon awake?', state, questNames: { q1: 'The Lost Ring' } }));
    const [note, user] = prompt.messages.slice(-2);
    expect(user).toEqual({ role: 'user', content: 'Is the dragon awake?' });
    expect(note.role).toBe('system');
    expect(note.content).toContain('Vex the dragon sleeps.');
    expect(note.content).toContain('Quest "The Lost Ring": active, stage 2');
    expect(note.content).toContain('gold = 12');
    expect(note.content).toContain('Answer in one sentence.');
    expect(prompt.fired.map((e) => e.label)).toEqual(['Always', 'Before', 'Dragon']);
  });

  it('keeps the system prompt identical from turn to turn so the engine can reuse its cache', () => {
    const first = assemblePrompt(input({ userText: 'dragon?' }));
    const second = assemblePrompt(
      input({
        history: [
          { role: 'user', text: 'dragon?' },
          { role: 'npc', text: 'Asleep.' },
        ],
        userText: 'Thanks',
      }),
    );
    expect(second.messages[0]).toEqual(first.messages[0]);
    expect(second.messages.slice(1, 3)).toEqual([
      { role: 'user', content: 'dragon?' },
      { role: 'assistant', content: 'Asleep.' },
    ]);
  });

  it('leaves out the oldest messages when the conversation outgrows the context, never the system prompt or note', () => {
    const history = Array.from({ length: 40 }, (_, i) => ({
      role: i % 2 ? ('npc' as const) : ('user' as const),
      text: `message ${i} ${'word '.repeat(20)}`,
    }));
    const full = assemblePrompt(input({ history, contextSize: 100_000 }));
    expect(full.droppedMessages).toBe(0);
    const fitted = assemblePrompt(input({ history, contextSize: 600 }));
    expect(fitted.droppedMessages).toBeGreaterThan(0);
    expect(fitted.estimatedTokens + 100).toBeLessThanOrEqual(600);
    expect(fitted.messages[0]).toEqual(full.messages[0]);
    expect(fitted.messages.at(-1)).toEqual({ role: 'user', content: 'Hello' });
    // The kept window starts with a player message and ends with the newest turns.
    expect(fitted.messages[1].role).toBe('user');
    expect(fitted.messages.at(-3)?.content).toContain('message 39');
  });

  it('cuts project lore to a quarter of the context', () => {
    const lore = [
      { title: 'History', text: 'old '.repeat(50) },
      { title: 'Gods', text: 'many '.repeat(5000) },
    ];
    const prompt = assemblePrompt(input({ lore, contextSize: 2000 }));
    expect(prompt.messages[0].content).toContain('## History');
    expect(prompt.messages[0].content).toContain('## Gods');
    expect(words(prompt.messages[0].content)).toBeLessThan(700);
  });
});

describe('mapping typed words to a choice', () => {
  const options = [
    { id: 'buy', text: 'Buy the sword', available: true },
    { id: 'steal', text: 'Steal it', available: false, unavailableReason: 'Requires $thief' },
    { id: 'leave', text: 'Leave', available: true },
  ];
  it('holds the answer to the ids of the choices that can be taken, or none', () => {
    expect(choiceMappingSchema(options)).toEqual({
      type: 'object',
      properties: { choice: { enum: ['buy', 'leave', 'none'] } },
      required: ['choice'],
      additionalProperties: false,
    });
  });
  it.each([
    [{ choice: 'buy' }, 'buy'],
    [{ choice: 'none' }, null],
    [{ choice: 'steal' }, null],
    [{ choice: 'fly' }, null],
    ['buy', null],
    [null, null],
  ])('answer %j maps to %j', (answer, expected) => {
    expect(mappedChoice(answer, options)).toBe(expected);
  });
});

describe('turning chat replies into dialogue nodes', () => {
  it('chains a choice per player message and a line per reply, with fresh ids', () => {
    const nodes = chatToDialogueNodes(
      [
        { player: null, reply: 'Welcome!' },
        { player: 'Got any swords?', reply: 'Plenty. [laughs] {grins}' },
      ],
      { speaker: 'Mira', existingIds: new Set(['line-chat-1']), origin: { x: 100, y: 50 } },
    );
    expect(nodes.map((n) => n.kind)).toEqual(['line', 'choice', 'line']);
    expect(nodes[0].id).toBe('line-chat-2');
    expect(nodes[0]).toMatchObject({ speaker: 'Mira', text: 'Welcome!', next: nodes[1].id, position: { x: 100, y: 50 } });
    expect(nodes[1]).toMatchObject({ kind: 'choice', options: [{ text: 'Got any swords?', target: nodes[2].id }] });
    // Chat is plain text: template characters are escaped, so the line shows exactly what was said.
    expect(nodes[2]).toMatchObject({ kind: 'line', text: 'Plenty. \\[laughs\\] \\{grins\\}' });
    const played = createRuntime(
      { ...newDialogue({ id: 'd', name: 'D' }), startNodeId: nodes[2].id, nodes: { [nodes[2].id]: nodes[2] } },
      { seed: 1 },
    );
    expect(played.step).toMatchObject({ text: 'Plenty. [laughs] {grins}' });
    expect(nodes[2]).not.toHaveProperty('next');
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, DIALOGUE_SCHEMA_VERSION, validateDialogue, type Dialogue, type DialogueNode } from '../../main/domain/dialogue';
import { InteropError } from '../../main/domain/interop/interop-error';
import { exportYarnDialogue } from '../../main/domain/interop/yarn-export';
import { importYarn } from '../../main/domain/interop/yarn-import';
import { fromPackDialogue } from '../../main/domain/pack';
import { loadCases } from '../helpers/conformance';

const CORPORA = join(__dirname, '../../../shared/corpora/yarn');
const identity = { id: 'yarn', name: 'Yarn' };
const script = (body: string, more = '') => `title: Start\n---\n${body}\n===\n${more}`;
const read = (body: string, more = '') => importYarn(script(body, more), identity);
/** The nodes of a dialogue without their layout, for comparing graphs. */
const graph = (dialogue: Pick<Dialogue, 'nodes'>) =>
  Object.fromEntries(Object.entries(dialogue.nodes).map(([id, { position: _position, ...node }]) => [id, node]));
const refusal = (source: string) => {
  try {
    importYarn(source, identity);
  } catch (error) {
    expect(error).toBeInstanceOf(InteropError);
    return (error as Error).message;
  }
  return 'imported';
};

describe('Yarn import of the Yarn 3 language', () => {
  it('a Yarn node is a section followed by its body, whose end returns; <<stop>> is an end node', () => {
    const dialogue = read('Ann: Hi #line:hi1\n<<stop>>', 'title: Other\n---\nBye\n===\n');
    expect(graph(dialogue)).toMatchObject({
      Start: { kind: 'section', title: 'Start', next: 'Start.1' },
      'Start.1': { kind: 'line', speaker: 'Ann', text: 'Hi', lineId: 'hi1', next: 'Start.stop' },
      'Start.stop': { kind: 'end' },
      Other: { kind: 'section', next: 'Other.1' },
      'Other.1': { kind: 'line', text: 'Bye', next: 'Other.return' },
      'Other.return': { kind: 'return' },
    });
  });

  it('options end at a blank line or a dedent and fall through to what follows; conditions and once stay on the option', () => {
    const dialogue = read('-> A <<if $x>>\n    In A\n-> B <<once>>\n\n-> C <<once if $x>>\nAfter');
    const [first, second] = Object.values(dialogue.nodes).filter((n) => n.kind === 'choice');
    expect(second).toMatchObject({
      options: [
        { text: 'A', condition: '$x' },
        { text: 'B', once: true },
      ],
    });
    expect(first).toMatchObject({ options: [{ text: 'C', condition: '$x', once: true }] });
    expect(dialogue.nodes[first.id].kind === 'choice' && dialogue.nodes[(first as { else: string }).else]).toMatchObject({ text: 'After' });
    expect((second as { else: string }).else).toBe(first.id);
    expect(dialogue.variables).toEqual([{ name: 'x', type: 'bool', default: false }]);
  });

  it('line conditions, <<once>> lines, and <<once>> blocks with <<else>>', () => {
    const dialogue = read('<<once>>\n    First\n<<else>>\n    Later\n<<endonce>>\nMaybe <<if $n > 1>>\nOnce <<once if $n == 2>>');
    const nodes = Object.values(dialogue.nodes);
    expect(nodes.find((n) => n.kind === 'branch')).toMatchObject({ branches: [{ condition: 'true', once: true }] });
    expect(nodes.find((n) => n.kind === 'line' && n.text === 'Maybe')).toMatchObject({ condition: '$n > 1' });
    expect(nodes.find((n) => n.kind === 'line' && n.text === 'Once')).toMatchObject({ condition: '$n == 2', once: true });
    expect(dialogue.variables).toEqual([{ name: 'n', type: 'number', default: 0 }]);
  });

  it('line groups and node groups are group nodes whose candidates keep their conditions and once', () => {
    const dialogue = read(
      '=> Baker: Hey! <<if $knows>>\n=> Hello.\n    Nested under the second\n<<jump Shop>>',
      'title: Shop\nwhen: once\n---\nFirst visit\n===\ntitle: Shop\nwhen: $knows and not visited("Start")\nsubtitle: friend\n---\nWelcome back\n===\n',
    );
    const lineGroup = Object.values(dialogue.nodes).find(
      (n): n is Extract<DialogueNode, { kind: 'group' }> => n.kind === 'group' && n.id !== 'Shop',
    )!;
    expect(lineGroup.candidates).toMatchObject([{ condition: '$knows' }, {}]);
    expect(dialogue.nodes[lineGroup.candidates[0].target!]).toMatchObject({ kind: 'line', speaker: 'Baker', text: 'Hey!' });
    expect(dialogue.nodes.Shop).toMatchObject({
      kind: 'group',
      candidates: [
        { once: true, target: 'Shop.1' },
        { condition: '$knows and not visited("Start")', target: 'Shop.friend' },
      ],
      else: 'Shop.none',
    });
    expect(dialogue.nodes['Shop.friend']).toMatchObject({ kind: 'section', title: 'Shop.friend' });
  });

  it('text keeps expressions, markup and format functions as templates; Yarn escapes become template escapes or their character', () => {
    const dialogue = read(
      '<<declare $gold = 2>>\nMae: I have {$gold*2} [b]coins[/b], [plural value={$gold} one="% coin" other="% coins"/]\n' +
        'A \\#tag, \\{0\\}, a \\/\\/ url and a colon\\: stray] bracket #line:x1',
    );
    const lines = Object.values(dialogue.nodes).filter((n) => n.kind === 'line');
    expect(lines.map((n) => [n.speaker, n.text])).toEqual(
      expect.arrayContaining([
        ['Mae', 'I have {$gold * 2} [b]coins[/b], [plural value={$gold} one="% coin" other="% coins"/]'],
        ['', 'A #tag, \\{0\\}, a // url and a colon: stray\\] bracket'],
      ]),
    );
  });

  it('declarations: literal types, enums with values, smart variables, and types inferred from use', () => {
    const dialogue = read(
      '<<enum Food>>\n<<case Apple>>\n<<case Pear>>\n<<endenum>>\n<<enum Planet>>\n<<case Earth = 3>>\n<<endenum>>\n' +
        '<<declare $fav = .Pear>>\n<<declare $rich = $gold > 10>>\n<<declare $name = "Ann" as string>>\n' +
        '<<set $gold += 5>>\n<<set $said to "hi" + $name>>\n<<if $rich && $flag>>\nRich\n<<endif>>',
    );
    expect(dialogue.enums).toEqual([
      { name: 'Food', cases: [{ name: 'Apple' }, { name: 'Pear' }] },
      { name: 'Planet', cases: [{ name: 'Earth', value: 3 }] },
    ]);
    expect(dialogue.variables).toEqual([
      { name: 'fav', type: 'enum', enum: 'Food', default: 'Pear' },
      { name: 'rich', type: 'smart', expression: '$gold > 10' },
      { name: 'name', type: 'string', default: 'Ann' },
      { name: 'flag', type: 'bool', default: false },
      { name: 'gold', type: 'number', default: 0 },
      { name: 'said', type: 'string', default: '' },
    ]);
  });

  it('<<set>> with each operator, <<call>>, and commands: static ones as commands, ones with {expressions} as command text', () => {
    const dialogue = read(
      '<<declare $n = 1>>\n<<set $n to 2>>\n<<set $n = $n * 3>>\n<<set $n -= 1>>\n<<set $n *= 2>>\n<<set $n %= 4>>\n' +
        '<<call assert($n >= 0, "negative")>>\n<<shake camera 2 "very hard" true>>\n<<show {$n + 1} now>>',
    );
    const actions = Object.values(dialogue.nodes).flatMap((n) => (n.kind === 'action' ? n.actions : []));
    expect(actions).toEqual([
      { type: 'setVariable', variable: 'n', operator: '=', value: 2 },
      { type: 'setVariable', variable: 'n', operator: '=', value: 0, expression: '$n * 3' },
      { type: 'setVariable', variable: 'n', operator: '-=', value: 1 },
      { type: 'setVariable', variable: 'n', operator: '=', value: 0, expression: '$n * 2' },
      { type: 'setVariable', variable: 'n', operator: '=', value: 0, expression: '$n % 4' },
      { type: 'call', expression: 'assert($n >= 0, "negative")' },
      { type: 'command', name: 'shake', args: ['camera', 2, 'very hard', true] },
      { type: 'commandText', text: 'show {$n + 1} now' },
    ]);
  });

  it('jumps and detours to titles or to expressions, and <<return>>', () => {
    const dialogue = read('<<detour Side>>\n<<jump {"Si" + "de"}>>', 'title: Side\n---\n<<detour {$next}>>\n<<return>>\n===\n');
    expect(graph(dialogue)).toMatchObject({
      'Start.2': { kind: 'detour', nodeId: 'Side', next: 'Start.1' },
      'Start.1': { kind: 'jump', expression: '"Si" + "de"' },
      'Side.1': { kind: 'detour', expression: '$next', next: 'Side.return' },
    });
    expect(dialogue.variables).toEqual([{ name: 'next', type: 'string', default: '' }]);
  });

  it("Yarn's precedence survives: a negation inside a comparison keeps its parentheses", () => {
    const dialogue = read('<<declare $a = true>>\n<<if !$a == false && -$b < 2 || $c is "x">>\nYes\n<<endif>>');
    const branch = Object.values(dialogue.nodes).find((n) => n.kind === 'branch');
    expect(branch).toMatchObject({ branches: [{ condition: '(not $a) == false and -$b < 2 or $c == "x"' }] });
  });

  it.each([
    ['-> One <<if>>\n    You chose one', "Line 3: an option's <<if>> needs a condition"],
    ['<<if $a xor $b>>\nx\n<<endif>>', 'Line 3: xor is not supported'],
    ['<<if random() > 0.5>>\nx\n<<endif>>', 'Line 3: random() with 0 arguments is not supported'],
    ['<<call save_game()>>', 'Line 3: the function save_game() is not supported'],
    ['[[Go|Start]]', 'Line 3: [[…]] links (Yarn 1 options) are not supported'],
    ['Value {$x', 'Line 3: an inline expression { has no closing }'],
    ['<<jump Nowhere>>', 'Line 3: <<jump>> names no node of this script: Nowhere'],
    ['{$mystery}', 'Line 3: the type of $mystery cannot be inferred; declare it with <<declare>>'],
    ['<<declare $s = $t + 1>>\n<<set $s to 2>>', 'Line 4: $s is a smart variable and cannot be set'],
    ['<<declare $n = "x" as number>>', 'Line 3: $n is declared as number but its value is a string'],
    ['<<once>>\nA\n<<elseif true>>\nB\n<<endonce>>', 'Line 5: <<elseif>> inside <<once>> is not supported'],
    ['Hello <<wave>>', 'Line 3: a line can end only with <<if …>>, <<once>> or <<once if …>>, not <<wave>>'],
    ['Hello #tag more words', "Line 3: unexpected text after a line's <<command>> or #hashtag: more words"],
    ['<<else>>', 'Line 3: <<else>> without <<if>>'],
    ['<<set $x = null>>', 'Line 3: null is not supported'],
  ])('refuses %j naming the line and what is wrong', (body, message) => {
    expect(refusal(script(body))).toBe(message);
  });

  it("refuses Yarn Spinner's own parse-failure samples with its kind of message", () => {
    const failures = join(CORPORA, 'parse_failures');
    if (!existsSync(failures)) return;
    const messages = readdirSync(failures).map((file) => refusal(readFileSync(join(failures, file), 'utf8')));
    expect(messages.sort()).toEqual([
      "Line 4: an option's <<if>> needs a condition",
      'Line 5: more than one node is named "Start" (line 1)',
    ]);
  });

  it('a shared title without when: headers on every node is refused', () => {
    expect(refusal(script('A', 'title: Start\nwhen: always\n---\nB\n===\n'))).toBe(
      'Line 1: the node "Start" needs a when: header, as the node at line 5 makes "Start" a node group',
    );
  });
});

const yarnFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() ? yarnFiles(join(dir, f)) : f.endsWith('.yarn') ? [join(dir, f)] : [],
      )
    : [];

describe('Yarn export', () => {
  const importable = yarnFiles(CORPORA).filter((file) => refusal(readFileSync(file, 'utf8')) === 'imported');

  it.runIf(importable.length > 0)(
    'every importable corpus script, test plans included, imports back from its export as the same dialogue',
    () => {
      expect(importable.length).toBeGreaterThanOrEqual(30);
      for (const file of importable) {
        const dialogue = importYarn(readFileSync(file, 'utf8'), identity);
        const back = importYarn(exportYarnDialogue(dialogue), identity);
        expect({ ...back, nodes: graph(back) }, file).toEqual({ ...dialogue, nodes: graph(dialogue) });
      }
    },
  );

  it('writes the constructs as Yarn 3: node groups, line groups, once blocks, detours, enums and smart variables', () => {
    const dialogue = read(
      '<<enum Mood>>\n<<case Calm>>\n<<endenum>>\n<<declare $mood = Mood.Calm>>\n<<declare $ok = $mood == .Calm>>\n' +
        '<<once>>\n    => Hi <<if $ok>>\n    => Hello\n<<endonce>>\n<<detour Greeting>>',
      'title: Greeting\nwhen: once if $ok\n---\nWelcome\n===\n',
    );
    const text = exportYarnDialogue(dialogue);
    expect(text).toContain('<<enum Mood>>\n    <<case Calm>>\n<<endenum>>');
    expect(text).toContain('<<declare $mood = Mood.Calm>>\n<<declare $ok = $mood == Mood.Calm>>');
    expect(text).toContain('<<once>>\n    => Hi <<if $ok>> #line:Start.2\n    => Hello #line:Start.3\n<<endonce>>');
    expect(text).toContain('<<detour Greeting>>');
    expect(text).toContain('title: Greeting\nwhen: once if $ok\n---\nWelcome #line:Greeting.1.1\n===');
  });

  it('a dialogue of any shape exports to Yarn that plays the same: valid conformance cases without quests, AI lines, outcomes, line breaks or other dialogues', () => {
    const playable = loadCases().filter(
      ({ case: c }) =>
        c.pack.dialogues.length === 1 &&
        !c.pack.quests &&
        !/\\[nr]|\\u2028/.test(JSON.stringify(c.pack.dialogues[0])) &&
        Object.values(c.pack.dialogues[0].nodes).every(
          (n) =>
            n.kind !== 'aiLine' &&
            !(n.kind === 'end' && n.outcome) &&
            !(n.kind === 'action' && n.actions.some((a) => !['setVariable', 'call', 'command', 'commandText'].includes(a.type))),
        ),
    );
    let checked = 0;
    for (const { file, case: c } of playable) {
      const original: Dialogue = { schemaVersion: DIALOGUE_SCHEMA_VERSION, ...fromPackDialogue(c.pack.dialogues[0]) } as Dialogue;
      if (c.options.startNodeId !== undefined || validateDialogue(original).some((problem) => problem.severity === 'error')) continue;
      checked++;
      const back = importYarn(exportYarnDialogue(original), identity);
      const played = seen(original, c.script);
      expect(seen(back, c.script, played.choices).out, file).toEqual(played.out);
    }
    expect(checked).toBeGreaterThan(15);
  });
});

/**
 * What a player sees and the game receives, playing the case's script; `choices` (the places
 * of the options chosen, which the first play returns) replace the script's option ids, which
 * an import names anew.
 */
function seen(dialogue: Dialogue, script: ReturnType<typeof loadCases>[number]['case']['script'], choices?: number[]) {
  const chosen: number[] = [];
  const runtime = createRuntime(dialogue, { seed: 7 });
  const out: string[] = [];
  const describe = () => {
    const step = runtime.step;
    if (step.type === 'line') out.push(`${step.speaker}: ${step.text}`);
    else if (step.type === 'choice')
      out.push(`? ${step.options.map((o) => `${o.text}${o.available ? '' : ' (unavailable)'}`).join(' | ')}`);
    else if (step.type === 'end') out.push(`end ${step.reason === 'error' ? 'error' : 'ok'}`);
  };
  describe();
  for (const op of script) {
    const step = runtime.step;
    try {
      if ('choose' in op && step.type === 'choice') {
        const place = choices ? choices[chosen.length] : step.options.findIndex((o) => o.id === op.choose);
        chosen.push(place);
        runtime.choose(step.options[place]?.id ?? op.choose);
      } else if ('advance' in op) runtime.advance();
      else break;
    } catch (error) {
      out.push(`misuse ${(error as Error).name}`);
    }
    describe();
  }
  out.push(...runtime.events.filter((e) => e.type === 'command').map((e) => JSON.stringify(e.type === 'command' && [e.name, e.args])));
  // A runaway loop stops after a number of automatic nodes, which the sections of the export add to.
  if (!(runtime.step.type === 'end' && runtime.step.reason === 'error')) out.push(JSON.stringify(runtime.state.variables));
  return { out, choices: chosen };
}

import { describe, expect, it } from 'vitest';
import { generateDialogue } from '../../bench/dialogue-generator';
import {
  newDialogue,
  newNode,
  validateDialogue,
  type Dialogue,
  type DialogueAction,
  type DialogueNode,
  type DialogueProblem,
} from '../../main/domain/dialogue';
import { referencesIn } from '../../main/domain/dialogue/reference-rules';

/** A dialogue from nodes; the first node is the start unless `start` says otherwise. */
function dialogue(nodes: DialogueNode[], extra: Partial<Dialogue> = {}): Dialogue {
  return {
    ...newDialogue({ id: 'd1', name: 'Test' }),
    variables: [
      { name: 'gold', type: 'number', default: 0 },
      { name: 'met_king', type: 'bool', default: false },
    ],
    startNodeId: nodes[0]?.id ?? '',
    nodes: Object.fromEntries(nodes.map((node) => [node.id, node])),
    ...extra,
  };
}

const line = (id: string, next?: string, text = `Text of ${id}`): DialogueNode => ({
  ...newNode('line', id),
  speaker: 'Mirela',
  text,
  next,
});
const end = (id = 'end'): DialogueNode => newNode('end', id);
const choice = (id: string, options: { id: string; text: string; condition?: string; target?: string }[]): DialogueNode => ({
  ...newNode('choice', id),
  options,
});

const codes = (problems: DialogueProblem[]) => problems.map((p) => p.code);
const only = (d: Dialogue, code: string) => validateDialogue(d).filter((p) => p.code === code);

describe('validateDialogue', () => {
  it('finds nothing wrong with a small complete dialogue', () => {
    const d = dialogue([
      line('hello', 'ask'),
      choice('ask', [
        { id: 'rich', text: 'Buy', condition: '$gold >= 10 and not $met_king', target: 'pay' },
        { id: 'bye', text: 'Bye', target: 'end' },
      ]),
      { ...newNode('action', 'pay'), actions: [{ type: 'setVariable', variable: 'gold', operator: '-=', value: 10 }], next: 'check' },
      { ...newNode('branch', 'check'), branches: [{ id: 'b1', condition: 'completed("q")', target: 'ai' }], else: 'end' },
      { ...newNode('aiLine', 'ai'), speaker: 'Mirela', instruction: 'Thank them', fallbackText: 'Thanks!', next: 'jump' },
      { ...newNode('jump', 'jump'), nodeId: 'end' },
      end(),
    ]);
    expect(validateDialogue(d)).toEqual([]);
  });

  it('missing_start: no start, or a start that does not exist', () => {
    expect(validateDialogue(dialogue([]))).toEqual([
      { severity: 'error', code: 'missing_start', message: 'Dialogue has no start node', field: 'startNodeId' },
    ]);
    const problems = validateDialogue(dialogue([line('a', 'end'), end()], { startNodeId: 'gone' }));
    expect(codes(problems)).toEqual(['missing_start']);
    expect(problems[0].message).toBe('Start node "gone" does not exist');
  });

  it('dangling_target: names the node, the field and the missing id', () => {
    const d = dialogue([
      line('a', 'ask'),
      choice('ask', [
        { id: 'o1', text: 'Go', target: 'nowhere' },
        { id: 'o2', text: 'Stay', target: 'end' },
      ]),
      end(),
    ]);
    expect(only(d, 'dangling_target')).toEqual([
      {
        severity: 'error',
        code: 'dangling_target',
        message: 'Option 1 leads to node "nowhere", which does not exist',
        nodeId: 'ask',
        field: 'options[0].target',
      },
    ]);
    expect(validateDialogue(d).filter((p) => p.code === 'no_path_to_end')).toEqual([]);
  });

  it('missing_target: warns about unconnected outputs, each by field', () => {
    const d = dialogue([line('a'), { ...newNode('branch', 'b'), branches: [{ id: 'x', condition: 'true' }] }], { startNodeId: 'a' });
    const problems = validateDialogue(d).filter((p) => p.code === 'missing_target');
    expect(problems.map((p) => [p.nodeId, p.field, p.severity])).toEqual([
      ['a', 'next', 'warning'],
      ['b', 'branches[0].target', 'warning'],
      ['b', 'else', 'warning'],
    ]);
  });

  it('unreachable_node: reports nodes the start never leads to', () => {
    const d = dialogue([line('a', 'end'), line('island', 'end'), end()]);
    expect(only(d, 'unreachable_node')).toEqual([
      { severity: 'warning', code: 'unreachable_node', message: 'No path from the start reaches this node', nodeId: 'island' },
    ]);
  });

  it('no_path_to_end: reports loops with no way out, and only those', () => {
    const d = dialogue([
      line('a', 'hub'),
      choice('hub', [
        { id: 'talk', text: 'Talk', target: 'loop1' },
        { id: 'bye', text: 'Bye', target: 'end' },
      ]),
      line('loop1', 'loop2'),
      line('loop2', 'loop1'),
      end(),
    ]);
    expect(only(d, 'no_path_to_end').map((p) => p.nodeId)).toEqual(['loop1', 'loop2']);
    const hubWithExit = dialogue([
      line('a', 'hub'),
      choice('hub', [
        { id: 't', text: 'Talk', target: 'a' },
        { id: 'b', text: 'Bye', target: 'end' },
      ]),
      end(),
    ]);
    expect(validateDialogue(hubWithExit)).toEqual([]);
  });

  it('counts a jump to another dialogue as a way out, and checks it exists when asked', () => {
    const d = dialogue([line('a', 'j'), { ...newNode('jump', 'j'), dialogueId: 'other' }]);
    expect(validateDialogue(d)).toEqual([]);
    expect(validateDialogue(d, { dialogueExists: (id) => id === 'other' })).toEqual([]);
    expect(validateDialogue(d, { dialogueExists: () => false })).toEqual([
      {
        severity: 'error',
        code: 'unknown_dialogue',
        message: 'Jump to dialogue "other", which does not exist',
        nodeId: 'j',
        field: 'dialogueId',
      },
    ]);
  });

  it('references: quests, stages, objectives and items the project lacks are errors at the field that names them', () => {
    const refs = referencesIn({
      dialogueIds: ['d1'],
      quests: [
        {
          id: 'anvil',
          title: 'The Lost Anvil',
          stages: [{ id: 'find', title: 'Find the anvil' }],
          objectives: [{ id: 'talk_brannoc', description: 'Talk to Brannoc', stageId: 'find' }],
        },
      ],
      itemIds: ['pelt'],
    });
    const act = (id: string, actions: DialogueAction[], next: string): DialogueNode => ({ ...newNode('action', id), actions, next });
    const d = dialogue([
      act(
        'good',
        [
          { type: 'startQuest', questId: 'anvil' },
          { type: 'advanceQuest', questId: 'anvil', stage: 0 },
          { type: 'completeObjective', questId: 'anvil', objectiveId: 'talk_brannoc' },
          { type: 'giveItem', itemId: 'pelt', count: 1 },
        ],
        'bad',
      ),
      act(
        'bad',
        [
          { type: 'startQuest', questId: 'quest' },
          { type: 'advanceQuest', questId: 'anvil', stage: 1 },
          { type: 'completeObjective', questId: 'anvil', objectiveId: 'objective' },
          { type: 'giveItem', itemId: 'item', count: 1 },
        ],
        'ask',
      ),
      choice('ask', [
        { id: 'o1', text: 'Done?', condition: 'completed("anvil") and item_count("pelt") > 0 and visited("good")', target: 'end' },
        {
          id: 'o2',
          text: 'Gone?',
          condition: 'objective_done("lost", "x") or objective_done("anvil", "nope") or visited("gone")',
          target: 'end',
        },
      ]),
      end(),
    ]);
    const problems = validateDialogue(d, refs).map(({ code, nodeId, field, message, span }) => ({ code, nodeId, field, message, span }));
    expect(problems).toEqual([
      {
        code: 'unknown_quest',
        nodeId: 'bad',
        field: 'actions[0].questId',
        message: 'Quest "quest" does not exist in this project',
        span: undefined,
      },
      {
        code: 'unknown_stage',
        nodeId: 'bad',
        field: 'actions[1].stage',
        message: 'Quest "The Lost Anvil" has 1 stage; there is no stage 2',
        span: undefined,
      },
      {
        code: 'unknown_objective',
        nodeId: 'bad',
        field: 'actions[2].objectiveId',
        message: 'Quest "The Lost Anvil" has no objective "objective"',
        span: undefined,
      },
      {
        code: 'unknown_item',
        nodeId: 'bad',
        field: 'actions[3].itemId',
        message: 'Item "item" does not exist in this project',
        span: undefined,
      },
      {
        code: 'dangling_target',
        nodeId: 'ask',
        field: 'options[1].condition',
        message: 'visited() names node "gone", which does not exist',
        span: { start: 74, end: 80 },
      },
      {
        code: 'unknown_objective',
        nodeId: 'ask',
        field: 'options[1].condition',
        message: 'Quest "The Lost Anvil" has no objective "nope"',
        span: { start: 55, end: 61 },
      },
      {
        code: 'unknown_quest',
        nodeId: 'ask',
        field: 'options[1].condition',
        message: 'Quest "lost" does not exist in this project',
        span: { start: 15, end: 21 },
      },
    ]);
    // Without the project's lists, only what the dialogue itself holds is checked.
    expect(codes(validateDialogue(d))).toEqual(['dangling_target']);
  });

  it('invalid_condition: keeps the span inside the condition text', () => {
    const d = dialogue([choice('ask', [{ id: 'o', text: 'Go', condition: '$gold >= ', target: 'end' }]), end()]);
    expect(only(d, 'invalid_condition')).toEqual([
      {
        severity: 'error',
        code: 'invalid_condition',
        message: 'Expected a value, found the end of the condition (column 10)',
        nodeId: 'ask',
        field: 'options[0].condition',
        span: { start: 9, end: 9 },
      },
    ]);
    const emptyBranch = dialogue([
      { ...newNode('branch', 'b'), branches: [{ id: 'x', condition: ' ', target: 'end' }], else: 'end' },
      end(),
    ]);
    expect(only(emptyBranch, 'invalid_condition')[0]).toMatchObject({
      field: 'branches[0].condition',
      message: 'Condition is empty (column 1)',
    });
  });

  it('undeclared_variable and type_mismatch: in conditions and in set-variable actions', () => {
    const d = dialogue([
      choice('ask', [{ id: 'o', text: 'Go', condition: '$gem > 1 or $met_king > 2', target: 'act' }]),
      {
        ...newNode('action', 'act'),
        actions: [
          { type: 'setVariable', variable: 'gem', operator: '=', value: 1 },
          { type: 'setVariable', variable: 'met_king', operator: '+=', value: 1 },
          { type: 'setVariable', variable: 'gold', operator: '=', value: 'lots' },
        ],
        next: 'end',
      },
      end(),
    ]);
    expect(validateDialogue(d).map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ['undeclared_variable', 'ask', 'options[0].condition'],
      ['type_mismatch', 'ask', 'options[0].condition'],
      ['undeclared_variable', 'act', 'actions[0].variable'],
      ['type_mismatch', 'act', 'actions[1].operator'],
      ['type_mismatch', 'act', 'actions[2].value'],
    ]);
  });

  it('unknown_function and wrong_argument_count come from the condition typecheck', () => {
    const d = dialogue([choice('ask', [{ id: 'o', text: 'Go', condition: 'fly("x") or completed()', target: 'end' }]), end()]);
    expect(codes(validateDialogue(d))).toEqual(['unknown_function', 'wrong_argument_count']);
  });

  it('empty_text: lines, options and both AI line texts', () => {
    const d = dialogue([
      line('a', 'ai', '   '),
      { ...newNode('aiLine', 'ai'), speaker: 'M', next: 'ask' },
      choice('ask', [{ id: 'o', text: '', target: 'end' }]),
      end(),
    ]);
    expect(only(d, 'empty_text').map((p) => [p.nodeId, p.field, p.severity])).toEqual([
      ['a', 'text', 'warning'],
      ['ai', 'instruction', 'warning'],
      ['ai', 'fallbackText', 'warning'],
      ['ask', 'options[0].text', 'warning'],
    ]);
  });

  it('duplicate_line_id and missing_line_id: across lines and AI lines', () => {
    const d = dialogue([
      { ...line('a', 'b'), lineId: 'greet' } as DialogueNode,
      { ...line('b', 'c'), lineId: 'greet' } as DialogueNode,
      { ...newNode('aiLine', 'c'), speaker: 'M', instruction: 'i', fallbackText: 'f', lineId: 'greet', next: 'd' },
      { ...line('d', 'end'), lineId: ' ' } as DialogueNode,
      end(),
    ]);
    expect(validateDialogue(d)).toEqual([
      { severity: 'error', code: 'duplicate_line_id', message: 'Line id "greet" is already used by node a', nodeId: 'b', field: 'lineId' },
      { severity: 'error', code: 'duplicate_line_id', message: 'Line id "greet" is already used by node a', nodeId: 'c', field: 'lineId' },
      {
        severity: 'error',
        code: 'missing_line_id',
        message: 'Line has no line id for localization and voice-over',
        nodeId: 'd',
        field: 'lineId',
      },
    ]);
  });

  it('duplicate_choice_text: ignores case and spacing', () => {
    const d = dialogue([
      choice('ask', [
        { id: 'a', text: 'Tell me more.', target: 'end' },
        { id: 'b', text: '  tell me   MORE. ', target: 'end' },
      ]),
      end(),
    ]);
    expect(only(d, 'duplicate_choice_text')).toEqual([
      {
        severity: 'warning',
        code: 'duplicate_choice_text',
        message: 'Option 2 reads the same as option 1: "tell me   MORE."',
        nodeId: 'ask',
        field: 'options[1].text',
      },
    ]);
  });

  it('duplicate_id, duplicate_variable, empty_choice and empty_branch', () => {
    const d = dialogue(
      [
        choice('ask', [
          { id: 'a', text: 'One', target: 'none' },
          { id: 'a', text: 'Two', target: 'b' },
        ]),
        { ...newNode('branch', 'b'), else: 'c' },
        choice('c', []),
      ],
      {
        variables: [
          { name: 'gold', type: 'number', default: 0 },
          { name: 'gold', type: 'bool', default: false },
        ],
      },
    );
    const problems = validateDialogue(d);
    expect(problems.filter((p) => p.code === 'duplicate_variable')).toEqual([
      { severity: 'error', code: 'duplicate_variable', message: 'Variable $gold is declared twice', field: 'variables[1].name' },
    ]);
    expect(problems.find((p) => p.code === 'duplicate_id')).toMatchObject({ nodeId: 'ask', field: 'options[1].id' });
    expect(problems.find((p) => p.code === 'empty_branch')).toMatchObject({ nodeId: 'b', severity: 'warning' });
    expect(problems.find((p) => p.code === 'empty_choice')).toMatchObject({ nodeId: 'c', severity: 'error' });
    expect(problems.filter((p) => p.code === 'no_path_to_end').map((p) => p.nodeId)).toEqual(['b', 'c']);
  });

  it('the deeper language: templates, line conditions, groups, sections, detours and targets, each at its field', () => {
    const d = dialogue(
      [
        { ...newNode('section', 'intro'), title: 'Intro', next: 'hello' },
        { ...line('hello', 'pick', 'Hi {$gold + $nope} [b]'), condition: '$gold + 1' },
        {
          ...newNode('group', 'pick'),
          candidates: [
            { id: 'a', condition: '$met_king and $mood == .Angry', target: 'tale' },
            { id: 'b', condition: 'visited("ghost")', target: 'tale' },
          ],
          else: 'tale',
        },
        { ...newNode('detour', 'tale'), nodeId: 'missing', next: 'away' },
        { ...newNode('detour', 'away'), dialogueId: 'elsewhere', next: 'hop' },
        { ...newNode('jump', 'hop'), expression: '$gold * 2' },
        { ...newNode('section', 'again'), title: 'Intro', next: 'back' },
        newNode('return', 'back'),
      ],
      {
        enums: [{ name: 'Mood', cases: [{ name: 'Calm' }, { name: 'Angry' }] }],
        variables: [
          { name: 'gold', type: 'number', default: 0 },
          { name: 'met_king', type: 'bool', default: false },
          { name: 'mood', type: 'enum', enum: 'Mood', default: 'Calm' },
        ],
      },
    );
    const problems = validateDialogue(d, referencesIn({ dialogueIds: ['d1'], quests: [], itemIds: [] }));
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ['undeclared_variable', 'hello', 'text'],
      ['type_mismatch', 'hello', 'condition'],
      ['dangling_target', 'pick', 'candidates[1].condition'],
      ['unknown_dialogue', 'away', 'dialogueId'],
      ['type_mismatch', 'hop', 'expression'],
      ['duplicate_section_title', 'again', 'title'],
      ['dangling_target', 'tale', 'nodeId'],
    ]);
    expect(problems[0]).toMatchObject({ severity: 'error', message: 'Variable $nope is not declared', span: { start: 12, end: 17 } });
    expect(problems.find((p) => p.code === 'duplicate_section_title')?.message).toBe('Section title "Intro" is already used by node intro');
  });

  it('the deeper language: set expressions, smart and enum variables, calls, command texts and declarations', () => {
    const d = dialogue(
      [
        {
          ...newNode('action', 'act'),
          actions: [
            { type: 'setVariable', variable: 'gold', operator: '+=', value: 0, expression: '$gold * 2' },
            { type: 'setVariable', variable: 'name', operator: '+=', value: 0, expression: '" the Bold"' },
            { type: 'setVariable', variable: 'gold', operator: '=', value: 0, expression: '"many"' },
            { type: 'setVariable', variable: 'rich', operator: '=', value: true },
            { type: 'setVariable', variable: 'mood', operator: '=', value: 'Calm' },
            { type: 'setVariable', variable: 'mood', operator: '=', value: 'Sad' },
            { type: 'setVariable', variable: 'mood', operator: '=', value: '', expression: '.Angry' },
            { type: 'call', expression: 'assert($gold >= 0)' },
            { type: 'call', expression: '$gold + 1' },
            { type: 'commandText', text: 'give {$item}' },
            { type: 'commandText', text: '  ' },
          ],
          next: 'ask',
        },
        { ...newNode('choice', 'ask'), options: [{ id: 'o', text: 'Pay [plural value={$gold} one="% coin"/]', target: 'end' }] },
        end(),
      ],
      {
        enums: [{ name: 'Mood', cases: [{ name: 'Calm' }, { name: 'Angry' }] }],
        variables: [
          { name: 'gold', type: 'number', default: 0 },
          { name: 'name', type: 'string', default: 'Ash' },
          { name: 'mood', type: 'enum', enum: 'Mood', default: 'Calm' },
          { name: 'lost', type: 'enum', enum: 'Colour', default: 'Red' },
          { name: 'rich', type: 'smart', expression: '$gold > 100 or $richer' },
          { name: 'richer', type: 'smart', expression: 'not $rich' },
        ],
      },
    );
    expect(validateDialogue(d).map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ['unknown_enum', undefined, 'variables[3].enum'],
      ['smart_variable_cycle', undefined, 'variables[5].expression'],
      ['type_mismatch', 'act', 'actions[2].expression'],
      ['smart_variable_set', 'act', 'actions[3].variable'],
      ['type_mismatch', 'act', 'actions[5].value'],
      ['not_a_call', 'act', 'actions[8].expression'],
      ['undeclared_variable', 'act', 'actions[9].text'],
      ['empty_text', 'act', 'actions[10].text'],
      ['missing_other_case', 'ask', 'options[0].text'],
    ]);
  });

  it('a choice may leave its else unconnected, and a return outside any detour is fine', () => {
    const d = dialogue([choice('ask', [{ id: 'o', text: 'Go', target: 'back' }]), newNode('return', 'back')]);
    expect(validateDialogue(d)).toEqual([]);
  });

  it('handles a 10,000-node chain and a 10,000-node cycle without recursion', () => {
    const count = 10_000;
    const chain = dialogue([...Array.from({ length: count }, (_, i) => line(`n${i}`, i + 1 < count ? `n${i + 1}` : 'end')), end()]);
    expect(validateDialogue(chain)).toEqual([]);
    const cycle = dialogue(Array.from({ length: count }, (_, i) => line(`n${i}`, `n${(i + 1) % count}`)));
    expect(only(cycle, 'no_path_to_end')).toHaveLength(count);
  });

  it('validates the generated 10,000-node dialogue cleanly and quickly', () => {
    const big = generateDialogue(10_000);
    expect(Object.keys(big.nodes).length).toBeGreaterThanOrEqual(10_000);
    validateDialogue(big);
    const started = performance.now();
    expect(validateDialogue(big)).toEqual([]);
    // Generous for shared CI machines; bench/dialogue.ts measures against the 100 ms target.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

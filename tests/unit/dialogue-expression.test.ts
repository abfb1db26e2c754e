import { describe, expect, it } from 'vitest';
import {
  checkCondition,
  emptyDialogueState,
  evaluate,
  EvaluationError,
  EXPRESSION_FUNCTIONS,
  EXPRESSION_LIMITS,
  parseExpression,
  typecheck,
  type DialogueState,
} from '../../main/domain/dialogue';
import { ast, errorOf, shape } from '../helpers/expression-tree';

const state = (patch: Partial<DialogueState> = {}): DialogueState => ({ ...emptyDialogueState(), ...patch });
const run = (source: string, s: DialogueState = state(), random = () => 0.5) =>
  evaluate(ast(source), { state: s, dialogueId: 'd1', random });

describe('condition parser', () => {
  it('parses the example from the issue with not binding looser than comparison', () => {
    expect(shape(ast('$gold >= 10 and not $met_king'))).toEqual({ and: [['$gold', '>=', 10], { not: '$met_king' }] });
    expect(shape(ast('not $a == 1'))).toEqual({ not: ['$a', '==', 1] });
  });

  it('gives and precedence over or and keeps chains flat', () => {
    expect(shape(ast('$a or $b and $c or $d'))).toEqual({ or: ['$a', { and: ['$b', '$c'] }, '$d'] });
    expect(shape(ast('($a or $b) and $c'))).toEqual({ and: [{ or: ['$a', '$b'] }, '$c'] });
    const long = Array.from({ length: 150 }, (_, i) => `$v${i}`).join(' and ');
    expect(shape(ast(long))).toEqual({ and: Array.from({ length: 150 }, (_, i) => `$v${i}`) });
  });

  it('reads every comparison operator, numbers, strings, booleans and calls', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) expect(shape(ast(`$x ${op} 2`))).toEqual(['$x', op, 2]);
    expect(shape(ast('$x == -2.5'))).toEqual(['$x', '==', -2.5]);
    expect(shape(ast(`$mood == "it's \\"fine\\"\\n" or $mood == 'a\\'b\\u00e9'`))).toEqual({
      or: [
        ['$mood', '==', 'it\'s "fine"\n'],
        ['$mood', '==', "a'bé"],
      ],
    });
    expect(shape(ast('true != false'))).toEqual([true, '!=', false]);
    expect(shape(ast('quest_stage("q1") >= 2 and objective_done("q1", "o2") and visited("n1")'))).toEqual({
      and: [[{ quest_stage: ['q1'] }, '>=', 2], { objective_done: ['q1', 'o2'] }, { visited: ['n1'] }],
    });
    expect(shape(ast('random(6) == 0'))).toEqual([{ random: [6] }, '==', 0]);
  });

  it('records source spans on every node', () => {
    const tree = ast('$gold >= 10 and not $met_king');
    expect(tree.span).toEqual({ start: 0, end: 29 });
    if (tree.type !== 'logical') throw new Error('expected and');
    expect(tree.operands[0].span).toEqual({ start: 0, end: 11 });
    expect(tree.operands[1].span).toEqual({ start: 16, end: 29 });
    const call = ast('  completed("q")  ');
    expect(call.span).toEqual({ start: 2, end: 16 });
  });

  it('produces plain JSON', () => {
    const tree = ast('active("q") and ($n > 1 or not $b)');
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it.each([
    ['', 'Condition is empty', 0],
    ['$gold >=', 'Expected a value, found the end of the condition', 8],
    ['$gold = 10', "Use '==' to compare", 6],
    ['gold > 1', "Unknown name 'gold': variables start with $ (did you mean $gold?)", 0],
    ['($a and $b', "Expected ')' to close the '(' at column 1, found the end of the condition", 10],
    ['$a and $b)', "Unexpected ')'; expected an operator, 'and', 'or' or the end of the condition", 9],
    ['1 < $x < 5', "Comparisons cannot be chained; join them with 'and'", 7],
    ['"open', 'Unterminated string: add the closing "', 0],
    ["'a\\qb' == $s", "Unknown escape '\\q' in string", 2],
    ['$ == 1', "Expected a variable name after '$'", 0],
    ['$1x', "Expected a variable name after '$'", 0],
    ['12abc', "Unexpected 'a' after a number", 2],
    ['1. == $x', 'Expected a digit after the decimal point', 2],
    ['$a and and $b', "Expected a value before 'and'", 7],
    ['completed("q" "r")', "Expected ',' or ')' in the call to completed(), found a string", 14],
    ['$a # 1', "Unexpected character '#'", 3],
  ])('rejects %j with a located message', (source, message, column) => {
    const error = errorOf(source);
    expect(error.code).toBe('syntax');
    expect(error.message).toContain(message);
    expect(error.span.start).toBe(column);
    expect(error.message).toContain(`(column ${column + 1})`);
  });
});

describe('condition parser limits on hostile input', () => {
  it('refuses over-long text before scanning it', () => {
    const error = errorOf(`$a == "${'x'.repeat(EXPRESSION_LIMITS.maxLength)}"`);
    expect(error.code).toBe('too_long');
    expect(error.message).toContain(`the limit is ${EXPRESSION_LIMITS.maxLength}`);
  });

  it('refuses too many tokens', () => {
    const error = errorOf(Array.from({ length: 300 }, () => '$a').join(' or '));
    expect(error.code).toBe('too_many_tokens');
  });

  it('refuses deep nesting of parentheses, not and calls without exhausting the stack', () => {
    expect(errorOf(`${'('.repeat(150)}$a${')'.repeat(150)}`).code).toBe('too_deep');
    expect(errorOf(`${'not '.repeat(300)}$a`).code).toBe('too_deep');
    expect(errorOf(`${'completed('.repeat(100)}"q"${')'.repeat(100)}`).code).toBe('too_deep');
    expect(errorOf(`${'('.repeat(1500)}$a`).code).toBe('too_many_tokens');
    expect(parseExpression(`${'('.repeat(EXPRESSION_LIMITS.maxDepth)}$a${')'.repeat(EXPRESSION_LIMITS.maxDepth)}`).ok).toBe(true);
  });

  it('refuses long names and numbers that overflow', () => {
    expect(errorOf(`$${'a'.repeat(65)}`).message).toContain('longer than 64');
    expect(errorOf(`$n < ${'9'.repeat(400)}`).message).toContain('Number is too large');
  });

  it('never throws on arbitrary input', () => {
    const alphabet = [
      '$a',
      '(',
      ')',
      'and',
      'or',
      'not',
      '==',
      '<',
      '"s"',
      "'",
      '\\',
      '1',
      '-',
      ',',
      'f(',
      ' ',
      '$',
      '.',
      '!',
      '=',
      '+',
      '*',
      '/',
      '%',
      '&&',
      '||',
      'is',
      'E.c',
      '.c',
      '1.5',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 2000; i++) {
      const source = Array.from({ length: next() % 30 }, () => alphabet[next() % alphabet.length]).join('');
      expect(() => parseExpression(source)).not.toThrow();
    }
  });
});

describe('condition evaluator', () => {
  const s = state({
    variables: { gold: 12, met_king: false, mood: 'calm' },
    quests: { q1: { status: 'active', stage: 2, objectives: { o1: true } }, q2: { status: 'completed', stage: 3, objectives: {} } },
    inventory: { sword: 2 },
    visits: { d1: { n1: 1 }, other: { n2: 1 } },
  });

  it.each([
    ['$gold >= 10 and not $met_king', true],
    ['$gold > 12 or $mood == "calm"', true],
    ['$gold != 12', false],
    ['$gold <= 12 and $gold < 13', true],
    ['active("q1") and not active("q2") and completed("q2") and not completed("q1")', true],
    ['quest_stage("q1") == 2 and quest_stage("missing") == 0', true],
    ['objective_done("q1", "o1") and not objective_done("q1", "o2")', true],
    ['item_count("sword") == 2 and item_count("shield") == 0', true],
    ['visited("n1") and not visited("n2")', true],
    ['item_count("constructor") == 0 and not active("__proto__")', true],
  ])('%s is %s', (source, expected) => {
    expect(run(source, s)).toBe(expected);
  });

  it('short-circuits, so the right side of a decided and/or is not evaluated', () => {
    expect(run('$gold < 0 and $undeclared', s)).toBe(false);
    expect(run('$gold > 0 or $undeclared', s)).toBe(true);
  });

  it('draws random() from the given generator', () => {
    expect(run('random(6)', s, () => 0.99)).toBe(5);
    expect(run('random(6)', s, () => 0)).toBe(0);
    expect(() => run('random(0) == 0', s)).toThrow(/whole number from 1/);
  });

  it('throws located errors for values of the wrong type or missing variables', () => {
    const check = (source: string, message: RegExp) => {
      try {
        run(source, s);
        throw new Error('no error');
      } catch (error) {
        expect(error).toBeInstanceOf(EvaluationError);
        expect((error as Error).message).toMatch(message);
        expect((error as EvaluationError).span.end).toBeGreaterThan((error as EvaluationError).span.start);
      }
    };
    check('$nope', /Variable \$nope has no value/);
    check('$mood > 1', /'>' needs a number, got string/);
    check('not $gold', /'not' needs a bool, got number/);
    check('$gold == "12"', /needs a number, got string/);
    check('completed(1)', /Argument 1 of completed\(\) needs a string/);
    check('nothing()', /Unknown function nothing\(\)/);
  });
});

describe('typecheck', () => {
  const declared = [
    { name: 'gold', type: 'number' as const },
    { name: 'met_king', type: 'bool' as const },
    { name: 'mood', type: 'string' as const },
  ];
  const problems = (source: string) => typecheck(ast(source), declared).problems.map((p) => p.code);

  it('accepts well-typed conditions and infers bool', () => {
    expect(typecheck(ast('$gold >= 10 and not $met_king and $mood != "angry"'), declared)).toMatchObject({ type: 'bool', problems: [] });
    expect(typecheck(ast('quest_stage("q")'), declared).type).toBe('number');
  });

  it('reports undeclared variables with their span, without cascading', () => {
    const result = typecheck(ast('$gold > 1 and $gem > 2'), declared);
    expect(result.problems).toEqual([
      { code: 'undeclared_variable', message: 'Variable $gem is not declared', span: { start: 14, end: 18 } },
    ]);
  });

  it('reports every mistyped operand', () => {
    expect(problems('$mood > 3')).toEqual(['type_mismatch']);
    expect(problems('$gold and $met_king')).toEqual(['type_mismatch']);
    expect(problems('not $mood or $gold')).toEqual(['type_mismatch', 'type_mismatch']);
    expect(problems('$gold == "ten"')).toEqual(['type_mismatch']);
    expect(problems('completed($gold)')).toEqual(['type_mismatch']);
  });

  it('reports unknown functions and wrong argument counts', () => {
    expect(problems('teleport("x")')).toEqual(['unknown_function']);
    expect(problems('completed("a", "b")')).toEqual(['wrong_argument_count']);
    expect(problems('objective_done("a")')).toEqual(['wrong_argument_count']);
  });

  it('documents every function with a signature', () => {
    for (const [name, fn] of Object.entries(EXPRESSION_FUNCTIONS)) {
      expect(fn.summary.startsWith(`${name}(`)).toBe(true);
      expect(fn.params.length).toBeGreaterThan(0);
    }
  });

  it('checkCondition requires a boolean and returns parse errors as problems', () => {
    expect(checkCondition('$gold', declared).problems).toEqual([
      { code: 'type_mismatch', message: 'A condition must be true or false, but this is a number', span: { start: 0, end: 5 } },
    ]);
    const broken = checkCondition('$gold >', declared);
    expect(broken.ast).toBeUndefined();
    expect(broken.problems[0]).toMatchObject({ code: 'invalid_condition', reason: 'syntax' });
    expect(checkCondition('$gold > 1', declared)).toMatchObject({ problems: [] });
  });
});

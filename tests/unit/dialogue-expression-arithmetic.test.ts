import { describe, expect, it } from 'vitest';
import {
  AssertionFailure,
  checkCondition,
  checkExpression,
  complexity,
  emptyDialogueState,
  evaluate,
  EvaluationError,
  EXPRESSION_LIMITS,
  expressionContext,
  formatValue,
  parseExpression,
  typecheck,
  type DeclaredVariable,
  type DialogueState,
  type Expr,
  type Value,
} from '../../main/domain/dialogue';
import { ast, errorOf, shape } from '../helpers/expression-tree';
import { packCondition, toPackExpr } from '../../main/domain/pack/expression-tree';
import { PackExpr } from '../../main/domain/pack/pack-schema';

const enums = [
  { name: 'Food', cases: [{ name: 'Apple' }, { name: 'Orange' }, { name: 'Pear' }] },
  {
    name: 'Planet',
    cases: [
      { name: 'Mercury', value: 1 },
      { name: 'Earth', value: 3 },
    ],
  },
  { name: 'Quest', cases: [{ name: 'Objective1', value: 'DoObjective1' }] },
  { name: 'Fruit', cases: [{ name: 'Apple', value: 'apple' }, { name: 'Kiwi' }] },
];
const variables: DeclaredVariable[] = [
  { name: 'gold', type: 'number' },
  { name: 'name', type: 'string' },
  { name: 'brave', type: 'bool' },
  { name: 'food', type: 'enum', enum: 'Food', default: 'Apple' },
  { name: 'rich', type: 'smart', expression: '$gold > 10' },
  { name: 'title', type: 'smart', expression: '"Sir " + $name' },
];
const { context, problems: contextProblems } = expressionContext({ variables, enums });

const state = (variables: Record<string, Value> = {}, patch: Partial<DialogueState> = {}): DialogueState => ({
  ...emptyDialogueState(),
  variables: { gold: 12, name: 'Ann', brave: true, food: 'Apple', ...variables },
  ...patch,
});
const scopeOf = (s: DialogueState, random = () => 0.5) => ({
  state: s,
  dialogueId: 'd1',
  random,
  enums: context.enums,
  smart: context.smart,
});
/** Checks like validation does (resolving `.Case`), then evaluates. */
const run = (source: string, s: DialogueState = state(), random = () => 0.5): Value => {
  const checked = checkExpression(source, context);
  if (!checked.ast) throw new Error(checked.problems[0].message);
  return evaluate(checked.ast, scopeOf(s, random));
};
const failure = (source: string, s: DialogueState = state()): EvaluationError => {
  try {
    run(source, s);
  } catch (error) {
    if (error instanceof EvaluationError) return error;
    throw error;
  }
  throw new Error(`${source} evaluated`);
};

describe('arithmetic parsing', () => {
  it('binds * / % tighter than + -, unary minus tightest, and associates to the left', () => {
    expect(shape(ast('1 + 2 * 3'))).toEqual([1, '+', [2, '*', 3]]);
    expect(shape(ast('(1 + 2) * 3'))).toEqual([[1, '+', 2], '*', 3]);
    expect(shape(ast('10 - 4 - 3'))).toEqual([[10, '-', 4], '-', 3]);
    expect(shape(ast('8 / 4 % 3 * 2'))).toEqual([[[8, '/', 4], '%', 3], '*', 2]);
    expect(shape(ast('5 * 2 - 2 * -1'))).toEqual([[5, '*', 2], '-', [2, '*', -1]]);
    expect(shape(ast('-$gold * 2'))).toEqual([['-', '$gold'], '*', 2]);
    expect(shape(ast('- -$gold'))).toEqual(['-', ['-', '$gold']]);
    expect(shape(ast('max(1,2)-1'))).toEqual([{ max: [1, 2] }, '-', 1]);
  });

  it('puts arithmetic under comparisons and comparisons under not, and, or', () => {
    expect(shape(ast('$gold + 1 > 2 * 3 and not $a - 1 == 0'))).toEqual({
      and: [[['$gold', '+', 1], '>', [2, '*', 3]], { not: [['$a', '-', 1], '==', 0] }],
    });
  });

  it('reads decimals, && || ! and the word operators as their symbols', () => {
    expect(shape(ast('1.1 + 0.1 > 1.1'))).toEqual([[1.1, '+', 0.1], '>', 1.1]);
    expect(shape(ast('$a && $b || !$c'))).toEqual({ or: [{ and: ['$a', '$b'] }, { not: '$c' }] });
    expect(shape(ast('!$a != $b'))).toEqual({ not: ['$a', '!=', '$b'] });
    const words: [string, string][] = [
      ['is', '=='],
      ['eq', '=='],
      ['neq', '!='],
      ['gt', '>'],
      ['lt', '<'],
      ['gte', '>='],
      ['lte', '<='],
    ];
    for (const [word, op] of words) expect(shape(ast(`$x ${word} 2`))).toEqual(['$x', op, 2]);
  });

  it('reads enum cases with and without their enum', () => {
    expect(shape(ast('$food == Food.Apple'))).toEqual(['$food', '==', 'Food.Apple']);
    expect(shape(ast('.Pear == $food'))).toEqual(['.Pear', '==', '$food']);
    expect(ast('Food.Apple').span).toEqual({ start: 0, end: 10 });
  });

  it('keeps a minus before a number a negative literal, as before', () => {
    expect(ast('-2.5')).toEqual({ type: 'literal', value: -2.5, span: { start: 0, end: 4 } });
  });

  it.each([
    ['1 +', 'Expected a value, found the end of the condition', 3],
    ['.5 > 0', 'Numbers need a digit before the decimal point', 0],
    ['$a == .', "Expected an enum case name after '.'", 6],
    ['1 * * 2', "Expected a value, found '*'", 4],
    ['$a = 1', "Use '==' to compare", 3],
    ['$a & $b', "Unexpected character '&'", 3],
  ])('rejects %j with a located message', (source, message, column) => {
    const error = errorOf(source);
    expect(error.message).toContain(message);
    expect(error.span.start).toBe(column);
  });

  it('counts each operator of a chain as a level of nesting, so the tree stays shallow', () => {
    const chain = (n: number) => Array.from({ length: n + 1 }, () => '1').join(' + ');
    expect(parseExpression(chain(EXPRESSION_LIMITS.maxDepth)).ok).toBe(true);
    expect(errorOf(chain(EXPRESSION_LIMITS.maxDepth + 1)).code).toBe('too_deep');
    expect(errorOf(`${'-'.repeat(100)}$a`).code).toBe('too_deep');
  });

  it('places spans of an expression inside a longer text when given its offset', () => {
    const parsed = parseExpression('$gold * 2', 7);
    expect(parsed.ok && parsed.ast.span).toEqual({ start: 7, end: 16 });
    const broken = parseExpression('$gold *', 7);
    expect(!broken.ok && broken.error).toMatchObject({ span: { start: 14, end: 14 } });
    expect(!broken.ok && broken.error.message).toContain('(column 15)');
  });
});

describe('arithmetic evaluation', () => {
  it.each([
    ['1.1 + 0.1 > 1.1', true],
    ['5 * 2 - 2 * -1 == 12', true],
    ['12 % 5 == 2', true],
    ['1 / 2 == 0.5', true],
    ['0.1 + 0.1 == 0.2', true],
    ['max(1,2)-1', 1],
    ['max(1,2) - 1', 1],
    ['-$gold', -12],
    ['-$gold == 0 - 12', true],
    ['-7 % 3', -1],
    ['7 % -3', 1],
    ['$gold * 2 + 1', 25],
    ['"Sir " + $name', 'Sir Ann'],
    ['$title + "!"', 'Sir Ann!'],
    ['$gold is 12 and $gold neq 11 and 2 gt 1 and 1 lt 2 and 2 gte 2 and 2 lte 2 and 1 eq 1', true],
    ['!$brave == false', true],
    ['true && !false || false', true],
  ])('%s is %j', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('reports division by zero and mixed operands as evaluation errors', () => {
    expect(failure('1 / ($gold - 12)').message).toBe("Division by zero in '/'");
    expect(failure('1 % 0').message).toBe("Division by zero in '%'");
    expect(() => evaluate(ast('$name + 1'), scopeOf(state()))).toThrow("'+' with a string on the left needs a string, got number 1");
    expect(() => evaluate(ast('1 + $name'), scopeOf(state()))).toThrow('\'+\' needs a number, got string "Ann"');
    expect(() => evaluate(ast('-$name'), scopeOf(state()))).toThrow("'-' needs a number");
  });
});

describe('enums', () => {
  it('evaluates cases to their raw values: a number, a string, or the case name', () => {
    expect(run('Planet.Earth')).toBe(3);
    expect(run('Quest.Objective1')).toBe('DoObjective1');
    expect(run('Food.Pear')).toBe('Pear');
    expect(run('.Kiwi')).toBe('Kiwi');
  });

  it('compares enum values and resolves .Case from the other side of a comparison', () => {
    expect(run('$food == Food.Apple')).toBe(true);
    expect(run('$food != Food.Orange')).toBe(true);
    expect(run('$food == .Apple', state({ food: 'Apple' }))).toBe(true);
    expect(run('.Pear == $food', state({ food: 'Pear' }))).toBe(true);
    expect(checkCondition('$food == .Apple', context).ast).toMatchObject({ right: { enum: 'Food', case: 'Apple' } });
  });

  it('converts enum values with string() and number()', () => {
    expect(run('string(Quest.Objective1) == "DoObjective1"')).toBe(true);
    expect(run('number(Planet.Earth) == 3')).toBe(true);
  });

  it('types enum values apart from each other and from their raw values', () => {
    const codes = (source: string) => checkCondition(source, context).problems.map((p) => p.message);
    expect(codes('$food == Food.Apple')).toEqual([]);
    expect(codes('$food == Planet.Earth')).toEqual(["'==' compares a Food with a Planet; they can never be equal"]);
    expect(codes('$food == "Apple"')).toEqual(["'==' compares a Food with a string; they can never be equal"]);
    expect(codes('.Apple == .Apple')).toEqual([
      '.Apple is a case of Food and Fruit; write Food.Apple',
      '.Apple is a case of Food and Fruit; write Food.Apple',
    ]);
    expect(codes('$food == Food.Banana')).toEqual(['Enum Food has no case Banana']);
    expect(codes('Meal.Soup == $food')).toEqual(['Unknown enum Meal']);
    expect(codes('$food + 1 > 0')).toEqual(["'+' needs numbers or strings, but this is a Food"]);
  });

  it('resolves a lone .Case from the type a set action expects', () => {
    const checked = checkExpression('.Pear', context, 'enum:Food');
    expect(checked).toMatchObject({ type: 'enum:Food', problems: [], ast: { type: 'enumCase', enum: 'Food', case: 'Pear' } });
    expect(checkExpression('.Apple', context, 'enum:Fruit').ast).toMatchObject({ enum: 'Fruit' });
    expect(checkExpression('Planet.Earth', context, 'enum:Food').problems[0].message).toBe('This needs to be a Food, but it is a Planet');
    expect(evaluate(checkExpression('.Apple', context, 'enum:Fruit').ast!, scopeOf(state()))).toBe('apple');
  });

  it('fails to evaluate a case no enum resolves', () => {
    expect(() => evaluate(ast('.Apple'), scopeOf(state()))).toThrow('.Apple is a case of Food and Fruit; write Food.Apple');
    expect(() => evaluate(ast('Food.Plum'), scopeOf(state()))).toThrow('Enum Food has no case Plum');
  });
});

describe('smart variables', () => {
  it('are evaluated when read, against the current state', () => {
    expect(run('$rich', state({ gold: 15 }))).toBe(true);
    expect(run('$rich', state({ gold: 0 }))).toBe(false);
    expect(run('$title', state({ name: 'Bo' }))).toBe('Sir Bo');
  });

  it('take the type of their expression', () => {
    expect(context.variables.get('rich')).toBe('bool');
    expect(context.variables.get('title')).toBe('string');
    expect(checkCondition('$title', context).problems[0].message).toBe('A condition must be true or false, but this is a string');
  });

  it('may read other smart variables, but not in a cycle', () => {
    const { context: chained, problems } = expressionContext({
      variables: [
        { name: 'a', type: 'bool' },
        { name: 'b', type: 'bool' },
        { name: 'C', type: 'smart', expression: '((!$a) && $b) || $b' },
        { name: 'D', type: 'smart', expression: '$C || $C' },
      ],
    });
    expect(problems).toEqual([]);
    const s = { ...emptyDialogueState(), variables: { a: false, b: true } };
    expect(evaluate(ast('$D'), { state: s, dialogueId: 'd', random: Math.random, smart: chained.smart })).toBe(true);

    const cyclic = expressionContext({
      variables: [
        { name: 'x', type: 'smart', expression: '$y + 1' },
        { name: 'y', type: 'smart', expression: '$x * 2' },
        { name: 'self', type: 'smart', expression: 'not $self' },
      ],
    });
    expect(cyclic.problems).toEqual([
      { code: 'smart_variable_cycle', variable: 'y', message: 'Smart variable $y depends on itself: $x → $y → $x' },
      { code: 'smart_variable_cycle', variable: 'self', message: 'Smart variable $self depends on itself: $self → $self' },
    ]);
  });

  it('guard against a cycle at run time too, with a clear error', () => {
    const smart = new Map<string, Expr>([['loop', ast('$loop + 1')]]);
    expect(() => evaluate(ast('$loop'), { state: emptyDialogueState(), dialogueId: 'd', random: Math.random, smart })).toThrow(
      'Smart variable $loop refers to itself through $loop',
    );
  });

  it('stop smart variables that nest too deep or expand too far, with a clear error', () => {
    const scope = (smart: Map<string, Expr>) => ({
      state: { ...emptyDialogueState(), variables: { s0: 1 } },
      dialogueId: 'd',
      random: Math.random,
      smart,
    });
    const chain = new Map<string, Expr>(Array.from({ length: 70 }, (_, i) => [`s${i + 1}`, ast(`$s${i} + 1`)]));
    expect(evaluate(ast('$s60'), scope(chain))).toBe(61);
    expect(() => evaluate(ast('$s70'), scope(chain))).toThrow(`Smart variables nest more than ${EXPRESSION_LIMITS.maxSmartDepth} deep`);
    const doubling = new Map<string, Expr>(Array.from({ length: 40 }, (_, i) => [`s${i + 1}`, ast(`$s${i} + $s${i}`)]));
    expect(evaluate(ast('$s10'), scope(doubling))).toBe(1024);
    expect(() => evaluate(ast('$s40'), scope(doubling))).toThrow(`read more than ${EXPRESSION_LIMITS.maxSmartReads} times`);
  });
});

describe('expression context problems', () => {
  it('has none for sound declarations', () => {
    expect(contextProblems).toEqual([]);
  });

  it('names the enum or variable of each broken declaration', () => {
    const { problems } = expressionContext({
      enums: [
        { name: 'Twice', cases: [{ name: 'A' }, { name: 'A' }] },
        { name: 'Mixed', cases: [{ name: 'A', value: 1 }, { name: 'B' }] },
        { name: 'Mixed', cases: [{ name: 'C' }] },
      ],
      variables: [
        { name: 'v', type: 'enum', enum: 'Nope', default: 'A' },
        { name: 'w', type: 'enum', enum: 'Twice', default: 'Z' },
        { name: 's', type: 'smart', expression: '$gold >' },
        { name: 't', type: 'smart', expression: '$missing > 1' },
      ],
    });
    expect(problems.map((p) => [p.code, p.enum ?? p.variable])).toEqual([
      ['duplicate_enum_case', 'Twice'],
      ['mixed_enum_values', 'Mixed'],
      ['duplicate_enum', 'Mixed'],
      ['unknown_enum', 'v'],
      ['invalid_enum_default', 'w'],
      ['invalid_smart_variable', 's'],
      ['invalid_smart_variable', 't'],
    ]);
    expect(problems[6].message).toBe('Smart variable $t: Variable $missing is not declared');
  });
});

describe('functions', () => {
  const seq = (...values: number[]) => {
    let i = 0;
    return () => values[i++ % values.length];
  };

  it.each([
    ['min(3, -1)', -1],
    ['max(3, -1)', 3],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(2.4)', 2],
    ['round_places(3.14159, 2)', 3.14],
    ['round_places(-1.005, 0)', -1],
    ['round_places(2.25, 1)', 2.3],
    ['floor(-1.5)', -2],
    ['ceil(-1.5)', -1],
    ['inc(1)', 2],
    ['inc(1.2)', 2],
    ['dec(1)', 0],
    ['dec(1.7)', 1],
    ['decimal(3.75)', 0.75],
    ['decimal(-3.75)', -0.75],
    ['int(-3.75)', -3],
    ['int(3.75)', 3],
    ['string(1.5)', '1.5'],
    ['string(3)', '3'],
    ['string(true)', 'True'],
    ['string($food)', 'Apple'],
    ['number("12.5")', 12.5],
    ['number(" -3 ")', -3],
    ['number(4)', 4],
    ['bool(0)', false],
    ['bool(2)', true],
    ['bool("TRUE")', true],
    ['bool("false")', false],
    ['format_invariant(0.25)', '0.25'],
    ['visited_count("n1")', 3],
    ['visited_count("n9")', 0],
    ['visited("n1")', true],
    ['assert(true)', true],
    ['assert(1 < 2, "ordered")', true],
  ])('%s is %j', (source, expected) => {
    expect(run(source, state({}, { visits: { d1: { n1: 3 } } }))).toBe(expected);
  });

  it('draws random_range and dice from the seeded generator, inclusive of both ends', () => {
    expect(run('random_range(3, 5)', state(), seq(0))).toBe(3);
    expect(run('random_range(3, 5)', state(), seq(0.999))).toBe(5);
    expect(run('random_range(-2, -2)', state(), seq(0.5))).toBe(-2);
    expect(run('dice(6)', state(), seq(0))).toBe(1);
    expect(run('dice(6)', state(), seq(0.999))).toBe(6);
  });

  it('refuses arguments outside their meaning', () => {
    expect(failure('dice(0)').message).toBe('dice() needs a whole number from 1 to 2^31, got 0');
    expect(failure('random_range(5, 3)').message).toBe('random_range() needs a low end no greater than the high end, got 5 and 3');
    expect(failure('random_range(1.5, 3)').message).toContain('random_range() needs a whole number');
    expect(failure('round_places(1, 11)').message).toContain('round_places() needs a whole number from 0 to 10');
    expect(failure('number("12abc")').message).toBe('number() cannot read the string "12abc" as a number');
    expect(failure('number(true)').message).toBe('number() cannot read the bool true as a number');
    expect(failure('bool("yes")').message).toBe('bool() cannot read the string "yes" as true or false');
  });

  it('fails an assertion with its message, or leaves the runtime to name the source', () => {
    const plain = failure('assert($gold == 1)');
    expect(plain).toBeInstanceOf(AssertionFailure);
    expect(plain.message).toBe('Assertion failed');
    expect((plain as AssertionFailure).describe('assert($gold == 1)')).toBe('Assertion failed: assert($gold == 1)');
    const told = failure('assert($gold == 1, "gold must be 1")');
    expect(told.message).toBe('Assertion failed: gold must be 1');
    expect((told as AssertionFailure).describe('ignored')).toBe('Assertion failed: gold must be 1');
  });

  it('typechecks arguments, any-typed parameters and optional ones', () => {
    const messages = (source: string) => checkExpression(source, context).problems.map((p) => p.message);
    expect(messages('string($food) + string(1) + string(true)')).toEqual([]);
    expect(messages('assert(true)')).toEqual([]);
    expect(messages('assert(true, "m")')).toEqual([]);
    expect(messages('assert()')).toEqual(['assert() takes 1 to 2 argument(s), got 0']);
    expect(messages('assert(true, "m", 1)')).toEqual(['assert() takes 1 to 2 argument(s), got 3']);
    expect(messages('assert(1)')).toEqual(['Argument 1 of assert() needs a bool, but this is a number']);
    expect(messages('min(1)')).toEqual(['min() takes 2 argument(s), got 1']);
    expect(messages('round("1")')).toEqual(['Argument 1 of round() needs a number, but this is a string']);
    expect(checkExpression('visited_count("n") + 1', context).type).toBe('number');
    expect(checkExpression('number("1")', context).type).toBe('number');
  });
});

describe('typecheck of arithmetic', () => {
  const declared = [
    { name: 'gold', type: 'number' as const },
    { name: 'name', type: 'string' as const },
  ];
  const result = (source: string) => typecheck(ast(source), declared);

  it('infers number for arithmetic and string for joined strings', () => {
    expect(result('$gold * 2 - -1 % 3').type).toBe('number');
    expect(result('"a" + $name + "b"').type).toBe('string');
    expect(result('-$gold').type).toBe('number');
  });

  it('reports mixed and mistyped operands without cascading', () => {
    expect(result('$gold + $name').problems.map((p) => p.message)).toEqual([
      "'+' adds two numbers or joins two strings, but this is a number and a string; convert with string() or number()",
    ]);
    expect(result('$name * 2').problems.map((p) => p.message)).toEqual(["'*' needs a number, but this is a string"]);
    expect(result('-$name').problems.map((p) => p.message)).toEqual(["'-' needs a number, but this is a string"]);
    expect(result('$nope + 1 > 2').problems.map((p) => p.code)).toEqual(['undeclared_variable']);
    expect(result('$nope + 1').type).toBeUndefined();
  });

  it('checks set values against the variable type', () => {
    expect(checkExpression('$gold * 2', declared, 'number').problems).toEqual([]);
    expect(checkExpression('$gold > 2', declared, 'number').problems[0]).toMatchObject({
      code: 'type_mismatch',
      message: 'This needs to be a number, but it is a bool',
    });
  });
});

describe('formatValue', () => {
  it('prints integers without a fraction, other numbers shortest, booleans as Yarn does', () => {
    expect([3, -2, 0, -0, 0.5, 1.1 + 0.1, 1e21, 123456789.125].map(formatValue)).toEqual([
      '3',
      '-2',
      '0',
      '0',
      '0.5',
      '1.2000000000000002',
      '1e+21',
      '123456789.125',
    ]);
    expect([true, false, 'text'].map(formatValue)).toEqual(['True', 'False', 'text']);
  });
});

describe('complexity', () => {
  it('is 0 without a condition, 1 plus the boolean operators with one, and 1 more for once', () => {
    expect(complexity(undefined, false)).toBe(0);
    expect(complexity(undefined, true)).toBe(1);
    expect(complexity(ast('$a'), false)).toBe(1);
    expect(complexity(ast('$a and $b and $c'), false)).toBe(3);
    expect(complexity(ast('$a or not $b'), true)).toBe(4);
    expect(complexity(ast('not ($a and ($b or $c)) and $gold + 1 > 2'), false)).toBe(5);
  });
});

describe('pack lowering', () => {
  it('drops spans and lowers enum cases to literals of their raw values', () => {
    const checked = checkCondition('$food == .Pear and number(Planet.Earth) - -$gold > 1', context);
    const packed = toPackExpr(checked.ast!, context.enums);
    expect(packed).toEqual({
      type: 'logical',
      operator: 'and',
      operands: [
        { type: 'compare', operator: '==', left: { type: 'variable', name: 'food' }, right: { type: 'literal', value: 'Pear' } },
        {
          type: 'compare',
          operator: '>',
          left: {
            type: 'arithmetic',
            operator: '-',
            left: { type: 'call', name: 'number', args: [{ type: 'literal', value: 3 }] },
            right: { type: 'unary', operator: '-', operand: { type: 'variable', name: 'gold' } },
          },
          right: { type: 'literal', value: 1 },
        },
      ],
    });
    expect(PackExpr.safeParse(packed).success).toBe(true);
  });

  it('resolves .Case with a context and refuses cases it cannot resolve', () => {
    expect(packCondition('$food == .Apple', context)).toMatchObject({ ast: { right: { type: 'literal', value: 'Apple' } } });
    expect(packCondition('.Apple == .Apple', context)).toEqual({ error: '.Apple is a case of Food and Fruit; write Food.Apple' });
    expect(packCondition('Food.Apple == $food')).toEqual({ error: 'Unknown enum Food' });
  });

  it('evaluates lowered trees the same as the studio trees', () => {
    for (const source of ['5 * 2 - 2 * -1', '"a" + $name', '$gold % 5 + max(1, 2)', 'Planet.Earth * 2']) {
      const checked = checkExpression(source, context);
      const lowered = toPackExpr(checked.ast!, context.enums) as Expr;
      expect(evaluate(lowered, scopeOf(state()))).toBe(evaluate(checked.ast!, scopeOf(state())));
    }
  });

  it('validates the new pack expression shapes strictly', () => {
    expect(
      PackExpr.safeParse({ type: 'arithmetic', operator: '^', left: { type: 'literal', value: 1 }, right: { type: 'literal', value: 1 } })
        .success,
    ).toBe(false);
    expect(PackExpr.safeParse({ type: 'unary', operator: '+', operand: { type: 'literal', value: 1 } }).success).toBe(false);
    expect(PackExpr.safeParse({ type: 'enumCase', case: 'A' }).success).toBe(false);
  });
});

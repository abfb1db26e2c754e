import { describe, expect, it } from 'vitest';
import { emptyDialogueState, EvaluationError, expressionContext, type Value } from '../../main/domain/dialogue';
import {
  checkTemplate,
  escapeText,
  hasTemplateSyntax,
  parseTemplate,
  plainText,
  renderTemplate,
  toPackTemplate,
  type RenderedText,
  type TemplatePart,
} from '../../main/domain/dialogue/text';
import { PackTemplate } from '../../main/domain/pack/pack-text';

const { context } = expressionContext({
  enums: [{ name: 'Food', cases: [{ name: 'Apple' }, { name: 'Pear', value: 'pear' }] }],
  variables: [
    { name: 'gender', type: 'string' },
    { name: 'num', type: 'number' },
    { name: 'ord', type: 'number' },
    { name: 'var', type: 'string' },
    { name: 'flag', type: 'bool' },
    { name: 'food', type: 'enum', enum: 'Food', default: 'Apple' },
    { name: 'double', type: 'smart', expression: '$num * 2' },
  ],
});

const partsOf = (source: string): TemplatePart[] => {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.parts;
};
const errorOf = (source: string) => {
  const parsed = parseTemplate(source);
  if (parsed.ok) throw new Error(`"${source}" parsed`);
  return parsed.error;
};
const render = (source: string, variables: Record<string, Value> = {}, locale = 'en'): RenderedText =>
  renderTemplate(
    partsOf(source),
    {
      state: {
        ...emptyDialogueState(),
        variables: { gender: 'other', num: 1, ord: 1, var: 'variable', flag: true, food: 'pear', ...variables },
      },
      dialogueId: 'd1',
      random: () => 0.5,
      enums: context.enums,
      smart: context.smart,
    },
    locale,
  );
const text = (source: string, variables: Record<string, Value> = {}, locale = 'en') => render(source, variables, locale).text;

describe('interpolation', () => {
  it('renders values as InlineExpressions.testplan expects', () => {
    expect(text('Number: {1}')).toBe('Number: 1');
    expect(text('Expression: {1+1}')).toBe('Expression: 2');
    expect(text('String: {"string"}')).toBe('String: string');
    expect(text('Bool: {true}')).toBe('Bool: True');
    expect(text('Variable: {$var}')).toBe('Variable: variable');
    expect(text('{$var} is great!')).toBe('variable is great!');
  });

  it('renders numbers, enum values and smart variables', () => {
    expect(text('{1 / 4} {0.1 + 0.2} {$num * 2} {-3}', { num: 2.5 })).toBe('0.25 0.30000000000000004 5 -3');
    expect(text('{$food} {Food.Apple} {$double}', { num: 4 })).toBe('pear Apple 8');
  });

  it('reads a } inside a string of the expression as part of the string', () => {
    expect(text('{"a}b" + $var}!')).toBe('a}bvariable!');
  });

  it('keeps expression spans in template coordinates', () => {
    const [, value] = partsOf('Hi {$var}');
    expect(value).toMatchObject({ type: 'value', span: { start: 3, end: 9 }, expr: { span: { start: 4, end: 8 } } });
  });
});

describe('escapes', () => {
  it('resolve as Escaping.testplan expects', () => {
    expect(text("Here's a line with an escaped expression \\{0\\}")).toBe("Here's a line with an escaped expression {0}");
    expect(text("Here's a line with an escaped command \\<\\<foo\\>\\>")).toBe("Here's a line with an escaped command <<foo>>");
    expect(text("Here's a line with an escaped comment \\/\\/ wow")).toBe("Here's a line with an escaped comment // wow");
    expect(text("Here's a line with an escaped backslash \\\\")).toBe("Here's a line with an escaped backslash \\");
    expect(text("Here's an escaped hashtag \\#hashtag")).toBe("Here's an escaped hashtag #hashtag");
    expect(text('color code: <color=\\#fff>wow</color>')).toBe('color code: <color=#fff>wow</color>');
    expect(text("Here's a url: http:\\/\\/github.com\\/YarnSpinnerTool")).toBe("Here's a url: http://github.com/YarnSpinnerTool");
    expect(text("Here's some escaped markup: \\[a\\]hello\\[/a\\]")).toBe("Here's some escaped markup: [a]hello[/a]");
    expect(text('\\[a]escaped markup\\[/a]')).toBe('[a]escaped markup[/a]');
    expect(text('\\{0\\} escaped line with interpolation')).toBe('{0} escaped line with interpolation');
  });

  it('keep other backslashes and unmatched closers literally', () => {
    expect(text('C:\\path\\n ok } ]')).toBe('C:\\path\\n ok } ]');
    expect(text('ends with \\')).toBe('ends with \\');
  });

  it('escapeText writes plain text as a template that renders it unchanged', () => {
    const plain = 'a {b} [c] \\d # / < >';
    expect(escapeText(plain)).toBe('a \\{b\\} \\[c\\] \\\\d # / < >');
    expect(text(escapeText(plain))).toBe(plain);
    expect(render(escapeText(plain)).markup).toBeUndefined();
  });

  it('hasTemplateSyntax spots { [ and \\', () => {
    expect(['plain text', 'a {b}', '[b]', 'a\\b', 'a } ] b'].map(hasTemplateSyntax)).toEqual([false, true, true, true, false]);
  });
});

describe('markup', () => {
  it('is removed from the text and returned as spans in code points', () => {
    expect(render("Here's some markup: [a]hello[/a]")).toEqual({
      text: "Here's some markup: hello",
      markup: [{ name: 'a', start: 20, length: 5, properties: {} }],
    });
    expect(render('😀 [b]ü😀x[/b]')).toEqual({ text: '😀 ü😀x', markup: [{ name: 'b', start: 2, length: 3, properties: {} }] });
  });

  it('reads properties: quoted strings, numbers, booleans, bare words, and the name=value shorthand', () => {
    expect(render('[wave=2 size=1.5 loud=true color="dark red" mood=calm]hi[/wave]').markup).toEqual([
      { name: 'wave', start: 0, length: 2, properties: { wave: 2, size: 1.5, loud: true, color: 'dark red', mood: 'calm' } },
    ]);
    expect(render('[a q="say \\"hi\\" \\[x\\]"/]').markup).toEqual([{ name: 'a', start: 0, length: 0, properties: { q: 'say "hi" [x]' } }]);
  });

  it('nests, closes all with [/], marks positions with self-closing tags and closes open tags at the end', () => {
    expect(render('[a]x[b]y[/b]z[/a]').markup).toEqual([
      { name: 'a', start: 0, length: 3, properties: {} },
      { name: 'b', start: 1, length: 1, properties: {} },
    ]);
    expect(render('[a]x[b]y[/]z').markup).toEqual([
      { name: 'a', start: 0, length: 2, properties: {} },
      { name: 'b', start: 1, length: 1, properties: {} },
    ]);
    expect(render('wait[pause/] [i]on').markup).toEqual([
      { name: 'pause', start: 4, length: 0, properties: {} },
      { name: 'i', start: 5, length: 2, properties: {} },
    ]);
    expect(render('[a]x[a]y[/a]z[/a]').markup).toEqual([
      { name: 'a', start: 0, length: 3, properties: {} },
      { name: 'a', start: 1, length: 1, properties: {} },
    ]);
  });

  it('counts interpolated and selected text in spans', () => {
    expect(render('[b]{$var}[/b] [i][plural value={$num} one="% item" other="% items"/][/i]', { num: 3 })).toEqual({
      text: 'variable 3 items',
      markup: [
        { name: 'b', start: 0, length: 8, properties: {} },
        { name: 'i', start: 9, length: 7, properties: {} },
      ],
    });
  });

  it('treats nomarkup as an ordinary tag', () => {
    expect(render('[nomarkup]x[/nomarkup]').markup).toEqual([{ name: 'nomarkup', start: 0, length: 1, properties: {} }]);
  });
});

describe('format functions', () => {
  const select = '[select value={$gender} male="male" female="female" other="other"/]';
  const plural = '[plural value={$num} one="one" two="two" few="few" many="many" other="other"/]';
  const ordinal = '[ordinal value={$ord} one="one" two="two" few="few" many="many" other="other"/]';

  it('choose cases as FormatFunctions.testplan expects (en)', () => {
    expect(['male', 'female', 'other'].map((gender) => text(`Select: ${select}`, { gender }))).toEqual([
      'Select: male',
      'Select: female',
      'Select: other',
    ]);
    expect([1, 2, 3, 4].map((num) => text(`Plural: ${plural}`, { num }))).toEqual([
      'Plural: one',
      'Plural: other',
      'Plural: other',
      'Plural: other',
    ]);
    expect([1, 2, 3, 4].map((ord) => text(`Ordinal: ${ordinal}`, { ord }))).toEqual([
      'Ordinal: one',
      'Ordinal: two',
      'Ordinal: few',
      'Ordinal: other',
    ]);
    expect(text('[select value={$gender} male="male: %" female="female: %" other="other: %"/]', { gender: 'other' })).toBe('other: other');
    expect(text('Wow, I came [ordinal value={$race} one="%st" two="%nd" few="%rd" other="%th"/]!', { race: 3 })).toBe('Wow, I came 3rd!');
    expect(text('[plural value={$num} one="one" few="few" many="many" other="other"/]', { num: 1 })).toBe('one');
  });

  it('use the locale’s CLDR categories, falling back to other', () => {
    const few = '[plural value={$num} one="one" few="few" many="many" other="other"/]';
    expect([1, 3, 5, 1.5].map((num) => text(few, { num }, 'pl'))).toEqual(['one', 'few', 'many', 'other']);
    expect(text('[plural value={$num} one="one" other="other"/]', { num: 0 }, 'fr')).toBe('one');
    expect(text('[ordinal value={$ord} one="1er" other="%e"/]', { ord: 2 }, 'fr')).toBe('2e');
    expect(text('[ordinal value={$ord} one="st" two="nd" other="th"/]', { ord: 22 }, 'not a locale!')).toBe('nd');
  });

  it('select by an enum value or a bool, and take literal values', () => {
    expect(text('[select value={$food} pear="P %" other="?"/]')).toBe('P pear');
    expect(text('[select value={$flag} True="yes" other="no"/]')).toBe('yes');
    expect(text('[plural value=2 one="a" other="% b"/]')).toBe('2 b');
    expect(text('[select value=x x="%!" other="-"/]')).toBe('x!');
  });

  it('fail to render without a matching case or other, or a plural of a non-number', () => {
    expect(() => text('[select value={$gender} male="m"/]', { gender: 'x' })).toThrow(EvaluationError);
    expect(() => text('[select value={$gender} male="m"/]', { gender: 'x' })).toThrow('[select] has no case x and no other case');
    expect(() => text('[plural value={$var} other="x"/]')).toThrow('[plural] needs a number, got string "variable"');
  });
});

describe('template syntax errors', () => {
  it.each([
    ['Hi {$var', "Unclosed '{'", 3],
    ['Hi {}', 'Empty {}', 3],
    ['Hi {$var {x}}', "An expression cannot contain '{'", 9],
    ['Hi {$var +}', 'Expected a value, found the end of the condition', 10],
    ['Hi [b', "Unclosed '['", 3],
    ['Hi [ b]', "Expected a tag name after '['", 3],
    ['Hi [b c]', "Expected '=' after the property c in [b]", 7],
    ['Hi [b c=]', 'Expected a value after c=', 8],
    ['Hi [b c=1 c=2]', 'Property c is given twice in [b]', 10],
    ['Hi [b c="x]', 'Unterminated quoted value', 8],
    ['Hi [/b]', '[/b] closes no open [b]', 3],
    ['[a][/a][/a]', '[/a] closes no open [a]', 7],
    ['Hi [/b x]', "Expected ']' to end the closing tag [/b]", 7],
    ['[b c={$var}]x[/b]', 'Only select, plural and ordinal take an {expression}', 5],
    ['[select value={$var} other="x"]', '[select …] must close itself', 0],
    ['[plural one="x"/]', '[plural] needs a value', 0],
    ['[plural value={$num}/]', '[plural] needs at least one case', 0],
    ['[plural value={$num} lots="x" other="y"/]', 'lots is not a plural category', 26],
    ['[select value={$var} a={$x}/]', 'The case a of [select] is text, not an {expression}', 23],
  ])('rejects %j with a located message', (source, message, column) => {
    const error = errorOf(source);
    expect(error.message).toContain(message);
    expect(error.span.start).toBe(column);
    expect(error.message).toContain(`(column ${column + 1})`);
  });

  it('fails fast and clearly on hostile input, in one linear pass', () => {
    const nested = `${'['.repeat(5000)}${'x'.repeat(15000)}`;
    expect(errorOf(nested).message).toContain("Expected a tag name after '['");
    const unclosed = `${'[a]'.repeat(5000)}${'x'.repeat(5000)}`;
    const many = render(unclosed);
    expect(many.markup).toHaveLength(5000);
    expect(many.markup![0]).toMatchObject({ start: 0, length: 5000 });
    expect(errorOf(`{${'('.repeat(5000)}`).message).toContain("Unclosed '{'");
    expect(errorOf(`${'{'.repeat(10000)}`).message).toContain("An expression cannot contain '{'");
    expect(errorOf(`[a b="${'\\'.repeat(20000)}`).message).toContain('Unterminated quoted value');
  });
});

describe('template parser robustness', () => {
  it('never throws on arbitrary input, and what parses renders or fails with an evaluation error', () => {
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      '/',
      '\\',
      '"',
      '=',
      ' ',
      'a',
      '$var',
      '1',
      '%',
      'select',
      'plural',
      'value=',
      'other=',
      '+',
      '.',
      '-',
    ];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 3000; i++) {
      const source = Array.from({ length: next() % 24 }, () => alphabet[next() % alphabet.length]).join('');
      const parsed = parseTemplate(source);
      if (!parsed.ok) continue;
      try {
        renderTemplate(parsed.parts, { state: emptyDialogueState(), dialogueId: 'd', random: () => 0 });
      } catch (error) {
        expect(error).toBeInstanceOf(EvaluationError);
      }
    }
  });
});

describe('checkTemplate', () => {
  it('accepts a sound template', () => {
    expect(
      checkTemplate('Hi {$var}, [b]{$num * 2}[/b] [plural value={$num} one="a" other="b"/] {$food == .Apple}', context).problems,
    ).toEqual([]);
  });

  it('reports syntax errors, undeclared variables and type errors with template spans', () => {
    expect(checkTemplate('Hi {$var', context).problems).toEqual([
      {
        code: 'invalid_template',
        message: "Unclosed '{': end the expression with '}', or write \\{ for a literal '{' (column 4)",
        span: { start: 3, end: 8 },
      },
    ]);
    expect(checkTemplate('Hi {$nobody} {$var * 2}', context).problems).toEqual([
      { code: 'undeclared_variable', message: 'Variable $nobody is not declared', span: { start: 4, end: 11 } },
      { code: 'type_mismatch', message: "'*' needs a number, but this is a string", span: { start: 14, end: 18 } },
    ]);
  });

  it('requires plural values to be numbers and format functions to have an other case', () => {
    expect(checkTemplate('[plural value={$var} one="x" other="y"/]', context).problems).toEqual([
      { code: 'type_mismatch', message: '[plural] needs a number, but this is a string', span: { start: 15, end: 19 } },
    ]);
    expect(checkTemplate('a [select value={$var} x="y"/]', context).problems).toEqual([
      {
        code: 'missing_other_case',
        message: '[select] needs an other="…" case for values no other case names',
        span: { start: 2, end: 30 },
      },
    ]);
    expect(checkTemplate('[ordinal value={$undeclared} other="x"/]', context).problems.map((p) => p.code)).toEqual(['undeclared_variable']);
  });

  it('accepts the plain list of declared variables too', () => {
    expect(checkTemplate('{$gold + 1}', [{ name: 'gold', type: 'number' }]).problems).toEqual([]);
  });
});

describe('plainText', () => {
  it('resolves escapes, drops markup and keeps expressions as written', () => {
    expect(plainText('[b]Hi[/b] \\{ {$name} [plural value={$n} one="x" other="y"/]!')).toBe(
      'Hi { {$name} [plural value={$n} one="x" other="y"/]!',
    );
    expect(plainText('broken {')).toBe('broken {');
  });
});

describe('toPackTemplate', () => {
  it('lowers parts without spans, enum cases as literals, in the pack shape', () => {
    const packed = toPackTemplate(
      partsOf('\\[{Food.Pear}] [b x=1]{-$num}[/b][/] [pause/] [ordinal value={$ord} one="%st" other="%th"/]'),
      context.enums,
    );
    expect(packed).toEqual([
      { type: 'text', text: '[' },
      { type: 'value', expr: { type: 'literal', value: 'pear' } },
      { type: 'text', text: '] ' },
      { type: 'markupOpen', name: 'b', properties: [{ name: 'x', value: 1 }] },
      { type: 'value', expr: { type: 'unary', operator: '-', operand: { type: 'variable', name: 'num' } } },
      { type: 'markupClose', name: 'b' },
      { type: 'markupClose', name: '' },
      { type: 'text', text: ' ' },
      { type: 'markupSelf', name: 'pause', properties: [] },
      { type: 'text', text: ' ' },
      {
        type: 'plural',
        value: { type: 'variable', name: 'ord' },
        ordinal: true,
        cases: [
          { key: 'one', parts: [{ type: 'formatValue' }, { type: 'text', text: 'st' }] },
          { key: 'other', parts: [{ type: 'formatValue' }, { type: 'text', text: 'th' }] },
        ],
      },
    ]);
    expect(PackTemplate.safeParse(packed).success).toBe(true);
  });

  it('renders a lowered template the same as the parsed one', () => {
    const source = '[b]{$var}[/b] [select value={$gender} other="% x"/] [plural value={$num} one="%" other="s"/]';
    const scope = {
      state: { ...emptyDialogueState(), variables: { var: 'v', gender: 'g', num: 1 } },
      dialogueId: 'd1',
      random: () => 0.5,
    };
    const lowered = toPackTemplate(partsOf(source)) as unknown as TemplatePart[];
    expect(renderTemplate(lowered, scope)).toEqual(renderTemplate(partsOf(source), scope));
  });

  it('refuses malformed pack parts', () => {
    expect(PackTemplate.safeParse([{ type: 'markupOpen', name: '', properties: [] }]).success).toBe(false);
    expect(PackTemplate.safeParse([{ type: 'select', value: { type: 'literal', value: 1 }, cases: [] }]).success).toBe(false);
    expect(PackTemplate.safeParse([{ type: 'text', text: 'x', span: { start: 0, end: 1 } }]).success).toBe(false);
  });
});

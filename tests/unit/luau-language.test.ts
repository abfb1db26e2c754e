import { describe, expect, it } from 'vitest';
import { language as lua } from 'monaco-editor/languages/definitions/lua/lua';
import { IndentRulesSupport } from 'monaco-editor/editor/common/languages/supports/indentRules';
import { LUAU_EXTRA_KEYWORDS, LUAU_KEYWORDS, luauConfiguration, luauLanguage } from '../../renderer/src/scripts/monaco/luau-language';
import { tokenizeLines } from '../helpers/monarch-tokenize';

const tokens = (...lines: string[]) => tokenizeLines('luau', luauLanguage, lines);
const typeOf = (line: [string, string][], text: string) => line.find(([t]) => t === text)?.[1];

describe('Luau grammar', () => {
  it('keeps every Lua keyword and adds the Luau ones', () => {
    expect(LUAU_KEYWORDS).toEqual(expect.arrayContaining([...lua.keywords, ...LUAU_EXTRA_KEYWORDS]));
    const [line] = tokens('for i = 1, 3 do if i == 2 then continue end end');
    expect(typeOf(line, 'continue')).toBe('keyword.continue');
    expect(typeOf(line, 'for')).toBe('keyword.for');
  });

  it('colours type annotations, return arrows and type declarations as types', () => {
    const [local, fn, decl] = tokens(
      'local hp: number = 10',
      'local function heal(npc: Npc, amount: number?): () -> boolean',
      'export type Quest = { id: string, stage: number }',
    );
    expect(typeOf(local, 'number')).toBe('type');
    expect(typeOf(local, 'hp')).toBe('identifier');
    expect(typeOf(fn, 'Npc')).toBe('type.identifier');
    expect(typeOf(fn, 'boolean')).toBe('type');
    expect(typeOf(fn, '->')).toBe('delimiter');
    expect(decl.slice(0, 3)).toEqual([
      ['export', 'keyword.export'],
      ['type', 'keyword.type'],
      ['Quest', 'type.identifier'],
    ]);
    expect(typeOf(decl, 'string')).toBe('type');
  });

  it('reads method calls as calls, not annotations', () => {
    const [line] = tokens('runner:choose("opt-1")');
    expect(line.slice(0, 3)).toEqual([
      ['runner', 'identifier'],
      [':', 'delimiter'],
      ['choose', 'identifier'],
    ]);
  });

  it('treats compound assignment and floor division as operators', () => {
    for (const op of ['+=', '-=', '..=', '//=', '//']) {
      const [line] = tokens(`gold ${op} 2`);
      expect(line[1], op).toEqual([op, 'delimiter']);
    }
  });

  it('highlights interpolated backtick strings with their expressions', () => {
    const [line] = tokens('print(`Hello {player.Name}, you have {gold} gold`)');
    expect(line).toContainEqual(['`Hello ', 'string']);
    expect(line).toContainEqual(['{', 'delimiter.bracket']);
    expect(line).toContainEqual(['player', 'identifier']);
    expect(line).toContainEqual([' gold`', 'string']);
    expect(line[line.length - 1]).toEqual([')', 'delimiter.parenthesis']);
  });

  it('reads binary and underscored numbers and long strings across lines', () => {
    const [numbers, open, middle, close] = tokens(
      'local n = 0b1010 + 1_000_000',
      'local s = [==[ first',
      'still ]] inside',
      'done ]==] .. x',
    );
    expect(typeOf(numbers, '0b1010')).toBe('number.binary');
    expect(typeOf(numbers, '1_000_000')).toBe('number');
    expect(open.at(-1)?.[1]).toBe('string');
    expect(middle).toEqual([['still ]] inside', 'string']]);
    expect(close[0]).toEqual(['done ]==]', 'string']);
    expect(typeOf(close, 'x')).toBe('identifier');
  });
});

describe('Luau indentation', () => {
  const rules = new IndentRulesSupport(luauConfiguration.indentationRules ?? null);

  /** Lays lines out as the editor's full auto-indent does while they are typed: one level in after an opener, one out at a closer. */
  function typed(lines: string[]): string[] {
    let level = 0;
    return lines.map((line) => {
      if (rules.shouldDecrease(line)) level = Math.max(0, level - 1);
      const indented = '  '.repeat(level) + line;
      if (rules.shouldIncrease(line)) level += 1;
      return indented;
    });
  }

  it('indents after then, do, function and repeat and outdents on end, else, elseif and until', () => {
    const flat = [
      'local function greet(npc: Npc)',
      'if npc.met then',
      'print("again")',
      'elseif npc.shy then',
      'for i = 1, 3 do',
      'wave(i)',
      'end',
      'else',
      'repeat',
      'step()',
      'until npc.ready',
      'end',
      'end',
    ];
    expect(typed(flat)).toEqual([
      'local function greet(npc: Npc)',
      '  if npc.met then',
      '    print("again")',
      '  elseif npc.shy then',
      '    for i = 1, 3 do',
      '      wave(i)',
      '    end',
      '  else',
      '    repeat',
      '      step()',
      '    until npc.ready',
      '  end',
      'end',
    ]);
  });

  it('indents inside open tables and calls, with callbacks closing on end)', () => {
    expect(typed(['local stock = {', 'sword = 3,', '}', 'runner.onEnd:Connect(function()', 'done()', 'end)'])).toEqual([
      'local stock = {',
      '  sword = 3,',
      '}',
      'runner.onEnd:Connect(function()',
      '  done()',
      'end)',
    ]);
  });

  it('leaves lines that open and close a block on one line, comments and words that only contain a keyword', () => {
    for (const line of ['if ready then return end', 'local f = function() return 1 end', 'print(x) -- then do', 'local ending = 1']) {
      expect(rules.shouldIncrease(line), line).toBe(false);
    }
    for (const line of ['ending = 1', 'local x = done', '-- end of shop']) expect(rules.shouldDecrease(line), line).toBe(false);
  });
});

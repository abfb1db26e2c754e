import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, Dialogue, DIALOGUE_SCHEMA_VERSION } from '../../main/domain/dialogue';
import { InteropError } from '../../main/domain/interop/interop-error';
import { localizationCsv, voiceScriptCsv } from '../../main/domain/interop/text-tables';
import { exportTwee, importTwee } from '../../main/domain/interop/twee';
import { exportYarn } from '../../main/domain/interop/yarn-export';
import { importYarn } from '../../main/domain/interop/yarn-import';
import { fromPackDialogue, toPackDialogue } from '../../main/domain/pack';
import { loadCases } from '../helpers/conformance';

const CORPORA = join(__dirname, '../../../shared/corpora');
const walk = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? walk(join(dir, f), pattern) : pattern.test(f) ? [join(dir, f)] : [],
  );
const identity = { id: 'imported', name: 'Imported' };
const noReport = () => {
  throw new Error('unexpected problem');
};

/** Every real file either imports as a schema-valid dialogue or is refused with an InteropError, never a crash; returns the refused files. */
function importAll(files: string[], read: (text: string) => Dialogue) {
  const refused: string[] = [];
  for (const file of files) {
    try {
      const dialogue = read(readFileSync(file, 'utf8'));
      expect(Dialogue.safeParse(dialogue).success, file).toBe(true);
    } catch (error) {
      expect(error, file).toBeInstanceOf(InteropError);
      refused.push(file.slice(CORPORA.length + 1));
    }
  }
  return refused;
}

describe.runIf(existsSync(CORPORA))('imports over the shared corpus', () => {
  it("Yarn scripts: all but Yarn 1's [[links]] and the files Yarn Spinner itself rejects", () => {
    const files = walk(join(CORPORA, 'yarn'), /\.yarn$/);
    expect(importAll(files, (text) => importYarn(text, identity)).sort()).toEqual([
      'yarn/Compiler.yarn',
      'yarn/Space/Sally.yarn',
      'yarn/parse_failures/Nodes-MustHaveUniqueNames.yarn',
      'yarn/parse_failures/OptionConditions-MustHaveExpressions.yarn',
    ]);
  });

  it('Twee stories: all but a broken StoryData and a file with no story passage', () => {
    const files = walk(join(CORPORA, 'twee'), /\.tw(ee)?$/);
    expect(importAll(files, (text) => importTwee(text, identity)).sort()).toEqual([
      'twee/extwee_storydataerror.twee',
      'twee/tweego-setup/compiler-options.twee',
    ]);
    const example = importTwee(readFileSync(join(CORPORA, 'twee/extwee_example.twee'), 'utf8'), identity);
    expect(example.startNodeId).toBe('Start');
    expect(example.nodes['Start#choice']).toMatchObject({
      kind: 'choice',
      options: [{ text: 'Another passage', target: 'Another passage' }, { text: 'A third passage' }],
    });
  });
});

describe('Yarn and Twee export', () => {
  const smith = loadCases().find((c) => c.file.includes('visited-loop'))!.case.pack.dialogues[0];

  it('a Yarn export imports back into a dialogue that plays the same lines for the same choices', () => {
    const text = exportYarn(smith);
    expect(text).toContain('Mirela: Hello. #line:hello');
    expect(text).toContain('-> The secret <<if visited("hello")>>');
    const back = importYarn(text, identity);
    const play = (d: Dialogue) => {
      const runtime = createRuntime(d, { seed: 1 });
      runtime.advance();
      runtime.choose(runtime.step.type === 'choice' ? runtime.step.options[2].id : '');
      return runtime.transcript.map((t) => t.text);
    };
    const original = play({ schemaVersion: DIALOGUE_SCHEMA_VERSION, ...fromPackDialogue(smith) });
    expect(play(back)).toEqual(original);
  });

  it('a Twee export keeps every node as a passage, with links for options and SugarCube conditions', () => {
    const text = exportTwee(smith);
    expect(text).toContain(':: StoryData');
    expect(text).toContain('<<if visited("hello")>>[[The secret->secret]]<</if>>');
    const back = importTwee(text, identity);
    expect(Object.keys(back.nodes)).toEqual(expect.arrayContaining(['hello', 'ask', 'secret', 'e']));
  });

  it('voice and localization CSV quote fields and key rows by line id', () => {
    const dialogue = toPackDialogue(
      {
        schemaVersion: DIALOGUE_SCHEMA_VERSION,
        id: 'd',
        name: 'D',
        variables: [],
        startNodeId: 'a',
        nodes: { a: { id: 'a', position: { x: 0, y: 0 }, kind: 'line', speaker: 'Ann', text: 'Hi, "you"', lineId: 'l1', emotion: 'glad' } },
      },
      noReport,
    );
    expect(voiceScriptCsv({ dialogues: [dialogue] })).toBe(
      'line_id,speaker,text,emotion,dialogue,note\r\nl1,Ann,"Hi, ""you""",glad,D,\r\n',
    );
    const manifest = { locales: ['en', 'fr'], defaultLocale: 'en' } as never;
    expect(localizationCsv({ strings: { en: { l1: 'Hi' }, fr: { l1: 'Salut' } }, manifest })).toBe(
      'Key,Source,Context,Example,en,fr\r\nl1,Hi,,,Hi,Salut\r\n',
    );
  });
});

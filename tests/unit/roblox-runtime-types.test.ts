import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

describe.skipIf(LUAU_MISSING)(luauTitle('Roblox runtime types, checked by luau-analyze'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it('DialogueRunner and QuestState pass --!strict with no error', () => {
    expect(analyze(['--mode=strict', 'DialogueRunner.luau', 'QuestState.luau'], luau!.dir)).toEqual([]);
  });

  it('a --!strict game script on the documented API (options, markup spans) type-checks and plays', () => {
    expect(analyze(['strict-game.luau'], luau!.dir)).toEqual([]);
    expect(luau!.run('strict-game.luau', '').trim().split('\n')).toEqual([
      'Mirela\tWelcome.*',
      'choose\twork',
      'Mirela\tMend the bellows.',
      'end\tend\thired\tactive\t0\t3',
    ]);
  });

  it('a script that misuses the API does not type-check', () => {
    const misuse = [
      '--!strict',
      'local DialogueRunner = require("./DialogueRunner")',
      'DialogueRunner.new({ dialogues = {} }, 42):choose(7)',
    ];
    writeFileSync(join(luau!.dir, 'misuse.luau'), misuse.join('\n'));
    expect(analyze(['misuse.luau'], luau!.dir).join('\n')).toMatch(/misuse\.luau\(3,\d+\): TypeError/);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, LUAU_MISSING, luauTitle, luauWorkspace, ROBLOX_RUNTIME_DIR } from '../helpers/luau';

describe.skipIf(LUAU_MISSING)(luauTitle('Roblox runtime types, checked by luau-analyze'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it('DialogueRunner and QuestState pass --!strict with no error', () => {
    expect(analyze(['--mode=strict', 'DialogueRunner.luau', 'QuestState.luau'], luau!.dir)).toEqual([]);
  });

  it('a --!strict game script on the documented API type-checks and plays', () => {
    expect(analyze(['strict-game.luau'], luau!.dir)).toEqual([]);
    expect(luau!.run('strict-game.luau', '').trim().split('\n')).toEqual([
      'Mirela\tWelcome.',
      'choose\twork',
      'Mirela\tMend the bellows.',
      'end\tend\thired\tactive\t0\t3',
    ]);
  });

  it('the example Script and LocalScript pass luau-analyze (non-strict) with Roblox globals declared as any', () => {
    // Declared on the first line, so the line numbers of the findings are the example's.
    const globals = ['game', 'workspace', 'script', 'warn', 'Instance', 'Enum', 'UDim2', 'UDim', 'Color3', 'Vector2'];
    const prelude = `${globals.join(', ')} = ${globals.map(() => 'nil :: any').join(', ')} `;
    const examples = ['LoreweaverServer.server.luau', 'LoreweaverDialogueUI.client.luau'];
    for (const name of examples) {
      writeFileSync(join(luau!.dir, name), prelude + readFileSync(join(ROBLOX_RUNTIME_DIR, 'examples', name), 'utf8'));
    }
    expect(analyze(examples, luau!.dir)).toEqual([]);
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

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pluralRulesLuau, withPluralRules } from './plural-rules-luau';

/**
 * Regenerates the CLDR plural tables inside resources/runtime/roblox/DialogueRunner.luau from
 * the installed cldr-core (run after updating it): `npx tsx scripts/roblox/generate-plural-rules.ts`.
 */
export const DIALOGUE_RUNNER_LUAU = resolve(import.meta.dirname, '../../resources/runtime/roblox/DialogueRunner.luau');

const source = readFileSync(DIALOGUE_RUNNER_LUAU, 'utf8');
writeFileSync(DIALOGUE_RUNNER_LUAU, withPluralRules(source, pluralRulesLuau()));

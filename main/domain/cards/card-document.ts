import type { CardSpec } from '../npc/npc-schema';
import { CardError } from './card-error';
import { isObject, type JsonObject } from './json-object';

/** A parsed card file: which spec it follows and its JSON, untouched. */
export interface CardDocument {
  spec: CardSpec;
  card: JsonObject;
}

export const CARD_LIMITS = {
  /** Card JSON, lorebook included; real cards are kilobytes to a few megabytes. */
  maxJsonLength: 16 * 1024 * 1024,
  /** Nesting of objects and arrays; keeps later recursive code (JSON.stringify, structuredClone) safe. */
  maxDepth: 64,
  maxPngBytes: 64 * 1024 * 1024,
} as const;

/** Iterative, so a hostile 100,000-deep array is measured without using the stack. */
function checkDepth(value: unknown, what: string): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > CARD_LIMITS.maxDepth) throw new CardError('too_large', `${what} is nested more than ${CARD_LIMITS.maxDepth} levels deep`);
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
}

/** World info keys `entries` by uid, a saved character_book lists them; neither has a first message or personality. */
const looksLikeLorebook = (value: JsonObject) =>
  (isObject(value.entries) || Array.isArray(value.entries)) && !('first_mes' in value) && !('personality' in value);
const looksLikeV1 = (value: JsonObject) =>
  typeof value.name === 'string' &&
  ['description', 'personality', 'first_mes', 'mes_example', 'scenario'].some((key) => typeof value[key] === 'string');

/** Says which spec a parsed JSON value follows, or why it is not a card we read. */
function classifyCard(value: unknown, what: string): CardDocument {
  if (!isObject(value)) throw new CardError('not_a_card', `${what} is not a character card: it is not a JSON object`);
  const { spec } = value;
  if (spec === undefined) {
    if (looksLikeLorebook(value)) {
      throw new CardError(
        'lorebook_not_card',
        `${what} is a lorebook (world info), not a character card; import it into an NPC's lorebook instead`,
      );
    }
    if (looksLikeV1(value)) return { spec: 'v1', card: value };
    throw new CardError('not_a_card', `${what} is not a character card: it has no "spec" and no character fields`);
  }
  if (spec !== 'chara_card_v2' && spec !== 'chara_card_v3') {
    throw new CardError(
      'unsupported_spec',
      `${what} uses card spec ${JSON.stringify(spec)}; Loreweaver reads chara_card_v2 and chara_card_v3`,
    );
  }
  if (spec === 'chara_card_v3') {
    const version = Number(value.spec_version);
    if (!(version >= 3 && version < 4)) {
      throw new CardError(
        'unsupported_spec',
        `${what} is a V3 card with spec_version ${JSON.stringify(value.spec_version)}; Loreweaver reads 3.x`,
      );
    }
  }
  const kind = spec === 'chara_card_v2' ? 'v2' : 'v3';
  if (isObject(value.data)) return { spec: kind, card: value };
  // SillyTavern also reads a card whose fields sit at the top level with no "data" object; so do we, moving them into one.
  if (value.data === undefined && looksLikeV1(value)) {
    const { spec: _spec, spec_version: version, ...fields } = value;
    return { spec: kind, card: { spec, spec_version: version, data: fields } };
  }
  throw new CardError('invalid_card', `${what} has no "data" object and no character fields at the top level`);
}

/** Parses JSON text from a card or lorebook file within the size and nesting limits. */
export function parseJson(text: string, what: string): unknown {
  if (text.length > CARD_LIMITS.maxJsonLength) {
    throw new CardError(
      'too_large',
      `${what} is ${text.length.toLocaleString('en')} characters; the limit is ${CARD_LIMITS.maxJsonLength.toLocaleString('en')}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CardError('bad_json', `${what} is not valid JSON: ${(error as Error).message}`);
  }
  checkDepth(value, what);
  return value;
}

/** Parses card JSON text and says which spec it follows. */
export const parseCardJson = (text: string, what: string): CardDocument => classifyCard(parseJson(text, what), what);

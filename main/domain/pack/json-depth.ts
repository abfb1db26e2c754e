import { nestsDeeperThan } from '../json-nesting';
import { PackError } from './pack-error';

/** Far deeper than any pack (conditions included); deeper input is broken or hostile. */
export const MAX_JSON_DEPTH = 200;

/**
 * Parses JSON after checking, in one linear pass, that it nests at most `maxDepth` levels:
 * a hostile file of a million `[` would otherwise exhaust the stack of whatever walks the
 * result (schema validation, the Luau decoder) rather than fail with a message.
 */
export function parseBoundedJson(text: string, what: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (nestsDeeperThan(text, maxDepth)) {
    throw new PackError('pack_too_deep', `${what} nests more than ${maxDepth} levels deep; it is not a Loreweaver pack.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackError('pack_invalid', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}

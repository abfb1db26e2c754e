import { PackError } from './pack-error';

/** Far deeper than any pack (conditions included); deeper input is broken or hostile. */
export const MAX_JSON_DEPTH = 200;

/**
 * Parses JSON after checking, in one linear pass, that it nests at most `maxDepth` levels:
 * a hostile file of a million `[` would otherwise exhaust the stack of whatever walks the
 * result (schema validation, the Luau decoder) rather than fail with a message.
 */
export function parseBoundedJson(text: string, what: string, maxDepth = MAX_JSON_DEPTH): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > maxDepth)
        throw new PackError('pack_too_deep', `${what} nests more than ${maxDepth} levels deep; it is not a Loreweaver pack.`);
    } else if (ch === 93 || ch === 125) depth--;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackError('pack_invalid', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}

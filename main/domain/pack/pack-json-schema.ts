import { z } from 'zod';
import { Pack, PACK_FORMAT_VERSION } from './pack-schema';

/** Where the schema of the current format version is shipped, relative to the repository. */
export const PACK_JSON_SCHEMA_FILE = `resources/schema/loreweaver-pack-v${PACK_FORMAT_VERSION}.schema.json`;

/**
 * The JSON Schema of a whole pack (the one-file form; the folder form splits the same
 * object into manifest.json and one file per section), generated from the zod schemas so
 * the two cannot drift. Shipped at PACK_JSON_SCHEMA_FILE.
 */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Pack, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: `https://loreweaver.dev/schema/loreweaver-pack-v${PACK_FORMAT_VERSION}.schema.json`,
    title: `Loreweaver content pack, format version ${PACK_FORMAT_VERSION}`,
  };
}

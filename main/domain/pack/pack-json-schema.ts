import { z } from 'zod';
import { Pack } from './pack-schema';

/**
 * The JSON Schema of a whole pack (the one-file form; the folder form splits the same
 * object into manifest.json and one file per section), generated from the zod schemas so
 * the two cannot drift. Shipped at resources/schema/loreweaver-pack-v1.schema.json.
 */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Pack, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://loreweaver.dev/schema/loreweaver-pack-v1.schema.json',
    title: 'Loreweaver content pack, format version 1',
  };
}

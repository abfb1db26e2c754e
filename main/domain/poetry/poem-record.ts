import { defineRecordType, loadRecord } from '../records/versioned-record';
import { POEM_SCHEMA_VERSION, PoemData } from './poem-schema';

export const newPoem = (): PoemData => ({ schemaVersion: POEM_SCHEMA_VERSION, form: 'free', text: '' });

/**
 * Poem format history. Version 0 is the foundation's generic item (`{ notes }`): its notes
 * become the poem's text, in free verse.
 */
export const PoemRecord = defineRecordType<PoemData, void>('poem', PoemData, [
  {
    version: 1,
    description: 'generic item with notes becomes a free-verse poem',
    up: (record) => ({ ...newPoem(), text: typeof record.notes === 'string' ? record.notes : '' }),
  },
]);

/** Opens a stored poem of any version; throws RecordError when it is too new or invalid. */
export const loadPoem = (raw: unknown): PoemData => loadRecord(PoemRecord, raw, undefined);

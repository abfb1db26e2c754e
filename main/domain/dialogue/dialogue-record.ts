import { defineRecordType, loadRecord, type RecordIdentity } from '../records/versioned-record';
import { Dialogue } from './dialogue-schema';

/**
 * Dialogue format history. Version 0 is the foundation's generic item (`{ notes }`, with
 * the id and name on the item row); version 1 is the dialogue graph.
 */
export const DialogueRecord = defineRecordType<Dialogue, RecordIdentity>('dialogue', Dialogue, [
  {
    version: 1,
    description: 'generic item with notes becomes an empty dialogue graph',
    up: (record, identity) => ({
      id: identity.id,
      name: identity.name,
      ...(typeof record.notes === 'string' && record.notes ? { notes: record.notes } : {}),
      variables: [],
      startNodeId: '',
      nodes: {},
    }),
  },
]);

/** Opens a stored dialogue of any version; throws RecordError when it is too new or invalid. */
export const loadDialogue = (raw: unknown, identity: RecordIdentity): Dialogue => loadRecord(DialogueRecord, raw, identity);

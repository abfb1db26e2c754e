import { defineRecordType, loadRecord, type RecordIdentity } from '../records/versioned-record';
import { Dialogue } from './dialogue-schema';
import { escapeVersion1Nodes } from './version-1-text';

/**
 * Dialogue format history. Version 0 is the foundation's generic item (`{ notes }`, with
 * the id and name on the item row); version 1 is the dialogue graph; version 2 reads
 * texts as templates (`{$gold}`, `[b]markup[/b]`), so version-1 texts are escaped.
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
  {
    version: 2,
    description: 'line, AI line fallback and option texts become templates; their \\ { } [ ] are escaped',
    up: (record) => ({ ...record, nodes: escapeVersion1Nodes(record.nodes) }),
  },
]);

/** Opens a stored dialogue of any version; throws RecordError when it is too new or invalid. */
export const loadDialogue = (raw: unknown, identity: RecordIdentity): Dialogue => loadRecord(DialogueRecord, raw, identity);

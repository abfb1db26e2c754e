import { defineRecordType, loadRecord, type RecordIdentity } from '../records/versioned-record';
import { NPC_SCHEMA_VERSION, NpcPersona } from './npc-schema';

/** A new persona with every text empty: what "New NPC" creates and what a card import fills in. */
export const newNpcPersona = (identity: RecordIdentity): NpcPersona => ({
  schemaVersion: NPC_SCHEMA_VERSION,
  id: identity.id,
  name: identity.name,
  role: '',
  description: '',
  personality: '',
  speakingStyle: '',
  scenario: '',
  backstory: '',
  goals: [],
  firstMessage: '',
  alternateGreetings: [],
  groupOnlyGreetings: [],
  exampleDialogue: '',
  systemPrompt: '',
  postHistoryInstructions: '',
  tags: [],
  creator: '',
  characterVersion: '',
  creatorNotes: '',
  avatar: null,
  lorebook: null,
  extensions: {},
});

/**
 * NPC format history. Version 0 is the foundation's generic item (`{ notes }`, with the
 * id and name on the item row); its notes become the creator notes.
 */
export const NpcRecord = defineRecordType<NpcPersona, RecordIdentity>('NPC', NpcPersona, [
  {
    version: 1,
    description: 'generic item with notes becomes a persona',
    up: (record, identity) => ({ ...newNpcPersona(identity), creatorNotes: typeof record.notes === 'string' ? record.notes : '' }),
  },
]);

/** Opens a stored NPC of any version; throws RecordError when it is too new or invalid. */
export const loadNpc = (raw: unknown, identity: RecordIdentity): NpcPersona => loadRecord(NpcRecord, raw, identity);

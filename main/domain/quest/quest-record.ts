import { defineRecordType, loadRecord, type RecordIdentity } from '../records/versioned-record';
import { Quest, QUEST_SCHEMA_VERSION } from './quest-schema';

/** A quest with one empty stage: what "New quest" creates. */
export const newQuest = (identity: RecordIdentity): Quest => ({
  schemaVersion: QUEST_SCHEMA_VERSION,
  id: identity.id,
  title: identity.name,
  summary: '',
  tags: [],
  level: 1,
  difficulty: 'normal',
  prerequisites: { quests: [], condition: '' },
  startStageId: 'start',
  stages: [{ id: 'start', title: 'Start', journal: '', objectives: [], outcomes: [], hidden: false }],
  rewards: [],
  failConditions: [],
  notes: '',
});

/**
 * Quest format history. Version 0 is the foundation's generic item (`{ notes }`, with the
 * id and name on the item row): it becomes a one-stage quest titled by the item's name
 * that keeps the notes.
 */
export const QuestRecord = defineRecordType<Quest, RecordIdentity>('quest', Quest, [
  {
    version: 1,
    description: 'generic item with notes becomes a quest',
    up: (record, identity) => ({ ...newQuest(identity), notes: typeof record.notes === 'string' ? record.notes : '' }),
  },
]);

/** Opens a stored quest of any version; throws RecordError when it is too new or invalid. */
export const loadQuest = (raw: unknown, identity: RecordIdentity): Quest => loadRecord(QuestRecord, raw, identity);

import { CONTENT_KIND_LABELS, type ContentKind } from '../../domain/content-kinds';
import { PoemRecord } from '../../domain/poetry';
import { loadRecord, RecordError, type RecordType } from '../../domain/records/versioned-record';
import { ScriptRecord } from '../../domain/script';
import { StoryRecord } from '../../domain/story';
import { AppError } from '../app-error';

/** Kinds saved whole through content:*, each with the record type that checks its data. */
const RECORDS: Partial<Record<ContentKind, RecordType<Record<string, unknown>, void>>> = {
  story: StoryRecord,
  poem: PoemRecord,
  script: ScriptRecord,
};

/** What data without `schemaVersion` may hold: the first studio's generic item kept only its notes. */
const UNVERSIONED_FIELDS = new Set(['notes']);

/** Kinds whose data is written by their own methods, which also check it against the rest of the project. */
const OWN_METHODS: Partial<Record<ContentKind, string>> = {
  npc: 'npcs:create and npcs:save',
  dialogue: 'dialogues:create and dialogues:save',
  quest: 'quests:create and quests:save',
};

/**
 * The data a content write stores. Stories, poems and scripts are checked against their
 * record schemas (older formats brought up to date, an empty item becoming an empty one
 * of its kind, data without a version refused unless it is the first format's); NPCs, dialogues and quests are refused here because their own methods
 * check them. A bad item is refused with the reason and nothing is written.
 */
export function checkedContentData(kind: ContentKind, data: Record<string, unknown>): Record<string, unknown> {
  const ownMethods = OWN_METHODS[kind];
  if (ownMethods) {
    throw new AppError('invalid_input', `${CONTENT_KIND_LABELS[kind].many} are written with ${ownMethods}, which check them.`);
  }
  const type = RECORDS[kind];
  if (!type) return data;
  // Stored items without a version open as the first format; a write in the current format that forgot its version would lose its fields that way.
  const unknown = data.schemaVersion === undefined ? Object.keys(data).filter((key) => !UNVERSIONED_FIELDS.has(key)) : [];
  if (unknown.length) {
    throw new AppError(
      'invalid_input',
      `The ${type.label} has ${unknown.join(', ')} but no schemaVersion; send schemaVersion ${type.currentVersion} with it. Nothing was saved.`,
    );
  }
  try {
    return loadRecord(type, data, undefined);
  } catch (error) {
    if (error instanceof RecordError) throw new AppError('invalid_input', error.message);
    throw error;
  }
}

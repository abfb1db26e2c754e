import { CONTENT_KIND_LABELS, type ContentKind } from '../../domain/content-kinds';
import { loadPoem } from '../../domain/poetry';
import { RecordError } from '../../domain/records/versioned-record';
import { loadScript } from '../../domain/script';
import { loadStory } from '../../domain/story';
import { AppError } from '../app-error';

/** Kinds saved whole through content:*, each with the record type that checks its data. */
const RECORDS: Partial<Record<ContentKind, (raw: unknown) => Record<string, unknown>>> = {
  story: loadStory,
  poem: loadPoem,
  script: loadScript,
};

/** Kinds whose data is written by their own methods, which also check it against the rest of the project. */
const OWN_METHODS: Partial<Record<ContentKind, string>> = {
  npc: 'npcs:create and npcs:save',
  dialogue: 'dialogues:create and dialogues:save',
  quest: 'quests:create and quests:save',
};

/**
 * The data a content write stores. Stories, poems and scripts are checked against their
 * record schemas (older formats brought up to date, an empty item becoming an empty one
 * of its kind); NPCs, dialogues and quests are refused here because their own methods
 * check them. A bad item is refused with the reason and nothing is written.
 */
export function checkedContentData(kind: ContentKind, data: Record<string, unknown>): Record<string, unknown> {
  const ownMethods = OWN_METHODS[kind];
  if (ownMethods) {
    throw new AppError('invalid_input', `${CONTENT_KIND_LABELS[kind].many} are written with ${ownMethods}, which check them.`);
  }
  const load = RECORDS[kind];
  if (!load) return data;
  try {
    return load(data);
  } catch (error) {
    if (error instanceof RecordError) throw new AppError('invalid_input', error.message);
    throw error;
  }
}

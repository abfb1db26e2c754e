import { defineRecordType, loadRecord } from '../records/versioned-record';
import { STORY_SCHEMA_VERSION, StoryData } from './story-schema';

export const newStory = (): StoryData => ({ schemaVersion: STORY_SCHEMA_VERSION, markdown: '', lore: false });

/**
 * Story format history. Version 0 is the foundation's generic item (`{ notes }`): its notes
 * become the story's text.
 */
export const StoryRecord = defineRecordType<StoryData, void>('story', StoryData, [
  {
    version: 1,
    description: 'generic item with notes becomes a Markdown story',
    up: (record) => ({ ...newStory(), markdown: typeof record.notes === 'string' ? record.notes : '' }),
  },
]);

/** Opens a stored story of any version; throws RecordError when it is too new or invalid. */
export const loadStory = (raw: unknown): StoryData => loadRecord(StoryRecord, raw, undefined);

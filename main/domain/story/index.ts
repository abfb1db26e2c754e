/** Stories and lore: the record and the counts shown beside the prose editor. */
export * from './story-schema';
export { loadStory, newStory, StoryRecord } from './story-record';
export * from './story-stats';

/** Poems: the record, forms, and the syllable and rhyme checks behind the poem editor's gutter. */
export * from './poem-schema';
export { loadPoem, newPoem, PoemRecord } from './poem-record';
export * from './poem-forms';
export * from './pronunciation';
export * from './line-sound';
export * from './check-poem';
export * from './rhyme-suggestions';
export * from './word-frequency';

/** The `loreweaver-pack` format: schema, building from a project, canonical files, reading back, Roblox's JSON rules. */
export * from './pack-schema';
export { toPackDialogue } from './pack-dialogue';
export { buildPack, toPackNpc, type BuiltPack, type PlainItem, type ProjectContent } from './build-pack';
export { canonicalJson, compareCodePoints } from './canonical-json';
export { packCondition, stripSpans } from './expression-tree';
export { parseBoundedJson, MAX_JSON_DEPTH } from './json-depth';
export { PackError, type PackErrorCode } from './pack-error';
export {
  bundleText,
  checkPack,
  checkPackContent,
  MANIFEST_FILE,
  packContents,
  readPackBundle,
  readPackFiles,
  sectionFile,
  writePack,
  type PackFile,
  type PackMeta,
  type Sha256,
} from './pack-files';
export type { PackProblem } from './pack-problem';
export { fromPackDialogue, fromPackNode } from './pack-node';
export { migratePackSections } from './pack-migration';
export { packToProject, fromPackNpc, type ImportedContent } from './pack-to-project';
export { packJsonSchema, PACK_JSON_SCHEMA_FILE } from './pack-json-schema';
export { robloxIssues, type RobloxIssue } from './roblox-safe';

/** The pack format's name and current version, apart from the schemas so the web runtime can read them without zod. */
export const PACK_FORMAT = 'loreweaver-pack';
export const PACK_FORMAT_VERSION = 2;

/** Character Card V1/V2/V3 import and export, JSON and PNG, pure and Uint8Array based. */
export { CardError, type CardErrorCode } from './card-error';
export { importCard, exportCardJson, exportCardPng, type ImportedCard } from './card-codec';
export { CARD_LIMITS, parseCardJson, type CardDocument } from './card-document';
export { cardToPersona, personaToCard, type ExportSpec } from './card-persona';
export { embedCards, readPngCards, CARD_CHUNK_KEYWORDS, type PngCards } from './card-png';
export { importLorebook } from './lorebook-import';
export { crc32 } from './crc32';
export { decodeBase64, encodeBase64 } from './base64';
export { readPngChunks, writePng, type PngChunk } from './png';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Drops undefined values, so optional fields a card lacked stay absent from what we write. */
export const defined = (object: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/** Known fields written over the fields kept verbatim; an absent known field leaves a kept one (such as a null) alone. */
export const overKept = (kept: JsonObject | undefined, known: JsonObject): JsonObject => ({ ...kept, ...defined(known) });

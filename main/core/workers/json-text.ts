/*
 * Values that cross between the studio's thread and a worker as JSON text: copying a string
 * between threads is a memory copy, where a structured clone of thousands of objects holds
 * the studio's thread about as long as the work sent away.
 */

/** A value sent as JSON text, typed by what it holds. */
export type JsonText<T> = string & { readonly holds?: T };

export const asJson = <T>(value: T): JsonText<T> => JSON.stringify(value) as JsonText<T>;

/** The value a worker sent back as JSON text. */
export const fromJson = <T>(text: JsonText<T>): T => JSON.parse(text) as T;

import { NPC_LIMITS } from '../npc/npc-schema';
import { CardError } from './card-error';
import { isObject, type JsonObject } from './json-object';

/**
 * Reads the known fields of one object of an imported card with exact error paths, and
 * remembers which it read so `rest()` returns everything else to be kept verbatim. Absent
 * fields read as undefined. A `null` in a known field also reads as undefined but is left
 * in `rest()`, so exporting writes the null back instead of dropping or inventing a value.
 */
export class FieldReader {
  private readonly used = new Set<string>();

  constructor(
    private readonly raw: JsonObject,
    readonly path: string,
  ) {}

  private take(key: string): unknown {
    const value = Object.hasOwn(this.raw, key) ? this.raw[key] : undefined;
    if (value !== null) this.used.add(key);
    return value ?? undefined;
  }

  private fail(key: string, what: string): never {
    throw new CardError('invalid_card', `${this.path}.${key} must be ${what}`);
  }

  private checkLength(key: string, text: string, limit: number): string {
    if (text.length > limit) {
      throw new CardError(
        'too_large',
        `${this.path}.${key} is ${text.length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}`,
      );
    }
    return text;
  }

  text(key: string, limit: number = NPC_LIMITS.maxTextLength): string | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') this.fail(key, 'text');
    return this.checkLength(key, value, limit);
  }

  texts(key: string, limit: number = NPC_LIMITS.maxTextLength): string[] | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) this.fail(key, 'a list of texts');
    if (value.length > NPC_LIMITS.maxListItems) {
      throw new CardError('too_large', `${this.path}.${key} has ${value.length} items; the limit is ${NPC_LIMITS.maxListItems}`);
    }
    value.forEach((item, i) => this.checkLength(`${key}[${i}]`, item, limit));
    return [...value];
  }

  number(key: string): number | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(key, 'a number');
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.fail(key, 'true or false');
    return value;
  }

  object(key: string): JsonObject | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (!isObject(value)) this.fail(key, 'an object');
    return value;
  }

  objects(key: string, limit: number): JsonObject[] | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every(isObject)) this.fail(key, 'a list of objects');
    if (value.length > limit) throw new CardError('too_large', `${this.path}.${key} has ${value.length} items; the limit is ${limit}`);
    return value;
  }

  textRecord(key: string): Record<string, string> | undefined {
    const value = this.object(key);
    if (value === undefined) return undefined;
    for (const [name, text] of Object.entries(value)) {
      if (typeof text !== 'string') this.fail(`${key}.${name}`, 'text');
      this.checkLength(`${key}.${name}`, text, NPC_LIMITS.maxTextLength);
    }
    return { ...(value as Record<string, string>) };
  }

  /** A lorebook entry id: a number or text. */
  id(key: string): number | string | undefined {
    const value = this.take(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return this.checkLength(key, value, NPC_LIMITS.maxShortText);
    if (typeof value !== 'number') this.fail(key, 'a number or text');
    return value;
  }

  /** The fields not read, and nulls, as they were. */
  rest(): JsonObject {
    return Object.fromEntries(Object.entries(this.raw).filter(([key]) => !this.used.has(key)));
  }
}

import type { z } from 'zod';

/** A seeded random source (mulberry32), so a failing fuzz run can be replayed with its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seededRandom>;

type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] } & Record<string, unknown>;
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** Strings that satisfy the formats the contract uses (ids, request ids, model files, versions, URLs, hashes, paths). */
const STRING_CANDIDATES = [
  'a',
  'Name',
  'req-1',
  'model.gguf',
  '1.0.0',
  'http://127.0.0.1:9/v1',
  'ab'.repeat(32),
  '/tmp/loreweaver-fuzz',
  'folder/sub',
  'gold',
];

function sampleString(schema: z.ZodType, def: Def): string {
  const fits = STRING_CANDIDATES.find((s) => schema.safeParse(s).success);
  if (fits !== undefined) return fits;
  const min = checksOf(def).find((c) => c.check === 'min_length')?.minimum;
  return 'a'.repeat(typeof min === 'number' ? min : 1);
}

function sampleNumber(def: Def, random: Random): number {
  let low = -1000;
  let high = 1000;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') low = Math.max(low, Number(check.value) + (check.inclusive ? 0 : 1));
    if (check.check === 'less_than') high = Math.min(high, Number(check.value) - (check.inclusive ? 0 : 1));
    if (check.check === 'number_format') integer = true;
  }
  const value = low + random.next() * Math.max(0, high - low);
  return integer ? Math.ceil(value) : value;
}

/**
 * A value built from a schema's definition that the schema usually accepts: the base each
 * mutation starts from, so one mutation is the only thing wrong with an input. Refinements
 * across fields are not known here; a base they reject is still a fine place to mutate from.
 */
export function sampleOf(schema: z.ZodType, random: Random, depth = 0): unknown {
  const def = defOf(schema);
  const deep = depth > 6;
  switch (def.type) {
    case 'string':
      return sampleString(schema, def);
    case 'number':
      return sampleNumber(def, random);
    case 'boolean':
      return random.chance(0.5);
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return random.pick(Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return deep || random.chance(0.4) ? undefined : sampleOf(def.innerType as z.ZodType, random, depth + 1);
    case 'nullable':
      return random.chance(0.2) ? null : sampleOf(def.innerType as z.ZodType, random, depth + 1);
    case 'default':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sampleOf(def.innerType as z.ZodType, random, depth + 1);
    case 'pipe':
      return sampleOf(def.in as z.ZodType, random, depth + 1);
    case 'lazy':
      return deep ? null : sampleOf((def.getter as () => z.ZodType)(), random, depth + 1);
    case 'union':
      return sampleOf(random.pick(def.options as z.ZodType[]), random, depth + 1);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const value = sampleOf(field, random, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array': {
      const checks = checksOf(def);
      const min = Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
      const length = Math.max(min, deep ? 0 : random.int(3));
      return Array.from({ length }, () => sampleOf(def.element as z.ZodType, random, depth + 1));
    }
    case 'tuple':
      return (def.items as z.ZodType[]).map((item) => sampleOf(item, random, depth + 1));
    case 'record':
      return deep ? {} : { key: sampleOf(def.valueType as z.ZodType, random, depth + 1) };
    case 'null':
      return null;
    default:
      return 'x';
  }
}

/** Where a value can be changed: the path of every object, array and leaf in it, the root first. */
export function slotsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const slots = [path];
  if (Array.isArray(value)) value.forEach((item, index) => slots.push(...slotsOf(item, [...path, index])));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) slots.push(...slotsOf(item, [...path, key]));
  return slots;
}

/** A deep copy with the value at `path` replaced (the root when the path is empty). */
export function withAt(value: unknown, path: (string | number)[], replace: (current: unknown) => unknown): unknown {
  if (!path.length) return replace(value);
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head] = withAt(copy[head], rest, replace);
  return copy;
}

/** A deep copy without the key at `path`. */
export function without(value: unknown, path: (string | number)[]): unknown {
  const parent = path.slice(0, -1);
  const key = path[path.length - 1];
  return withAt(value, parent, (current) => {
    if (Array.isArray(current)) return current.filter((_, index) => index !== key);
    const { [key]: _dropped, ...rest } = current as Record<string | number, unknown>;
    return rest;
  });
}

/** An object with own `__proto__`, `constructor` and `prototype` keys, as JSON.parse would build from hostile text. */
export function withPollutionKeys(target: unknown): unknown {
  const base = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    Object.defineProperty(base, key, {
      value: key === 'constructor' ? { prototype: { polluted: true } } : { polluted: true, toString: 'polluted' },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return base;
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../../main/core/input-depth';
import { startHttpHost } from '../../main/server/http-server';
import { methods, type MethodName } from '../../preload/api';
import { filePathKeys } from '../../preload/contract/file-path';
import { sampleOf, seededRandom, slotsOf, withAt, without, withPollutionKeys, type Random } from '../helpers/schema-fuzz';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * Drives every method of the contract over the real HTTP binding with malformed input built
 * from its own schema: a near-valid input with one thing wrong (a wrong type, a missing or
 * unknown field, a huge string, array or nesting, a number JSON cannot hold, a path that
 * leaves the allowed folders, prototype keys), random values and broken JSON. Every input is
 * checked against the method's schema first and only sent when it is invalid (or, for a file
 * path, when it leads outside the chosen folders), so no call may succeed: each must come
 * back as a clean error value, and the project file must stay byte for byte the same.
 * LOREWEAVER_FUZZ_SEED replays another run.
 */
const SEED = Number(process.env.LOREWEAVER_FUZZ_SEED ?? 20261128);
const MUTATIONS_PER_METHOD = 40;
const RANDOM_PER_METHOD = 6;
/** 5 MB bodies are slow to build and parse; one method in this many gets one. */
const HUGE_STRING_EVERY = 12;
const MIN_INPUTS = 5_000;
const TOKEN = 'fuzz-token';

const tempDir = useTempDirs();

const WRONG_VALUES: unknown[] = [
  42,
  -1,
  0,
  1.5,
  2 ** 53 + 1,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  '',
  '   ',
  'text',
  '\u0000',
  '\ud800',
  '\u202e\u200b',
  true,
  false,
  null,
  [],
  [1, 'a', null],
  {},
  { a: 1 },
];
/** Number literals JSON can carry that JavaScript cannot hold as written: Infinity, -Infinity, 0, -0, a rounded huge integer. */
const RAW_NUMBERS = ['1e999', '-1e999', '1e-999', '-0', '123456789012345678901234567890', '0.1e1000000'];
const TRAVERSALS = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '/etc/../etc/shadow',
  'a/../../b',
  '%2e%2e/%2e%2e/etc/passwd',
  'file:///etc/passwd',
  'a\u0000b',
  '/tmp/\u0000',
  '~/.ssh/id_rsa',
  '\\\\server\\share\\x',
  'C:\\Windows\\win.ini',
  '/proc/self/environ',
  '....//....//etc',
];
const BROKEN_JSON = [
  '{not json',
  '{"a":1',
  '{"a":1}}',
  '{"a":1}{"b":2}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '\ufeff{"a":1}',
  '{"a":"\\u00"}',
  '{"a":1,}',
  '[1,2',
  '"unterminated',
  'nul',
  '{"__proto__":',
  '\u0000',
];
const HUGE_STRING = 'x'.repeat(5 * 1024 * 1024);
const DEEP = 10_000;

interface FuzzInput {
  kind: string;
  body: string;
  /** A hostile file path the schema accepts: the confinement has to refuse it. */
  pathAttack?: boolean;
}

/** JSON text with markers replaced by raw text (numbers JSON.stringify cannot write, nesting too deep to stringify). */
function toBody(value: unknown, raw: string[] = []): string {
  let text = JSON.stringify(value === undefined ? {} : value);
  raw.forEach((chunk, index) => (text = text.replace(JSON.stringify(marker(index)), chunk)));
  return text;
}
const marker = (index: number) => `\u0001raw:${index}\u0001`;

const deepText = (open: string, close: string) => open.repeat(DEEP) + '1' + close.repeat(DEEP);

function randomValue(random: Random, keys: string[], depth = 0): unknown {
  const roll = random.int(depth > 3 ? 6 : 9);
  if (roll === 0) return random.pick(WRONG_VALUES);
  if (roll === 1) return random.pick(TRAVERSALS);
  if (roll === 2) return random.next() * 10 ** random.int(20) * (random.chance(0.5) ? -1 : 1);
  if (roll === 3) return random.chance(0.5);
  if (roll === 4) return null;
  if (roll === 5) return 'é'.repeat(random.int(300));
  if (roll === 6) return Array.from({ length: random.int(5) }, () => randomValue(random, keys, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = random.int(5); i > 0; i--)
    out[random.chance(0.7) ? random.pick(keys) : `k${random.int(100)}`] = randomValue(random, keys, depth + 1);
  return random.chance(0.2) ? withPollutionKeys(out) : out;
}

/** Top-level field names of a schema, so random objects hit real fields too. */
function fieldNames(schema: z.ZodType): string[] {
  const def = schema._zod.def as unknown as { type: string; shape?: object; options?: z.ZodType[]; innerType?: z.ZodType };
  if (def.type === 'object') return Object.keys(def.shape!);
  if (def.type === 'union') return def.options!.flatMap(fieldNames);
  return def.innerType ? fieldNames(def.innerType) : [];
}

function* fuzzInputs(
  method: MethodName,
  index: number,
  random: Random,
  hints: Record<string, unknown>,
  pathAttacks: string[],
): Generator<FuzzInput> {
  const schema = methods[method].input;
  const sampled = sampleOf(schema, random) ?? {};
  const base = sampled && typeof sampled === 'object' ? { ...sampled, ...pick(hints, Object.keys(sampled)) } : sampled;
  const slots = slotsOf(base);
  const strings = slots.filter((slot) => typeof valueAt(base, slot) === 'string');
  const objects = slots.filter((slot) => isPlainObject(valueAt(base, slot)));
  const at = () => random.pick(slots);

  for (let i = 0; i < MUTATIONS_PER_METHOD; i++) {
    const slot = at();
    switch (i % 10) {
      case 0:
      case 1:
        yield { kind: 'wrong type', body: toBody(withAt(base, slot, () => random.pick(WRONG_VALUES))) };
        break;
      case 2:
        yield slot.length ? { kind: 'missing field', body: toBody(without(base, slot)) } : { kind: 'no input', body: 'null' };
        break;
      case 3: {
        const target = random.pick(objects.length ? objects : [[]]);
        yield {
          kind: 'unknown field',
          body: toBody(withAt(base, target, (o) => ({ ...(o as object), [`unexpected${i}`]: random.pick(WRONG_VALUES) }))),
        };
        break;
      }
      case 4:
        yield {
          kind: 'path traversal',
          body: toBody(withAt(base, random.pick(strings.length ? strings : [slot]), () => random.pick(TRAVERSALS))),
        };
        break;
      case 5:
        yield {
          kind: 'JSON number JavaScript cannot hold',
          body: toBody(
            withAt(base, slot, () => marker(0)),
            [random.pick(RAW_NUMBERS)],
          ),
        };
        break;
      case 6: {
        // Prototype keys where the schema allows any key, and at the top, which no method allows.
        const target = random.pick(objects.length ? objects : [[]]);
        yield { kind: 'prototype keys', body: toBody(withPollutionKeys(withAt(base, target, withPollutionKeys))) };
        break;
      }
      case 7:
        yield {
          kind: 'huge array',
          body: toBody(withAt(base, slot, () => new Array(random.chance(0.1) ? 100_000 : random.pick([1_001, 20_001])).fill(0))),
        };
        break;
      case 8:
        yield { kind: 'random value', body: toBody(withAt(base, slot, () => randomValue(random, fieldNames(schema)))) };
        break;
      default:
        yield {
          kind: 'long string',
          body: toBody(withAt(base, random.pick(strings.length ? strings : [slot]), () => 'é'.repeat(100_001))),
        };
    }
  }
  if (index % HUGE_STRING_EVERY === 0)
    yield { kind: '5 MB string', body: toBody(withAt(base, random.pick(strings.length ? strings : [['huge']]), () => HUGE_STRING)) };
  yield {
    kind: '10,000 levels of arrays',
    body: toBody(
      withAt(base, at(), () => marker(0)),
      [deepText('[', ']')],
    ),
  };
  yield {
    kind: '10,000 levels of objects',
    body: toBody(
      withAt(base, at(), () => marker(0)),
      [deepText('{"a":', '}')],
    ),
  };
  for (let i = 0; i < RANDOM_PER_METHOD; i++) yield { kind: 'random input', body: toBody(randomValue(random, fieldNames(schema))) };
  for (let i = 0; i < 4; i++) yield { kind: 'broken JSON', body: random.pick(BROKEN_JSON) };
  for (const key of filePathKeys(schema)) {
    for (const path of [...pathAttacks, ...TRAVERSALS]) {
      yield { kind: 'file path outside the chosen folders', body: toBody({ ...(base as object), [key]: path }), pathAttack: true };
    }
  }
}

const pick = (source: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
const isPlainObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
const valueAt = (value: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)?.[key], value);

/** Whether the studio must refuse this body for this method: not JSON, nested too deep, or failing the method's schema. */
function mustBeRefused(method: MethodName, body: string): boolean {
  let value: unknown;
  try {
    value = body.trim() ? JSON.parse(body) : {};
  } catch {
    return true;
  }
  return nestsDeeperThan(value, MAX_INPUT_DEPTH) || !methods[method].input.safeParse(value).success;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The project file and its WAL, byte for byte, and every table's rows read through SQLite. */
function projectFingerprint(file: string) {
  const files = Object.fromEntries(['', '-wal'].map((suffix) => [suffix || 'db', sha256(readFileSync(file + suffix))]));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const dump = tables.map(({ name }) => [
      name,
      db
        .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
        .raw()
        .all(),
    ]);
    return { files, rows: sha256(JSON.stringify(dump, (_, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))) };
  } finally {
    db.close();
  }
}

const ALLOWED_STATUS = new Set([400, 404, 405, 409, 413]);

describe('the contract over HTTP under malformed input', () => {
  it('answers every malformed call to every method with a clean error, stays up, and changes nothing', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'ws');
    const files = join(dir, 'files');
    const outside = join(dir, 'outside');
    for (const folder of [workspace, files, outside]) mkdirSync(folder, { recursive: true });
    symlinkSync(outside, join(files, 'escape'));
    symlinkSync('/etc', join(workspace, 'etc-link'));
    const studio = makeStudio(workspace, { fileRoots: [files], workspaceLocked: false });
    const project = await callOk(studio, 'projects:create', { name: 'Fuzzed' });
    await callOk(studio, 'projects:open', { id: project.id });
    const npc = await callOk(studio, 'npcs:create', { name: 'Mirela' });
    const dialogue = await callOk(studio, 'dialogues:create', { name: 'Greeting', npcId: npc.id });
    await callOk(studio, 'quests:create', { title: 'The Sunken Bell' });
    await callOk(studio, 'projects:close', {});
    await callOk(studio, 'projects:open', { id: project.id });
    const host = await startHttpHost(studio, { host: '127.0.0.1', port: 0, token: TOKEN });
    const before = projectFingerprint(project.path);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);

    const pathAttacks = [
      '/etc/passwd',
      '/etc',
      '/',
      join(homedir(), '.ssh', 'id_rsa'),
      dir,
      join(outside, 'x'),
      join(files, 'escape'),
      join(files, 'escape', 'pack.json'),
      join(workspace, 'etc-link', 'passwd'),
      join(workspace, 'etc-link'),
      `${files}/../outside`,
    ];
    const hints = { projectId: project.id, id: npc.id, npcId: npc.id, dialogueId: dialogue.id };
    const random = seededRandom(SEED);
    const tally = new Map<string, number>();
    const failures: string[] = [];
    let sent = 0;
    let skippedValid = 0;

    const send = async (path: string, body: string, expect: (status: number, answer: unknown) => string | null, label: string) => {
      let status = 0;
      let answer: unknown;
      try {
        const response = await fetch(`${host.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(20_000),
        });
        status = response.status;
        if (response.headers.get('access-control-allow-origin')) failures.push(`${label}: answered with a CORS header`);
        answer = await response.json().catch(() => 'not JSON');
      } catch (error) {
        failures.push(`${label}: no answer (${(error as Error).message})`);
        return;
      } finally {
        sent++;
      }
      const problem = expect(status, answer);
      if (problem) failures.push(`${label}: ${problem} — ${JSON.stringify(answer).slice(0, 200)}`);
    };
    const cleanError = (status: number, answer: unknown) => {
      const error = (answer as { ok?: boolean; error?: { code?: unknown; message?: unknown } })?.error;
      if (!ALLOWED_STATUS.has(status)) return `HTTP ${status}`;
      if ((answer as { ok?: unknown })?.ok !== false || typeof error?.code !== 'string' || typeof error.message !== 'string') {
        return 'not a Result error';
      }
      return null;
    };
    const invalidInput = (status: number, answer: unknown) =>
      cleanError(status, answer) ??
      (status === 400 && (answer as { error: { code: string } }).error.code === 'invalid_input' ? null : `HTTP ${status}`);

    for (const [index, method] of (Object.keys(methods) as MethodName[]).entries()) {
      for (const input of fuzzInputs(method, index, random, hints, pathAttacks)) {
        if (!input.pathAttack && !mustBeRefused(method, input.body)) {
          skippedValid++;
          continue;
        }
        tally.set(input.kind, (tally.get(input.kind) ?? 0) + 1);
        await send(`/api/call/${encodeURIComponent(method)}`, input.body, invalidInput, `${method} (${input.kind})`);
      }
    }

    for (const path of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '..%2f..%2fetc',
      '%E0%A4%A',
      '%00',
      'projects:list%00',
      'x'.repeat(10_000),
    ]) {
      tally.set('unknown method', (tally.get('unknown method') ?? 0) + 1);
      await send(`/api/call/${path}`, '{}', cleanError, `method ${path.slice(0, 40)}`);
    }
    const oversized = `{"data":"${'A'.repeat(33 * 1024 * 1024)}"}`;
    for (const method of ['npcs:importCard', 'content:create'] as const) {
      tally.set('body over the size limit', (tally.get('body over the size limit') ?? 0) + 1);
      await send(
        `/api/call/${method}`,
        oversized,
        (status, answer) => cleanError(status, answer) ?? (status === 413 ? null : `HTTP ${status}`),
        `${method} (33 MB body)`,
      );
    }

    const health = await fetch(`${host.url}/api/health`);
    const after = projectFingerprint(project.path);
    await host.close();
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    console.log(
      `contract fuzz (seed ${SEED}): ${sent} malformed calls to ${Object.keys(methods).length} methods, ${skippedValid} generated inputs were valid and not sent\n` +
        [...tally].map(([kind, count]) => `  ${kind}: ${count}`).join('\n'),
    );

    expect(failures.slice(0, 30)).toEqual([]);
    expect(total).toBe(sent);
    expect(sent).toBeGreaterThanOrEqual(MIN_INPUTS);
    expect(health.status).toBe(200);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(after).toEqual(before);
    expect((await callOk(studio, 'npcs:list', {})).map((n) => n.name)).toEqual(['Mirela']);
    studio.close();
  }, 120_000);

  it('refuses input nested deeper than the limit on every host (the desktop IPC too), where the schema would take it', async () => {
    const studio = makeStudio(tempDir());
    const project = await callOk(studio, 'projects:create', { name: 'Deep' });
    await callOk(studio, 'projects:open', { id: project.id });
    let deep: unknown = 'bottom';
    for (let i = 0; i < DEEP; i++) deep = { a: deep };
    const result = await studio.call('content:create', { kind: 'story', name: 'Deep', data: { deep } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('nested more than') } });
    expect(await callOk(studio, 'content:list', { kind: 'story' })).toEqual([]);
    studio.close();
  });

  it('refuses a download file name with a NUL before any download starts', async () => {
    const studio = makeStudio(tempDir());
    const result = await studio.call('models:download', { uri: 'http://127.0.0.1:9/x.gguf', fileName: 'x\u0000.gguf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await callOk(studio, 'models:downloads', {})).toEqual([]);
    studio.close();
  });
});

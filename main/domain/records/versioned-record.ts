import type { z } from 'zod';

/**
 * Versioned content records, after tldraw's record migrations. Every stored record carries
 * `schemaVersion`; numbered up-migrations bring an older record to the current version
 * before the current schema parses it, so content saved by an older studio still opens.
 * There are no down-migrations: a record from a newer studio is refused, never guessed at.
 */
export interface RecordMigration<Context> {
  /** The version this step produces. Steps are numbered 1, 2, 3… in order. */
  readonly version: number;
  readonly description: string;
  up(record: Record<string, unknown>, context: Context): Record<string, unknown>;
}

/** What early records kept outside themselves, on the content item's row: its id and name. */
export interface RecordIdentity {
  id: string;
  name: string;
}

export interface RecordType<T, Context> {
  /** Used in error messages: "This dialogue was saved by a newer…". */
  readonly label: string;
  readonly schema: z.ZodType<T>;
  readonly migrations: readonly RecordMigration<Context>[];
  readonly currentVersion: number;
}

export type RecordErrorCode = 'record_too_new' | 'record_invalid';

export class RecordError extends Error {
  constructor(
    readonly code: RecordErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

/** Checks the numbering once, where the type is declared, so a gap fails at startup and in tests. */
export function defineRecordType<T, Context>(
  label: string,
  schema: z.ZodType<T>,
  migrations: readonly RecordMigration<Context>[],
): RecordType<T, Context> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`${label} migration "${migration.description}" is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
  return { label, schema, migrations, currentVersion: migrations.length };
}

/** Lists at most a few zod issues as `path: message`, which is what a creator can act on. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - limit;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}

/**
 * Migrates a stored record (one without `schemaVersion` is version 0) and parses it with
 * the current schema. The context carries what old versions kept outside the record,
 * such as the item's id and name.
 */
export function loadRecord<T, Context>(type: RecordType<T, Context>, raw: unknown, context: Context): T {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new RecordError('record_invalid', `The ${type.label} is not an object.`);
  }
  let record = raw as Record<string, unknown>;
  const stored = record.schemaVersion ?? 0;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 0) {
    throw new RecordError('record_invalid', `The ${type.label} has an invalid schemaVersion (${JSON.stringify(stored)}).`);
  }
  if (stored > type.currentVersion) {
    throw new RecordError(
      'record_too_new',
      `This ${type.label} was saved by a newer version of Loreweaver (format ${stored}; this version reads up to ${type.currentVersion}). Update the studio to open it.`,
    );
  }
  for (const migration of type.migrations.slice(stored)) {
    record = { ...migration.up(record, context), schemaVersion: migration.version };
  }
  const parsed = type.schema.safeParse(record);
  if (!parsed.success) {
    throw new RecordError('record_invalid', `The ${type.label} is not valid: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

import { migration0001 } from './0001-init';
import { migration0002 } from './0002-search-index';
import { migration0003 } from './0003-dialogue-nodes';
import { migration0004 } from './0004-test-chat';
import { migration0005 } from './0005-world-records';
import { migration0006 } from './0006-revision-deltas';
import { migration0007 } from './0007-search-prose';
import { migration0008 } from './0008-dialogue-templates';
import { migration0009 } from './0009-read-indexes';
import type { Migration } from './migration';

/** Every migration, in order. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

import { loadNpc, type NpcPersona } from '../../domain/npc';
import { RecordError, type RecordIdentity } from '../../domain/records/versioned-record';
import { AppError } from '../app-error';

/**
 * An NPC item's stored data as the current persona, migrated from older versions; a record
 * from a newer studio, or one that cannot be read, fails as the project's error to show.
 */
export function loadNpcItem(data: unknown, identity: RecordIdentity): NpcPersona {
  try {
    return loadNpc(data, identity);
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    throw new AppError(error.code === 'record_too_new' ? 'project_too_new' : 'project_corrupt', error.message);
  }
}

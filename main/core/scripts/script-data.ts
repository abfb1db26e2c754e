import type { ContentKind } from '../../domain/content-kinds';
import { RecordError } from '../../domain/records/versioned-record';
import { loadScript } from '../../domain/script';
import { AppError } from '../app-error';

/**
 * The data a content write stores. Script data is checked against its record schema (older
 * formats brought up to date, an empty item becoming an empty Luau script); a bad script
 * is refused with the reason and nothing is written. Other kinds pass through unchanged.
 */
export function checkedContentData(kind: ContentKind, data: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'script') return data;
  try {
    return loadScript(data);
  } catch (error) {
    if (error instanceof RecordError) throw new AppError('invalid_input', error.message);
    throw error;
  }
}

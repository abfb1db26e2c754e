export type PackErrorCode =
  'pack_invalid' | 'pack_too_new' | 'pack_unknown_version' | 'pack_hash_mismatch' | 'pack_too_deep' | 'pack_unsafe';

/** A pack that cannot be read, and why, in words a creator can act on. */
export class PackError extends Error {
  constructor(
    readonly code: PackErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PackError';
  }
}

import { Inflate } from 'fflate';
import { PackError } from '../../domain/pack';

export interface ZipEntry {
  name: string;
  /** The uncompressed size the zip's central directory declares. */
  declaredSize: number;
}

export interface ZipReadOptions {
  /** Checks each entry before anything is inflated (throw to refuse the zip); true to read it. */
  accept(entry: ZipEntry): boolean;
  /** Most bytes one entry may inflate to, and all of them together, whatever the zip declares. */
  maxEntryBytes: number;
  maxTotalBytes: number;
  tooLarge(name: string, bytes: number): PackError;
  tooLargeInTotal(): PackError;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes given to the inflater at a time: at deflate's best ratio (about 1:1032) at most ~1 MB comes out. */
const INPUT_CHUNK = 1024;
const names = new TextDecoder('utf-8');

const damaged = (detail: string) => new PackError('pack_invalid', `The file is not a readable zip: ${detail}.`);

/** The central directory: where every entry is, its name, method and sizes. */
function* centralDirectory(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('it has no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw damaged('its central directory is cut short');
    const nameLength = view.getUint16(at + 28, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw damaged(`the entry ${name} points nowhere`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const compressedSize = view.getUint32(at + 20, true);
    if (start + compressedSize > bytes.length) throw damaged(`the entry ${name} is cut short`);
    yield {
      name,
      method: view.getUint16(at + 10, true),
      declaredSize: view.getUint32(at + 24, true),
      data: bytes.subarray(start, start + compressedSize),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

/**
 * Reads the accepted entries of a zip held in memory (nothing is extracted to disk). The
 * central directory is checked first, then each entry is inflated as a stream, a bounded
 * chunk at a time, with its real byte count enforced: an entry stops as soon as it grows
 * past what the zip declares for it or past the limits, so a bomb that declares 100 bytes
 * and inflates to gigabytes costs one chunk.
 */
export function readZipEntries(bytes: Uint8Array, options: ZipReadOptions): Map<string, Uint8Array> {
  const wanted = [...centralDirectory(bytes)].filter((entry) => options.accept(entry));
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const { name, method, declaredSize, data } of wanted) {
    const limit = Math.min(declaredSize, options.maxEntryBytes);
    const overflow = (bytes: number) =>
      bytes > options.maxEntryBytes
        ? options.tooLarge(name, bytes)
        : new PackError(
            'pack_unsafe',
            `${name} inflates to more than the ${declaredSize.toLocaleString('en')} bytes the zip declares for it; the zip was refused.`,
          );
    if (method === 0) {
      if (data.length > limit) throw overflow(data.length);
      files.set(name, data);
    } else if (method === 8) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const inflater = new Inflate((chunk) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      for (let at = 0; at < data.length; at += INPUT_CHUNK) {
        try {
          inflater.push(data.subarray(at, at + INPUT_CHUNK), at + INPUT_CHUNK >= data.length);
        } catch (error) {
          throw damaged(`${name} does not inflate (${(error as Error).message})`);
        }
        if (size > limit) throw overflow(size);
        if (total + size > options.maxTotalBytes) throw options.tooLargeInTotal();
      }
      const file = new Uint8Array(size);
      chunks.reduce((offset, chunk) => (file.set(chunk, offset), offset + chunk.length), 0);
      files.set(name, file);
    } else throw damaged(`${name} uses compression method ${method}; packs use deflate or none`);
    total += files.get(name)!.length;
    if (total > options.maxTotalBytes) throw options.tooLargeInTotal();
  }
  return files;
}

import { Deflate } from 'fflate';

const MB = 1024 * 1024;

/**
 * Raw DEFLATE data that inflates to `megabytes` MB of zeros, built in milliseconds: one
 * megabyte is compressed once, and its sync-flushed blocks (which only reach back into
 * zeros) are repeated.
 */
function deflatedZeros(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const take = () => {
    const joined = concat(parts);
    parts.length = 0;
    return joined;
  };
  deflate.push(new Uint8Array(MB));
  deflate.flush(true);
  const head = take();
  deflate.push(new Uint8Array(MB));
  deflate.flush(true);
  const repeat = take();
  deflate.push(new Uint8Array(0), true);
  return concat([head, ...Array<Uint8Array>(megabytes - 1).fill(repeat), take()]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}

/**
 * A zip with one deflated entry `name` that declares `declaredBytes` but inflates to
 * `megabytes` MB: the hostile pack of issue 20 is ~2 MB, declares 100 bytes and holds 2 GB.
 */
export function zipBomb(name: string, declaredBytes: number, megabytes: number): Uint8Array {
  const data = deflatedZeros(megabytes);
  const fileName = new TextEncoder().encode(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true);
  local.setUint32(18, data.length, true);
  local.setUint32(22, declaredBytes, true);
  local.setUint16(26, fileName.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, data.length, true);
  central.setUint32(24, declaredBytes, true);
  central.setUint16(28, fileName.length, true);
  const centralStart = 30 + fileName.length + data.length;
  const centralSize = 46 + fileName.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, centralStart, true);
  const bytes = (view: DataView) => new Uint8Array(view.buffer);
  return concat([bytes(local), fileName, data, bytes(central), fileName, bytes(end)]);
}

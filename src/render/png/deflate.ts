import * as zlib from 'node:zlib';

/**
 * A zlib stream of `data`, compressed in parts on libuv's thread pool at once (as pigz does):
 * each part is deflated on its own and ends on a byte boundary (a sync flush), the parts'
 * deflate data are joined, and their Adler-32 checksums combined. Any zlib reader inflates
 * the result to `data`. A PNG's pixels take about half as long to compress on two cores.
 * Parts are 4 MB at least (below that, starting the pool's threads costs more than it saves);
 * small inputs, or an output zlib did not frame as expected, are compressed in one piece.
 * How many parts depends on the data's size alone, never on the machine's cores, so the
 * same pixels give the same bytes on 1, 2 or 16 cores (fewer cores run the parts in turn).
 */
export async function deflateInParts(data: Uint8Array, level: number): Promise<Uint8Array> {
  const parts = Math.min(4, Math.floor(data.length / (4 << 20)));
  if (parts < 2) return zlib.deflateSync(data, { level });
  const size = Math.ceil(data.length / parts);
  const pieces = await Promise.all(
    Array.from({ length: parts }, (_, i) =>
      deflatePart(
        data.subarray(i * size, Math.min(data.length, (i + 1) * size)),
        level,
        i < parts - 1,
      ),
    ),
  );
  // Each piece: 2-byte zlib header, deflate data, [03 00: an empty final block if not last],
  // 4-byte Adler-32 of the piece.
  const bodies: Uint8Array[] = [];
  let adler = 1;
  for (let i = 0; i < parts; i++) {
    const p = pieces[i]!;
    const last = i === parts - 1;
    const end = p.length - 4 - (last ? 0 : 2);
    if (!last && (p[end] !== 0x03 || p[end + 1] !== 0x00)) return zlib.deflateSync(data, { level });
    bodies.push(p.subarray(2, end));
    const partLength = Math.min(data.length, (i + 1) * size) - i * size;
    adler = adler32Combine(adler, readUint32(p, p.length - 4), partLength);
  }
  const out = new Uint8Array(2 + bodies.reduce((s, b) => s + b.length, 0) + 4);
  out.set(pieces[0]!.subarray(0, 2), 0);
  let o = 2;
  for (const b of bodies) {
    out.set(b, o);
    o += b.length;
  }
  new DataView(out.buffer).setUint32(o, adler);
  return out;
}

/** One part as a zlib stream; unless it is the last, flushed to a byte boundary before it ends. */
function deflatePart(part: Uint8Array, level: number, sync: boolean): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // One output buffer for the whole part: each chunk is a round trip to the main thread.
    const d = zlib.createDeflate({ level, chunkSize: Math.max(64 * 1024, part.length + 1024) });
    d.on('data', (c: Buffer) => chunks.push(c));
    d.on('error', reject);
    d.on('end', () => resolve(Buffer.concat(chunks)));
    d.write(part);
    if (sync) d.flush(zlib.constants.Z_SYNC_FLUSH, () => d.end());
    else d.end();
  });
}

function readUint32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

const BASE = 65521;

/** Adler-32 of A followed by B, from adler(A), adler(B) and B's length (zlib's adler32_combine). */
export function adler32Combine(a1: number, a2: number, len2: number): number {
  const rem = len2 % BASE;
  let sum1 = a1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (a2 & 0xffff) + BASE - 1;
  sum2 += ((a1 >>> 16) & 0xffff) + ((a2 >>> 16) & 0xffff) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

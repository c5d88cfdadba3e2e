import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { adler32Combine, deflateInParts } from '../../src/render/png/deflate.ts';

function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (const x of b) {
    a = (a + x) % 65521;
    s = (s + a) % 65521;
  }
  return ((s << 16) | a) >>> 0;
}

/** Bytes like a figure's rows: runs of a few colours, with noise. */
function figureLike(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; ) {
    x = (x * 1103515245 + 12345) >>> 0;
    const run = 1 + (x % 400);
    const v = (x >>> 16) & 255;
    for (let k = 0; k < run && i < n; k++) out[i++] = v;
  }
  return out;
}

describe('deflate in parts', () => {
  it('combines Adler-32 checksums as zlib does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(), (bytes, at) => {
        const cut = bytes.length ? at % (bytes.length + 1) : 0;
        const a = bytes.subarray(0, cut);
        const b = bytes.subarray(cut);
        assert.equal(adler32Combine(adler32(a), adler32(b), b.length), adler32(bytes));
      }),
    );
  });

  it('makes one zlib stream that inflates to the input, whatever its size', async () => {
    for (const n of [0, 1000, (1 << 20) * 3 + 12345, (1 << 20) * 9 + 7, (1 << 20) * 17 + 1]) {
      const data = figureLike(n, n + 1);
      for (const level of [1, 3]) {
        const z = await deflateInParts(data, level);
        // inflateSync checks the combined Adler-32 at the end.
        assert.deepEqual(new Uint8Array(inflateSync(z)), data, `${n} bytes at level ${level}`);
      }
    }
  });
});

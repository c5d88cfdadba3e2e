/**
 * The benchmark's inputs, generated deterministically (seeded) into bench/data/:
 * w1 5×5 and w2 50×50 annotated (JSON specs), w3 500×500, w4 4000×4000 and w5 10000×10000
 * float32 .npy files. Existing files of the right size are kept.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../examples/generate-seed-003.ts';

export const DATA = new URL('./data/', import.meta.url).pathname;

function npyHeader(rows: number, cols: number): Uint8Array {
  let h = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  h += ' '.repeat(63 - ((10 + h.length) % 64)) + '\n';
  const out = new Uint8Array(10 + h.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, h.length, true);
  for (let i = 0; i < h.length; i++) out[10 + i] = h.charCodeAt(i);
  return out;
}

/** An n × n float32 matrix with structure (waves and a diagonal band) and seeded noise, written row block by row block. */
export function writeMatrix(path: string, n: number, seed: number): void {
  const header = npyHeader(n, n);
  if (existsSync(path) && statSync(path).size === header.length + n * n * 4) return;
  const rand = mulberry32(seed);
  const fd = openSync(path, 'w');
  writeSync(fd, header);
  const block = Math.max(1, Math.floor((16 << 20) / (n * 4)));
  const buf = new Float32Array(block * n);
  for (let r0 = 0; r0 < n; r0 += block) {
    const rows = Math.min(block, n - r0);
    for (let k = 0; k < rows; k++) {
      const i = r0 + k;
      for (let j = 0; j < n; j++) {
        const band = Math.exp(-Math.abs(i - j) / (n / 40));
        buf[k * n + j] = Math.sin((i / n) * 9) * Math.cos((j / n) * 7) + band + (rand() - 0.5) * 0.3;
      }
    }
    writeSync(fd, new Uint8Array(buf.buffer, 0, rows * n * 4));
  }
  closeSync(fd);
}

/** An annotated spec of an n × n diverging matrix (values in -1..1, centre 0). */
function annotatedSpec(n: number, seed: number, diverging: boolean): object {
  const rand = mulberry32(seed);
  const values = Array.from({ length: n }, () => Array.from({ length: n }, () => Math.round((diverging ? rand() * 2 - 1 : rand()) * 100) / 100));
  return diverging ? { data: values, annot: true, fmt: '.2f', cmap: 'RdBu', center: 0 } : { data: values, annot: true, fmt: '.2f', cmap: 'RdBu', vmin: 0, vmax: 1 };
}

/** The JSON specs alone (w1, w2): what bench/mount.ts needs, run by itself. */
export function generateSpecs(): void {
  mkdirSync(DATA, { recursive: true });
  writeFileSync(join(DATA, 'w1.json'), JSON.stringify(annotatedSpec(5, 1, false)));
  writeFileSync(join(DATA, 'w2.json'), JSON.stringify(annotatedSpec(50, 2, true)));
}

export function generate(): void {
  generateSpecs();
  writeMatrix(join(DATA, 'w3.npy'), 500, 3);
  writeMatrix(join(DATA, 'w4.npy'), 4000, 4);
  writeMatrix(join(DATA, 'w5.npy'), 10000, 5);
}

if (import.meta.url === `file://${process.argv[1]}`) generate();

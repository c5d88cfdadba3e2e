/**
 * Writes examples/data/attention-4096.npy: a synthetic 4096×4096 causal attention map
 * (float32, 64 MB; generated, not committed). Each row i attends only to tokens j ≤ i (the
 * upper triangle is NaN: masked) with weights that sum to 1: a local window, an "attention
 * sink" on the first token, periodic attention to every 256th token, and seeded noise.
 *
 *     node --import tsx examples/generate-attention.ts
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { mulberry32 } from './generate-seed-003.ts';

const N = 4096;
const path = new URL('./data/attention-4096.npy', import.meta.url).pathname;

export function generateAttention(): string {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${N}, ${N}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  if (existsSync(path) && statSync(path).size === 10 + header.length + N * N * 4) return path;
  mkdirSync(new URL('./data/', import.meta.url).pathname, { recursive: true });
  const head = new Uint8Array(10 + header.length);
  head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(head.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) head[10 + i] = header.charCodeAt(i);
  const rand = mulberry32(4096);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const row = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    let sum = 0;
    for (let j = 0; j < N; j++) {
      if (j > i) {
        row[j] = Number.NaN;
        continue;
      }
      const d = i - j;
      const w =
        6 * Math.exp(-d / 12) + (j === 0 ? 40 : 0) + (j % 256 === 0 ? 3 : 0) + 0.05 * rand();
      row[j] = w;
      sum += w;
    }
    for (let j = 0; j <= i; j++) row[j] = row[j]! / sum;
    writeSync(fd, new Uint8Array(row.buffer));
  }
  closeSync(fd);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) generateAttention();

// The floor: the least work any tool must do to draw a large .npy as a 1000×1000 PNG — start
// Node, read the file, find min and max, sample 1000×1000 cells (nearest), map them through a
// 256-colour table, deflate (zlib level 6) and write a PNG. No axes, no text.
//     node bench/peers/floor.mjs INPUT.npy OUTPUT.png
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const [src, out] = process.argv.slice(2);
const buf = readFileSync(src);
const hlen = buf.readUInt16LE(8);
const header = buf.toString('latin1', 10, 10 + hlen);
const [rows, cols] = /\((\d+), (\d+)\)/.exec(header).slice(1).map(Number);
const data = new Float32Array(buf.buffer, buf.byteOffset + 10 + hlen, rows * cols);
let lo = Infinity;
let hi = -Infinity;
for (let i = 0; i < data.length; i++) {
  const v = data[i];
  if (v < lo) lo = v;
  if (v > hi) hi = v;
}
const N = 1000;
const lut = new Uint8Array(256 * 3);
for (let i = 0; i < 256; i++) lut.set([i, 255 - i, (i * 7) & 255], i * 3);
const raw = Buffer.alloc((N * 3 + 1) * N);
const scale = 255.999 / (hi - lo || 1);
for (let y = 0; y < N; y++) {
  const r = Math.floor((y * rows) / N);
  let o = y * (N * 3 + 1) + 1;
  for (let x = 0; x < N; x++) {
    const k = ((data[r * cols + Math.floor((x * cols) / N)] - lo) * scale) | 0;
    raw[o++] = lut[k * 3];
    raw[o++] = lut[k * 3 + 1];
    raw[o++] = lut[k * 3 + 2];
  }
}
const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const chunk = (type, data) => {
  const b = Buffer.alloc(12 + data.length);
  b.writeUInt32BE(data.length, 0);
  b.write(type, 4, 'latin1');
  b.set(data, 8);
  let c = -1;
  for (let i = 4; i < 8 + data.length; i++) c = crcTable[(c ^ b[i]) & 255] ^ (c >>> 8);
  b.writeUInt32BE((c ^ -1) >>> 0, 8 + data.length);
  return b;
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 2, 0, 0, 0], 8);
writeFileSync(out, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]));

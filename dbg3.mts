import { readFileSync } from 'node:fs';
import { decodeImage } from './src/read/image.ts';
import { locate, background, blobs, solidCore } from './src/read/locate.ts';
const f = process.argv[2]!;
const img = decodeImage(readFileSync(f), f);
console.log(JSON.stringify(locate(img)));
const bg = background(img);
const bl = blobs(img, bg, 4 + (img.noise ?? 0)).map((b) => solidCore(img, b.box, bg)).filter((c) => (c.x1 - c.x0) * (c.y1 - c.y0) > 400);
console.log(bl.length, bl.slice(0, 12).map((c) => `${c.x0},${c.y0}-${c.x1},${c.y1}`).join(' '));

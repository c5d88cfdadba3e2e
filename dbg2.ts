import { readFileSync, writeFileSync } from 'node:fs';
import { decodePng } from './src/read/png.ts';
import { positionsOf } from './src/read/read.ts';
import { crop, textLines, tickLength, tickMarks } from './src/read/ticks.ts';
import { encodePng } from './src/render/png/encode.ts';
import { numberRecognizer } from './src/io/ocr.ts';
const img = decodePng(readFileSync(process.argv[2]!), 'x');
const p = positionsOf(img, 'x');
const { box, vertical } = p.colorbar!;
const marks = tickMarks(img, box, vertical);
const tl = tickLength(img, box, vertical, marks);
const area = { x0: box.x1 + tl + 2, y0: Math.max(0, box.y0 - 20), x1: Math.min(img.width, box.x1 + 12 * (box.x1 - box.x0) + 40), y1: Math.min(img.height, box.y1 + 20) };
const lines = textLines(img, area, vertical);
const ocr = await numberRecognizer();
for (const [i, d] of lines.entries()) { const l = { x0: d.x0 - 1, y0: d.y0 - 2, x1: d.x1 + 1, y1: d.y1 + 2 }; const c = crop(img, l, Math.round(40 / (l.y1 - l.y0)), 8, true); writeFileSync(`/tmp/t${i}.png`, encodePng(c.rgba, c.width, c.height, 1)); const w = await ocr.recognizeNumber(c.rgba, c.width, c.height); console.log(i, JSON.stringify(d), JSON.stringify(w.map((x) => [x.text, Math.round(x.confidence)]))); }
await ocr.close();

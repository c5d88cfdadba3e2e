import { readFileSync } from 'node:fs';
import { numberRecognizer } from './src/io/ocr.ts';
import { readValues } from './src/read/read.ts';
const ocr = await numberRecognizer();
for (const f of process.argv.slice(2)) {
  const r = await readValues(readFileSync(f), ocr.recognize, f, undefined, ocr.recognizeNumber);
  const t = JSON.parse(readFileSync(f.replace('.png', '.json'), 'utf8'));
  console.log(f.split('/').pop(), r.rows, r.cols, 'ticks', JSON.stringify(r.ticks), 'drawn', JSON.stringify(t.ticks.map((x: number) => +x.toFixed(6))));
}
await ocr.close();

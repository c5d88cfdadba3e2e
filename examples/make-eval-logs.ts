/**
 * Writes the two Parquet files of the long-data examples (small, committed; `npm run bench`
 * makes the 10⁸-row ones): examples/data/eval-log.parquet, an evaluation log with one row
 * per model × task × example (whether the answer was right, and the tokens it took), and
 * examples/data/regression-preds.parquet, 60,000 predictions of a regression model beside
 * the true values. Seeded; DuckDB (@duckdb/node-api) writes the Parquet, one thread, so the
 * bytes are the same every time.
 *
 *     node --import tsx examples/make-eval-logs.ts
 */
import { rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { mulberry32 } from './generate-seed-003.ts';

const data = new URL('./data/', import.meta.url).pathname;
const rand = mulberry32(19);
/** A normal deviate (Box–Muller). */
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const models = [
  'tiny-125m',
  'small-350m',
  'base-1.3b',
  'base-2.7b',
  'large-7b',
  'large-13b',
  'chat-7b',
  'chat-13b',
  'code-7b',
  'xl-30b',
  'xl-65b',
  'moe-8x7b',
];
const skill = models.map((_, i) => -1.2 + (i < 9 ? i * 0.28 : 1.3 + (i - 9) * 0.35));
const families = ['arith', 'logic', 'reading', 'code', 'science', 'trivia'];
const tasks = families.flatMap((f) => [1, 2, 3, 4, 5].map((k) => `${f}-${k}`));
const hardness = tasks.map((_, i) => -1 + ((i * 7) % 11) * 0.25 + (i % 5) * 0.15);
const lines: string[] = [];
models.forEach((model, m) => {
  tasks.forEach((task, t) => {
    // Code models are better at code, chat models at reading.
    const bonus =
      (model.startsWith('code') && task.startsWith('code') ? 1.2 : 0) +
      (model.startsWith('chat') && task.startsWith('reading') ? 0.6 : 0);
    for (let e = 0; e < 40; e++) {
      const p = 1 / (1 + Math.exp(-(skill[m]! + bonus - hardness[t]! + 0.8 * normal())));
      const correct = rand() < p ? 1 : 0;
      const tokens = Math.round(40 + 30 * rand() + (task.startsWith('code') ? 120 : 0));
      lines.push(JSON.stringify({ model, task, example: e, correct, tokens }));
    }
  });
});
writeFileSync(`${data}eval-log.ndjson`, `${lines.join('\n')}\n`);

const preds: string[] = [];
for (let i = 0; i < 60_000; i++) {
  const truth = Math.round((2.5 + 1.6 * normal()) * 1000) / 1000;
  // Regression to the mean, and more error where the model saw fewer examples (the tails).
  const pred =
    Math.round((0.85 * truth + 0.4 + (0.25 + 0.15 * Math.abs(truth - 2.5)) * normal()) * 1000) /
    1000;
  preds.push(JSON.stringify({ truth, pred }));
}
writeFileSync(`${data}regression-preds.ndjson`, `${preds.join('\n')}\n`);

const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const c = await db.connect();
await c.run(
  `COPY (SELECT * FROM read_json('${data}eval-log.ndjson', format = 'newline_delimited', columns = {model: 'VARCHAR', task: 'VARCHAR', example: 'INTEGER', correct: 'TINYINT', tokens: 'INTEGER'})) TO '${data}eval-log.parquet' (FORMAT parquet, COMPRESSION zstd)`,
);
await c.run(
  `COPY (SELECT * FROM read_json('${data}regression-preds.ndjson', format = 'newline_delimited', columns = {truth: 'DOUBLE', pred: 'DOUBLE'})) TO '${data}regression-preds.parquet' (FORMAT parquet, COMPRESSION zstd)`,
);
c.closeSync();
db.closeSync();
rmSync(`${data}eval-log.ndjson`);
rmSync(`${data}regression-preds.ndjson`);

/**
 * A longer run of the fuzz properties than the test suite's (`npm run fuzz [RUNS] [SEED]`):
 * round trips of valid files, random bytes and mutations that must load or raise the one
 * user-error type, random specs through the whole pipeline, and random command lines through
 * the CLI (exit 0 or 2, never 1).
 */
import { cliNeverCrashes, specsNeverCrash } from '../test/cli/fuzz.ts';
import {
  csvFieldsRoundTrip,
  csvRoundTrip,
  npyRoundTrip,
  parsersNeverCrash,
} from '../test/data/properties.ts';

const runs = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? Date.now() % 100000);
console.log(`fuzz: ${runs} runs per property, seed ${seed}`);
for (const [name, f] of [
  ['npy round trip', npyRoundTrip],
  ['csv round trip', csvRoundTrip],
  ['csv fields round trip', csvFieldsRoundTrip],
  ['never crash', parsersNeverCrash],
  ['specs never crash', specsNeverCrash],
] as const) {
  const t0 = performance.now();
  f(runs, seed);
  console.log(`${name}: ok (${Math.round(performance.now() - t0)} ms)`);
}
// Command lines write files and run the whole CLI: a tenth as many.
const t0 = performance.now();
await cliNeverCrashes(Math.max(1, Math.round(runs / 10)), seed);
console.log(`command lines never crash: ok (${Math.round(performance.now() - t0)} ms)`);

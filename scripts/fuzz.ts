/**
 * A longer run of the parser properties than the test suite's (`npm run fuzz [RUNS] [SEED]`):
 * round trips of valid files, and random bytes and mutations that must load or raise the one
 * user-error type.
 */
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
] as const) {
  const t0 = performance.now();
  f(runs, seed);
  console.log(`${name}: ok (${Math.round(performance.now() - t0)} ms)`);
}

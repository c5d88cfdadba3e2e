/** A few thousand fuzz cases in every run of the suite (test/cli/fuzz.ts; `npm run fuzz` runs more). */
import { describe, it } from 'node:test';
import { cliNeverCrashes, specsNeverCrash } from './fuzz.ts';

describe('fuzzing', () => {
  it('random specs render or raise the one user error (2,000 cases)', () => {
    specsNeverCrash(2000);
  });
  it('random command lines exit 0 or 2, never an internal error (600 cases)', async () => {
    await cliNeverCrashes(600);
  });
});

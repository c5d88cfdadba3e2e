import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { inTurns } from '../../src/util/turns.ts';

describe('inTurns', () => {
  it('gives each result in its item’s place, never more than `limit` begun and not ended', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (delays, limit) => {
          let running = 0;
          let most = 0;
          const got = await inTurns(delays, limit, async (d, i) => {
            running++;
            most = Math.max(most, running);
            // Items end in another order than they began.
            await new Promise((r) => setTimeout(r, d));
            running--;
            return i * 10 + d;
          });
          assert.deepEqual(
            got,
            delays.map((d, i) => i * 10 + d),
          );
          assert.ok(most <= limit, `${most} at once, limit ${limit}`);
          if (delays.length >= limit) assert.equal(most, limit);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects with the first failure', async () => {
    await assert.rejects(
      inTurns([1, 2, 3], 2, async (x) => {
        if (x === 2) throw new Error('two');
        return x;
      }),
      /two/,
    );
  });
});

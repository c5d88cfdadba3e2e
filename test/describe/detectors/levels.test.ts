import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderSpec } from '../../../src/node.ts';
import { ROOT } from '../../helpers.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

describe('detector: levels (issue 15: binary targets beside continuous outputs)', () => {
  it("says seed 003's targets are only 0 and 1 and its outputs lie between in 28% and 26% of cells", () => {
    const f = renderSpec(`${ROOT}examples/seed-003.json`).figure;
    const r = run('levels', f);
    const found = held(r);
    assert.deepEqual(
      found.map((c) => c.facts.binary),
      [true, false, true, false],
    );
    const between = found
      .filter((c) => !c.facts.binary)
      .map((c) => c.numbers.find((n) => n.name === 'between')!.text);
    assert.deepEqual(between, ['28%', '26%']);
    for (const c of found) assertChecks(f, c);
  });

  it('says a single binary panel holds only its two values, and nothing of a continuous one', () => {
    const r = run(
      'levels',
      figureOf([
        [0, 1, 1],
        [1, 0, 0],
      ]),
    );
    assert.equal(r.sentences[0], 'Every value is 0 or 1.');
    assert.deepEqual(run('levels', figureOf([[0, 0.5, 1]])).plan, []);
  });
});

/**
 * Per-class accuracy of a confusion matrix, against scikit-learn: the fixtures are the
 * digits data's held-out confusion matrix, as counts and normalised over the true classes,
 * written by Debian's python3-sklearn (test/fixtures/describe/make-confusion.py) with the
 * recall and accuracy scikit-learn reports for them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderSpec } from '../../../src/node.ts';
import { ROOT } from '../../helpers.ts';
import { assertChecks, figureOf, held, run } from './helpers.ts';

const expected = JSON.parse(
  readFileSync(`${ROOT}test/fixtures/describe/digits-expected.json`, 'utf8'),
) as { recall: number[]; accuracy: number };
const csv = (name: string) => renderSpec({ data: `${ROOT}test/fixtures/describe/${name}` });
const fromCsv = (name: string) => csv(name).figure;
const byName = (c: { numbers: readonly { name: string; value: number }[] }, name: string) =>
  c.numbers.find((n) => n.name === name)!.value;

describe('detector: class_accuracy (issue 15: the weakest class of a confusion matrix)', () => {
  it("reads scikit-learn's digits confusion counts: accuracy, the weakest and strongest class, and what the weakest is taken for", () => {
    const f = fromCsv('digits-counts.csv');
    const r = run('class_accuracy', f);
    const [c] = held(r);
    assert.equal(c!.params.truth, 'row');
    assert.ok(Math.abs(byName(c!, 'accuracy') - expected.accuracy) < 1e-12);
    const lo = Math.min(...expected.recall);
    const hi = Math.max(...expected.recall);
    assert.ok(Math.abs(byName(c!, 'worst') - lo) < 1e-12);
    assert.ok(Math.abs(byName(c!, 'best') - hi) < 1e-12);
    assert.deepEqual(
      c!.facts.worst.map((k) => k.label),
      [String(expected.recall.indexOf(lo))],
    );
    assert.equal(c!.facts.confusedWith?.col, '8');
    assert.equal(
      r.sentences[0],
      'Read as a confusion matrix with the true classes as rows, 83% of all 450 cases are classified correctly; per-class accuracy ranges from 45% (`2`) to 100% (`0`); `2` is most often taken for `8` (15 of its 44).',
    );
    assertChecks(f, c!);
  });

  it('reads the matrix normalised over the true classes the same way, with the mean of the diagonal', () => {
    const f = fromCsv('digits-normalized.csv');
    const [c] = held(run('class_accuracy', f));
    assert.equal(c!.facts.normalized, true);
    const mean = expected.recall.reduce((a, b) => a + b, 0) / expected.recall.length;
    assert.ok(Math.abs(byName(c!, 'balanced') - mean) < 1e-9);
    assertChecks(f, c!);
  });

  it('leads the description of a confusion matrix, where the per-row shares are not repeated', () => {
    const d = csv('digits-counts.csv').description!;
    const first = d.sentences.find((s) => s.section === 'overview' && s.text.startsWith('Read as'));
    assert.ok(first, 'the overview opens with the classes');
    assert.equal(d.claims.filter((c) => c.kind === 'concentration').length, 0);
  });

  it('takes the true classes from the columns when the axis titles say so', () => {
    const m = [
      [5, 1, 0],
      [0, 6, 3],
      [1, 0, 9],
    ];
    const f = figureOf(m, {
      rows: ['a', 'b', 'c'],
      cols: ['a', 'b', 'c'],
      xlabel: 'True label',
      ylabel: 'Predicted label',
    });
    const [c] = held(run('class_accuracy', f));
    assert.equal(c!.params.truth, 'col');
    // Column b: 1 + 6 + 0 = 7 cases, 6 right (the best); column c: 0 + 3 + 9 = 12, 9 right (the worst).
    assert.deepEqual(
      c!.facts.best.map((k) => k.label),
      ['b'],
    );
    assert.ok(Math.abs(byName(c!, 'best') - 6 / 7) < 1e-12);
    assert.ok(Math.abs(byName(c!, 'worst') - 9 / 12) < 1e-12);
    assert.equal(c!.facts.confusedWith?.row, 'b');
  });

  it('is not planned for a symmetric table of counts, fractions that are not normalised, or negative cells', () => {
    const labels = { rows: ['a', 'b', 'c'], cols: ['a', 'b', 'c'] };
    for (const m of [
      [
        [9, 1, 2],
        [1, 8, 0],
        [2, 0, 7],
      ],
      [
        [0.9, 0.2, 0.1],
        [0.1, 0.8, 0.3],
        [0.2, 0.1, 0.9],
      ],
      [
        [9, -1, 2],
        [1, 8, 0],
        [2, 0, 7],
      ],
    ])
      assert.deepEqual(run('class_accuracy', figureOf(m, labels)).plan, []);
  });
});

/**
 * The SQL heatfig writes (plan.ts, dialect.ts) and the grid it makes of the rows that come
 * back (grid.ts), without an engine: quoting, aggregates per dialect, bins, and a grid that
 * does not depend on the order the rows arrive in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { clickhouse, duckdb } from '../../src/query/dialect.ts';
import { binLabels, gridOfCells } from '../../src/query/grid.ts';
import { aggOf, gridSql, topSql } from '../../src/query/plan.ts';
import { niceWidth } from '../../src/query/run.ts';
import type { QuerySource } from '../../src/spec/query-source.ts';

const src = (o: Partial<QuerySource>) => ({ x: 'task', y: 'model', ...o }) as QuerySource;

describe('the SQL', () => {
  it('quotes names and text so that no label can end them', () => {
    assert.equal(duckdb.ident('we"ird'), '"we""ird"');
    assert.equal(duckdb.str("it's"), "'it''s'");
    assert.equal(clickhouse.ident('we`ird\\'), '`we\\`ird\\\\`');
    assert.equal(clickhouse.str("it's \\"), "'it\\'s \\\\'");
  });

  it('spells each aggregate in each dialect', () => {
    const v = '"score"';
    assert.equal(duckdb.agg({ fn: 'mean' }, v), 'fsum(CAST("score" AS DOUBLE)) / count("score")');
    assert.equal(duckdb.agg({ fn: 'quantile', q: 0.5 }, v), 'quantile_cont("score", 0.5)');
    assert.equal(duckdb.agg({ fn: 'std' }, v), 'stddev_samp("score")');
    assert.equal(duckdb.agg({ fn: 'count' }, null), 'count(*)');
    assert.equal(clickhouse.agg({ fn: 'count' }, null), 'count()');
    assert.equal(clickhouse.agg({ fn: 'std' }, v), 'stddevSamp("score")');
    assert.match(
      clickhouse.agg({ fn: 'quantile', q: 0.9 }, v),
      /arraySort\(groupArray\(toFloat64\("score"\)\)\)/,
    );
  });

  it('reads agg as pandas names it, and refuses what it cannot compute', () => {
    assert.deepEqual(aggOf(src({ value: 'v' }), '$.data'), { fn: 'mean' });
    assert.deepEqual(aggOf(src({}), '$.data'), { fn: 'count' });
    assert.deepEqual(aggOf(src({ value: 'v', agg: 'median' }), '$.data'), {
      fn: 'quantile',
      q: 0.5,
    });
    assert.deepEqual(aggOf(src({ value: 'v', agg: 'quantile(0.95)' }), '$.data'), {
      fn: 'quantile',
      q: 0.95,
    });
    assert.throws(() => aggOf(src({ value: 'v', agg: 'quantile(1.5)' }), '$.data'), {
      message: /^\$\.data\.agg: "quantile\(1\.5\)" is not an aggregate; use mean, sum/,
    });
    assert.throws(() => aggOf(src({ agg: 'mean' }), '$.data'), {
      message: /^\$\.data\.value: agg "mean" needs the column of values/,
    });
  });

  it('bounds what comes back: the cells, and one more to tell that there are too many', () => {
    const sql = gridSql(
      duckdb,
      src({ value: 'score', filter: "split = 'test'" }),
      't',
      { fn: 'mean' },
      { x: { kind: 'all' }, y: { kind: 'all' } },
      1000,
    );
    assert.equal(
      sql,
      `SELECT "model" AS hf_y, "task" AS hf_x, fsum(CAST("score" AS DOUBLE)) / count("score") AS hf_v, count(*) AS hf_n FROM t WHERE "task" IS NOT NULL AND "model" IS NOT NULL AND (split = 'test') GROUP BY hf_y, hf_x LIMIT 1001`,
    );
    assert.equal(
      topSql(clickhouse, src({}), 'ev', 'x', 5),
      'SELECT `task` AS k, count(*) AS n FROM ev WHERE `task` IS NOT NULL GROUP BY `task` ORDER BY n DESC, k LIMIT 6',
    );
  });

  it('groups the rest as NULL ("other"), or leaves it out', () => {
    const plan = (other: boolean) => ({
      x: { kind: 'top' as const, keep: ['a', 3n, 2.5], other },
      y: { kind: 'all' as const },
    });
    const other = gridSql(duckdb, src({}), 't', { fn: 'count' }, plan(true), 10);
    assert.match(
      other,
      /CASE WHEN "task" IN \('a', 3, CAST\('2\.5' AS DOUBLE\)\) THEN "task" END AS hf_x/,
    );
    const drop = gridSql(duckdb, src({}), 't', { fn: 'count' }, plan(false), 10);
    assert.match(drop, /AND "task" IN \('a', 3, CAST\('2\.5' AS DOUBLE\)\) GROUP BY/);
  });
});

describe('bins', () => {
  it('are of a round width, labelled by their lower edge', () => {
    assert.equal(niceWidth(0.0499), 0.05);
    assert.equal(niceWidth(0.13), 0.2);
    assert.equal(niceWidth(2.2), 2.5);
    assert.equal(niceWidth(7), 10);
    assert.deepEqual(binLabels({ lo: -0.5, width: 0.25, n: 4, hi: 0.4 }), [
      '-0.50',
      '-0.25',
      '0.00',
      '0.25',
    ]);
    assert.deepEqual(binLabels({ lo: 0, width: 0.1, n: 3, hi: 0.25 }), ['0.0', '0.1', '0.2']);
  });

  it('a round width is at least what was asked, and less than 2.5 times it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), (raw) => {
        const w = niceWidth(raw);
        return w >= raw * (1 - 1e-12) && w < raw * 2.5 * (1 + 1e-12);
      }),
    );
  });
});

describe('the grid of the cells', () => {
  const plan = { x: { kind: 'all' as const }, y: { kind: 'all' as const } };
  it('is the same whatever order the engine sends the rows in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.constantFrom('a', 'b', 'B', 'item10', 'item2', '3'),
            fc.integer({ min: 0, max: 5 }),
          ),
          {
            selector: ([y, x]) => `${y}|${x}`,
            minLength: 1,
          },
        ),
        fc.integer(),
        (pairs, seed) => {
          const cells = pairs.map(([y, x], i) => ({ y, x: BigInt(x), v: i }));
          const shuffled = [...cells].sort(
            (p, q) =>
              ((Number(p.v) * 2654435761 + seed) % 97) - ((Number(q.v) * 2654435761 + seed) % 97),
          );
          const a = gridOfCells(cells, plan, { x: 'x', y: 'y' }, Number.NaN, 'natural', 1e6, '$');
          const b = gridOfCells(
            shuffled,
            plan,
            { x: 'x', y: 'y' },
            Number.NaN,
            'natural',
            1e6,
            '$',
          );
          assert.deepEqual(b.colLabels, a.colLabels);
          assert.deepEqual(b.panels[0]!.rowLabels, a.panels[0]!.rowLabels);
          assert.deepEqual([...b.panels[0]!.values], [...a.panels[0]!.values]);
        },
      ),
    );
  });

  it('puts labels in natural order, "other" last, and a binned y axis highest at the top', () => {
    const g = gridOfCells(
      [
        { y: 'item10', x: null, v: 1 },
        { y: 'item2', x: 'b', v: 2 },
        { y: 'item2', x: 'a', v: 3 },
      ],
      { x: { kind: 'top', keep: ['a', 'b'], other: true }, y: { kind: 'all' } },
      { x: 'task', y: 'model' },
      Number.NaN,
      'natural',
      100,
      '$',
    );
    assert.deepEqual(g.panels[0]!.rowLabels, ['item2', 'item10']);
    assert.deepEqual(g.colLabels, ['a', 'b', 'other']);
    assert.deepEqual([...g.panels[0]!.values], [3, 2, Number.NaN, Number.NaN, Number.NaN, 1]);
    const h = gridOfCells(
      [{ y: 0, x: 1n, v: 5 }],
      {
        x: { kind: 'bins', bins: { lo: 0, width: 1, n: 2, hi: 1.5 } },
        y: { kind: 'bins', bins: { lo: 0, width: 1, n: 3, hi: 2.5 } },
      },
      { x: 'x', y: 'y' },
      0,
      'natural',
      100,
      '$',
    );
    assert.deepEqual(h.panels[0]!.rowLabels, ['2', '1', '0']);
    assert.deepEqual([...h.panels[0]!.values], [0, 0, 0, 0, 0, 5]);
  });

  it('refuses a grid larger than its bound before making it', () => {
    const cells = Array.from({ length: 3 }, (_, i) => ({ y: `r${i}`, x: `c${i}`, v: i }));
    assert.throws(
      () => gridOfCells(cells, plan, { x: 'x', y: 'y' }, Number.NaN, 'natural', 8, '$.data'),
      {
        message: /^\$\.data: the grid would be 3 × 3, more than 8 cells/,
      },
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridFromArray } from '../../src/data/arrays.ts';
import { annotCells, highlightCells, parseTemplate } from '../../src/figure/annot.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { overlappingTexts, readJson } from '../helpers.ts';

const fixture = readJson<{
  rows: string[];
  cols: string[];
  values: number[][];
  texts: Record<string, string[]>;
}>('test/fixtures/annot-templates.json');
const digits = gridFromArray(fixture.values.flat(), [10, 10], {
  rows: fixture.rows,
  cols: fixture.cols,
});

describe("cell text of one's own (issue 16 part 2)", () => {
  it("fills templates as Python's str.format does (scripts/make-annot-fixtures.py)", () => {
    for (const [template, want] of Object.entries(fixture.texts)) {
      const got = annotCells({ annot: template } as Spec, digits, [null], '.2g');
      assert.deepEqual(got![0], want, template);
    }
  });

  it('parses fields, format specs and doubled braces, and refuses what str.format would', () => {
    assert.deepEqual(
      parseTemplate('a {{b}} {row} {value:.1f}', '$.annot').map((p) =>
        typeof p === 'string' ? p : p.field,
      ),
      ['a {b} ', 'row', ' ', 'value'],
    );
    assert.throws(
      () => parseTemplate('{count}', '$.annot'),
      /field \{count\} is not one heatfig knows; use \{value\}, \{row_pct\}/,
    );
    assert.throws(() => parseTemplate('{value', '$.annot'), /a "\{" that is never closed/);
    assert.throws(() => parseTemplate('value}', '$.annot'), /a "\}" that closes nothing/);
    assert.throws(() => parseTemplate('{value:.1q}', '$.annot'), /format/);
  });

  it('takes a matrix of texts and numbers (seaborn annot=array), numbers in fmt, null for none', () => {
    const grid = gridFromArray([1, 2, 3, 4], [2, 2]);
    const got = annotCells(
      {
        annot: [
          [0.5, 'a'],
          [null, 2],
        ],
      } as Spec,
      grid,
      [null],
      '.1f',
    );
    assert.deepEqual(got, [['0.5', 'a', null, '2.0']]);
    assert.throws(
      () =>
        render({
          data: [
            [1, 2],
            [3, 4],
          ],
          annot: [[1, 2]],
        }),
      /annotation matrix has 1 rows; give one per row of the grid \(2 rows of 2\)/,
    );
    assert.throws(
      () =>
        render({
          data: [
            [1, 2],
            [3, 4],
          ],
          annot: [[1, 2], [3]],
        }),
      /annotation row has 1 entries; give one per column \(2\)/,
    );
  });

  it('marks the largest of each row, column or panel, and the smallest, with ties', () => {
    const grid = gridFromArray([3, 1, 3, 0, 5, 2], [2, 3]);
    const at = (how: Spec['highlight']) => [...highlightCells(how, grid, [null])![0]!];
    assert.deepEqual(at('row-max'), [1, 0, 1, 0, 1, 0]);
    assert.deepEqual(at('col-max'), [1, 0, 1, 0, 1, 0]);
    assert.deepEqual(at('max'), [0, 0, 0, 0, 1, 0]);
    assert.deepEqual(at('min'), [0, 0, 0, 1, 0, 0]);
  });

  it("draws each line of a cell's text, cells tall enough, an outline per highlighted cell, the colour asked for", () => {
    const { scene, layout } = render({
      data: fixture.values,
      annot: '{value:.0f}\n({row_pct:.0%})',
      highlight: 'row-max',
      annotKws: { color: '#ff0000' },
    });
    const annots = scene.primitives.filter((p) => p.type === 'text' && p.role === 'annot');
    // Two lines in every cell, one under the other, centred on the cell.
    assert.equal(annots.length, 200);
    const first = annots.filter((p) => 'cell' in p && p.cell!.row === 0 && p.cell!.col === 0);
    assert.deepEqual(
      first.map((p) => (p as { text: string }).text),
      ['37', '(100%)'],
    );
    assert.ok((first[1] as { y: number }).y > (first[0] as { y: number }).y);
    assert.ok(annots.every((p) => (p as { fill: string }).fill === '#ff0000'));
    const b = layout.panels[0]!;
    assert.ok(b.ch >= 2 * 12, `cells ${b.ch} px tall`);
    const outlines = scene.primitives.filter((p) => p.type === 'polygon' && p.role === 'highlight');
    assert.equal(outlines.length, 10);
    assert.deepEqual(overlappingTexts(scene), []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClaims } from '../../../src/describe/check.ts';
import { describedGrid } from '../../../src/describe/describe.ts';
import { figureOf, run } from './helpers.ts';

const cell = (row: string, col: string) => ({ panel: 0, row, col, rowN: 0, colN: 0 });
const claim = (row: string, col: string, value: number, text: string) => ({
  id: 'x',
  kind: 'value',
  params: { cell: cell(row, col) },
  facts: {},
  cells: [cell(row, col)],
  labels: [row, col],
  numbers: [{ name: 'value', value, text }],
});

describe('detector: value', () => {
  it('is never planned: it checks what others say of one cell', () => {
    assert.deepEqual(run('value', figureOf([[1]])).plan, []);
  });

  it('accepts the value of a cell as shown, and refuses another', () => {
    const g = describedGrid(figureOf([[0.93, 1]]));
    assert.equal(checkClaims(g, [claim('r0', 'c0', 0.93, '0.93')]).ok, true);
    assert.equal(checkClaims(g, [claim('r0', 'c0', 1, '1.00')]).ok, false);
    assert.equal(checkClaims(g, [claim('r9', 'c0', 1, '1')]).ok, false);
  });
});

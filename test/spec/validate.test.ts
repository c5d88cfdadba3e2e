import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeatfigError } from '../../src/errors.ts';
import { parseJsonText } from '../../src/data/json-text.ts';
import { validateSpec } from '../../src/spec/validate.ts';

function rejects(spec: unknown, where: string, message: RegExp) {
  assert.throws(
    () => validateSpec(spec),
    (e: unknown) => {
      assert.ok(e instanceof HeatfigError, String(e));
      assert.equal(e.where, where);
      assert.match(e.message, message);
      return true;
    },
  );
}

describe('validateSpec', () => {
  it('accepts every example spec shape', () => {
    validateSpec({
      data: [
        [1, 2],
        [3, null],
      ],
    });
    validateSpec({
      data: { values: [[1]], rows: ['a'], cols: [0] },
      cmap: ['red', '#00f', [0, 0.5, 1]],
    });
    validateSpec({
      panels: [{ title: 'A', data: 'a.json' }],
      colorbar: { ticks: { step: 0.1 }, extend: 'max' },
    });
  });

  it('names an unknown key and suggests the nearest valid one', () => {
    rejects(
      { data: [[1]], cmpa: 'viridis' },
      '$',
      /"cmpa" is not an option; did you mean "cmap"\?/,
    );
    rejects(
      { data: [[1]], colorbar: { lable: 'x' } },
      '$.colorbar',
      /"lable" is not an option; did you mean "label"\?/,
    );
  });

  it('gives the JSON path of a wrong value and what would be right', () => {
    rejects({ data: [[1]], vmin: 'low' }, '$.vmin', /expected number, got "low"/);
    rejects({ data: [[1, 'x']] }, '$.data[0][1]', /expected a number, or null for a missing cell/);
    rejects({ data: 5 }, '$.data', /expected a file path \(string\), rows of numbers.*, got 5/);
    rejects(
      { data: [[1]], colorbar: { ticks: [0, 'a'] } },
      '$.colorbar.ticks[1]',
      /expected number, got "a"/,
    );
    rejects(
      { data: [[1]], norm: 'sqrt' },
      '$.norm',
      /expected one of "linear", "log", "symlog", "twoslope", "power", "asinh", "boundary", got "sqrt"/,
    );
    rejects({ data: [[1]], cmap: 3 }, '$.cmap', /expected a colormap name/);
  });

  it('prefixes the file name when given', () => {
    assert.throws(
      () => validateSpec({ data: [[1]], vmax: [] }, 'fig.json'),
      (e: unknown) => e instanceof HeatfigError && e.where === 'fig.json: $.vmax',
    );
  });
});

describe('parseJsonText', () => {
  it('reports a syntax error as file:line:col', () => {
    assert.throws(
      () => parseJsonText('{\n  "a": 1,\n  }', 'spec.json'),
      (e: unknown) =>
        e instanceof HeatfigError &&
        /^spec\.json:3:3$/.test(e.where ?? '') &&
        /expected valid JSON/.test(e.message),
    );
  });
  it('accepts a byte-order mark', () => {
    assert.deepEqual(parseJsonText('\uFEFF{"a":1}', 'x.json'), { a: 1 });
  });
});

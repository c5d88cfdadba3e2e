/**
 * Colour strings as users write them (issue 13): CSS names, rgb() and hsl(), matplotlib's
 * C0…C9, tab: colours and grey levels, compared with matplotlib's own to_hex where Debian's
 * matplotlib is installed; alpha honoured only when opaque, refused otherwise.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { hexFromRgb, parseColor } from '../../src/color/parse.ts';
import { HeatfigError } from '../../src/errors.ts';

const hex = (c: string) => hexFromRgb(parseColor(c));
const MATPLOTLIB = [
  'C0',
  'C3',
  'C9',
  'tab:blue',
  'tab:orange',
  'tab:grey',
  'tab:cyan',
  '0.5',
  '0',
  '1',
  '0.25',
  'darkred',
  'rebeccapurple',
];

describe('colour strings', () => {
  it('read CSS rgb() and hsl(), with commas, spaces, percentages and an opaque alpha', () => {
    assert.equal(hex('rgb(255, 0, 0)'), '#ff0000');
    assert.equal(hex('rgb(0 128 255)'), '#0080ff');
    assert.equal(hex('rgb(100%, 50%, 0%)'), '#ff8000');
    assert.equal(hex('rgba(0, 0, 0, 1)'), '#000000');
    assert.equal(hex('hsl(120, 100%, 50%)'), '#00ff00');
    assert.equal(hex('hsl(240deg 100% 25%)'), '#000080');
    assert.equal(hex('hsla(0, 0%, 50%, 1)'), '#808080');
  });

  it('refuse translucent alpha and malformed colours in one error', () => {
    for (const [c, m] of [
      ['rgba(0,0,0,0.5)', /translucent/],
      ['hsl(0 0% 0% / 0.2)', /translucent/],
      ['rgb(1,2)', /not a colour/],
      ['C12', /not a colour/],
      ['tab:nope', /not a colour/],
      ['1.5', /not a colour/],
    ] as const)
      assert.throws(
        () => parseColor(c, '$.linecolor'),
        (e: unknown) => e instanceof HeatfigError && m.test(e.message),
        c,
      );
  });

  const python = '/usr/bin/python3';
  const hasMpl =
    existsSync(python) &&
    spawnSync(python, ['-c', 'import matplotlib'], { encoding: 'utf8' }).status === 0;
  it("give matplotlib's colours to matplotlib's colour strings", {
    skip: hasMpl ? false : 'Debian python3-matplotlib not installed',
  }, () => {
    const r = spawnSync(
      python,
      [
        '-c',
        `import json, sys, matplotlib.colors as c\nprint(json.dumps([c.to_hex(s) for s in json.loads(sys.argv[1])]))`,
        JSON.stringify(MATPLOTLIB),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(MATPLOTLIB.map(hex), JSON.parse(r.stdout));
  });
});

/**
 * The heatfig command, run as users run it (node bin/heatfig.js, built by scripts/build.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './helpers.ts';

const BIN = join(ROOT, 'bin/heatfig.js');
const dir = mkdtempSync(join(tmpdir(), 'heatfig-cli-'));

function heatfig(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('heatfig render', () => {
  it('writes SVG, PNG, PDF and scene JSON, picking the format from the extension', () => {
    const spec = join(ROOT, 'examples/seed-000.json');
    for (const [ext, magic] of [
      ['svg', '<svg'],
      ['png', '\u0089PNG'],
      ['pdf', '%PDF'],
      ['json', '{'],
    ] as const) {
      const out = join(dir, `fig.${ext}`);
      const r = heatfig('render', spec, '-o', out);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.ok(readFileSync(out, 'latin1').startsWith(magic), ext);
    }
  });

  it('lets flags override the spec', () => {
    const out = join(dir, 'over.svg');
    const r = heatfig(
      'render',
      join(ROOT, 'examples/seed-000.json'),
      '-o',
      out,
      '--cmap',
      'viridis',
      '--title',
      'Changed',
      '--no-annot',
    );
    assert.equal(r.code, 0, r.stderr);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /<title id="heatfig-title">Changed<\/title>/);
    assert.ok(!svg.includes('class="annot"'));
    assert.match(svg, /fill="#fde725"/); // viridis' top colour for the 1.0 cells
  });

  it('renders a JSON data file with flags as the spec', () => {
    const data = join(dir, 'm.json');
    writeFileSync(
      data,
      JSON.stringify({
        values: [
          [1, 2],
          [3, 4],
        ],
        rows: ['a', 'b'],
        cols: ['x', 'y'],
      }),
    );
    const r = heatfig(
      'render',
      data,
      '-o',
      join(dir, 'm.svg'),
      '--annot',
      '--fmt',
      'd',
      '--vmin',
      '0',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(dir, 'm.svg'), 'utf8'), />4<\/text>/);
  });

  it('prints the JSON Schema', () => {
    const r = heatfig('schema');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, readFileSync(join(ROOT, 'schema/heatfig.schema.json'), 'utf8'));
  });
});

describe('heatfig with bad input', () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      'an unknown colormap',
      () => [join(ROOT, 'examples/seed-000.json'), '--cmap', 'viridsi'],
      /^heatfig: error: .*unknown colormap "viridsi"; did you mean "viridis"\?\n$/,
    ],
    [
      'a spec with an unknown key',
      () => [spec({ data: [[1]], cmpa: 'x' }), '--quiet'],
      /^heatfig: error: .*bad\.json: \$: "cmpa" is not an option; did you mean "cmap"\?\n$/,
    ],
    [
      'a spec with a syntax error',
      () => [raw('{\n "data": [[1]],\n}'), '--quiet'],
      /^heatfig: error: .*bad\.json:3:1: .*expected valid JSON\n$/,
    ],
    [
      'a missing file',
      () => [join(dir, 'nope.json')],
      /^heatfig: error: .*no such file; give the path of an existing file\n$/,
    ],
    [
      'a number flag that is not a number',
      () => [join(ROOT, 'examples/seed-000.json'), '--vmin', 'low'],
      /^heatfig: error: .*"low" is not a number; give --vmin a number/,
    ],
    [
      'an output it cannot name',
      () => [join(ROOT, 'examples/seed-000.json'), '-o', join(dir, 'x.gif')],
      /^heatfig: error: .*cannot tell the format.*name it \.svg, \.png, \.pdf or \.json/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 with one line for ${what}, and leaves an existing output untouched`, () => {
      const out = join(dir, 'keep.svg');
      writeFileSync(out, 'ORIGINAL');
      const a = args();
      const r = heatfig('render', ...a, ...(a.includes('-o') ? [] : ['-o', out]));
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.ok(!r.stderr.includes('    at '), 'no stack trace');
      assert.equal(readFileSync(out, 'utf8'), 'ORIGINAL');
    });
  }

  it('shows a stack trace only with --debug', () => {
    const r = heatfig(
      'render',
      join(ROOT, 'examples/seed-000.json'),
      '-o',
      join(dir, 'd.svg'),
      '--cmap',
      'nope',
      '--debug',
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\n\s+at /);
  });
});

function spec(value: unknown): string {
  return raw(JSON.stringify(value));
}

function raw(text: string): string {
  const p = join(dir, 'bad.json');
  writeFileSync(p, text);
  return p;
}

/**
 * The heatfig command, run as users run it (node bin/heatfig.cjs, built by scripts/build.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeNpy } from './data/writers.ts';
import { ROOT, tempDir } from './helpers.ts';

const BIN = join(ROOT, 'bin/heatfig.cjs');
const dir = tempDir('heatfig-cli-');

function heatfig(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('heatfig render', () => {
  it('draws long data as facets with --facet-col and --facet-wrap, and refuses a bad one with one line', () => {
    const csv = join(ROOT, 'examples/data/gridsearch-facets.csv');
    const out = join(dir, 'facets.json');
    const flags = ['--x', 'gamma', '--y', 'C', '--value', 'mean_test_score'];
    const r = heatfig(
      'render',
      csv,
      ...flags,
      '--facet-col',
      'dataset',
      '--facet-wrap',
      '3',
      '-o',
      out,
    );
    assert.equal(r.code, 0, r.stderr);
    const scene = JSON.parse(readFileSync(out, 'utf8'));
    const titles = scene.primitives
      .filter((p: { role?: string }) => p.role === 'panel-title')
      .map((p: { text: string }) => p.text);
    assert.deepEqual(titles, ['dataset = digits', 'dataset = breast_cancer', 'dataset = wine']);
    const bad = heatfig('render', csv, ...flags, '--facet-col', 'nope', '-o', join(dir, 'x.svg'));
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /^heatfig: error: .*gridsearch-facets\.csv:1:1: no column named "nope"; the columns are "dataset", "C", "gamma", "mean_test_score"\n$/,
    );
    const wrap = heatfig('render', csv, ...flags, '--facet-wrap', '0', '-o', join(dir, 'x.svg'));
    assert.equal(wrap.code, 2);
    assert.match(
      wrap.stderr,
      /--facet-wrap: 0 is out of range; give --facet-wrap a whole number from 1 up to 100/,
    );
  });

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

  it('writes an HTML page with the viewer built beside the bundle', () => {
    const out = join(dir, 'fig.html');
    const r = heatfig('render', join(ROOT, 'examples/seed-000.json'), '-o', out);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.ok(
      html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>'),
      html.slice(0, 40),
    );
    // The viewer script is inlined (its source is read from dist/heatfig-viewer.js).
    const viewer = readFileSync(join(ROOT, 'dist/heatfig-viewer.js'), 'utf8');
    assert.ok(viewer.length > 10_000 && html.includes(viewer.slice(0, 200)));
  });

  it('says with --verbose what it wrote and how long each stage took', () => {
    const out = join(dir, 'verbose.png');
    const r = heatfig('render', join(ROOT, 'examples/seed-000.json'), '-o', out, '--verbose');
    assert.equal(r.code, 0, r.stderr);
    const [wrote, times] = r.stderr.trimEnd().split('\n');
    assert.match(wrote!, /^heatfig: wrote .*verbose\.png \(\d+ bytes, [\d.]+×[\d.]+ px\)$/);
    assert.match(
      times!,
      /^heatfig: \d+ ms since start; validate [\d.]+, load [\d.]+, resolve [\d.]+, layout [\d.]+, scene [\d.]+, PNG [\d.]+, write [\d.]+ ms$/,
    );
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
    assert.match(svg, /<title id="heatfig-[a-z0-9]+-title">Changed<\/title>/);
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

describe('heatfig render of data files', () => {
  const files = join(ROOT, 'test/fixtures/files');
  it('reads a pandas CSV with its index column, quoted labels and missing values', () => {
    const r = heatfig(
      'render',
      join(files, 'pandas-index.csv'),
      '-o',
      join(dir, 'p.json'),
      '--annot',
      '--fmt',
      '.2f',
    );
    assert.equal(r.code, 0, r.stderr);
    const scene = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    const texts = scene.primitives
      .filter((p: { type: string }) => p.type === 'text')
      .map((p: { text: string }) => p.text);
    assert.ok(
      texts.includes('b, the second') && texts.includes('acc, top-1') && texts.includes('0.91'),
    );
    assert.ok(texts.includes('inf'), 'an infinite value is annotated inf');
    assert.match(r.stderr, /1 infinite value\(s\) drawn at the end colours/);
  });

  it('reads .npy, and an .npz array by --key', () => {
    assert.equal(heatfig('render', join(files, 'f4-be-F.npy'), '-o', join(dir, 'n.png')).code, 0);
    const r = heatfig(
      'render',
      join(files, 'compressed.npz'),
      '--key',
      'attn',
      '-o',
      join(dir, 'z.svg'),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal((readFileSync(join(dir, 'z.svg'), 'utf8').match(/data-row=/g) ?? []).length, 25);
  });

  it('pivots long data with --x --y --value --agg', () => {
    const r = heatfig(
      'render',
      join(files, 'long.csv'),
      '-o',
      join(dir, 'l.svg'),
      '--x',
      'task',
      '--y',
      'model',
      '--value',
      'accuracy',
      '--agg',
      'mean',
      '--sort',
      'natural',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(dir, 'l.svg'), 'utf8'), /data-value="0.6"/);
  });

  it('reads standard input with --input-format', () => {
    const r = spawnSync(
      process.execPath,
      [BIN, 'render', '-', '--input-format', 'csv', '-o', join(dir, 's.svg')],
      { input: ',a\nx,1\n', encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(dir, 's.svg'), 'utf8'), />a<\/text>/);
  });

  it('takes tick labels from a file, one per line', () => {
    const labels = join(dir, 'labels.txt');
    writeFileSync(labels, 'first\nsecond\nthird\n');
    const r = heatfig(
      'render',
      join(files, 'savetxt.csv'),
      '-o',
      join(dir, 't.svg'),
      '--yticklabels',
      labels,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(dir, 't.svg'), 'utf8'), />second<\/text>/);
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
      'a CSV cell that is not a number',
      () => [raw(',a\nx,oops\n', 'bad.csv')],
      /^heatfig: error: .*bad\.csv:2:3: "oops" is not a number/,
    ],
    [
      'a duplicate pair in long data',
      () => [raw('m,t,v\na,b,1\na,b,2\n', 'bad.csv'), '--x', 't', '--y', 'm', '--value', 'v'],
      /^heatfig: error: .*bad\.csv:3:5: \(t="b", m="a"\) appears again \(first at .*bad\.csv:2:5\); combine duplicates with agg/,
    ],
    [
      'a .npy cut short',
      () => [truncatedNpy()],
      /^heatfig: error: .*cut\.npy: the header claims shape \(3, 4\).*the file is cut short\n$/,
    ],
    [
      'an .npz key that is not there',
      () => [join(ROOT, 'test/fixtures/files/plain.npz'), '--key', 'nope'],
      /^heatfig: error: .*no array named "nope"; the archive holds "first", "second"/,
    ],
    [
      'empty standard input',
      () => ['-'],
      /^heatfig: error: <stdin>: the file has no rows; give a table of numbers/,
    ],
    [
      'a grid too large for vector cells',
      () => [bigNpy(), '--raster', 'never'],
      /^heatfig: error: .*: the array has 360,000 cells, more than the 250,000 SVG draws as separate shapes; let it draw them as an image \(raster "auto"\)/,
    ],
    [
      'a flag value out of range',
      () => [join(ROOT, 'examples/seed-000.json'), '--width', '10'],
      /^heatfig: error: --width: must be at least 50, got 10\n$/,
    ],
    [
      '--dpi with --scale',
      () => [join(ROOT, 'examples/seed-000.json'), '--dpi', '300', '--scale', '2'],
      /^heatfig: error: --dpi: give either --scale or --dpi, not both/,
    ],
    [
      '--index-col that is not a column',
      () => [join(ROOT, 'test/fixtures/user/history.csv'), '--index-col', 'x'],
      /^heatfig: error: .*"x" is not a column; give --index-col a column number \(0 is the first\) or none/,
    ],
    [
      'an output it cannot name',
      () => [join(ROOT, 'examples/seed-000.json'), '-o', join(dir, 'x.gif')],
      /^heatfig: error: .*cannot tell the format.*name it \.svg, \.png, \.pdf, \.html or \.json/,
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

  it('writes the resolution --dpi asks for into the PNG (pHYs), and 96 × scale by default', () => {
    const ppm = (file: string) => {
      const b = readFileSync(file);
      const at = b.indexOf('pHYs');
      assert.ok(at > 0, 'a pHYs chunk');
      return [b.readUInt32BE(at + 4), b.readUInt32BE(at + 8), b[at + 12]];
    };
    const spec = join(ROOT, 'examples/seed-000.json');
    const a = join(dir, 'dpi300.png');
    assert.equal(heatfig('render', spec, '-o', a, '--dpi', '300').code, 0);
    assert.deepEqual(ppm(a), [11811, 11811, 1]);
    const b = join(dir, 'scale2.png');
    assert.equal(heatfig('render', spec, '-o', b).code, 0);
    assert.deepEqual(ppm(b), [7559, 7559, 1]);
  });

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

function raw(text: string, name = 'bad.json'): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function truncatedNpy(): string {
  const full = readFileSync(join(ROOT, 'test/fixtures/files/f8-le-C.npy'));
  const p = join(dir, 'cut.npy');
  writeFileSync(p, full.subarray(0, full.length - 10));
  return p;
}

function bigNpy(): string {
  const p = join(dir, 'big.npy');
  writeFileSync(p, writeNpy(new Array(600 * 600).fill(0.5), [600, 600], 'f4'));
  return p;
}

/**
 * Hostile and huge input (issue 12): every input ends in a figure or in one line
 * `heatfig: error: WHERE: what; what would be right` with exit 2, within seconds and, for
 * the oversize cases, under a 1.5 GB address-space limit (prlimit --as); PNG bytes are the
 * same on one core and on several.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, tempDir } from '../helpers.ts';

const BIN = join(ROOT, 'bin/heatfig.cjs');
const SEED = join(ROOT, 'examples/seed-000.json');
const HOSTILE = join(ROOT, 'test/fixtures/hostile');
const dir = tempDir('heatfig-hostile-');
const LIMIT = String(1_500_000_000);
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

/** Runs the CLI under a 1.5 GB address-space limit (when prlimit is there) and a 60 s timeout. */
function heatfig(args: string[], input?: string | Buffer) {
  const cmd = hasPrlimit ? 'prlimit' : process.execPath;
  const argv = hasPrlimit ? [`--as=${LIMIT}`, process.execPath, BIN, ...args] : [BIN, ...args];
  const t = Date.now();
  const r = spawnSync(cmd, argv, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, ms: Date.now() - t };
}

/** One line, exit 2, no stack trace, no internal error. */
function refused(r: ReturnType<typeof heatfig>, message: RegExp) {
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^heatfig: error: /);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, message);
  assert.ok(r.ms < 30_000, `${r.ms} ms`);
}

/** A .npy header for a float32 array of `shape`, padded as numpy pads it. */
function npyHeader(shape: number[]): Buffer {
  let dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  dict = dict.padEnd(total - 10 - 1, ' ');
  const h = Buffer.alloc(10);
  h.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  h.writeUInt16LE(dict.length + 1, 8);
  return Buffer.concat([h, Buffer.from(`${dict}\n`, 'latin1')]);
}

/** A .npy of `shape` whose data is a hole (a sparse file): huge on paper, instant to make. */
function sparseNpy(name: string, shape: number[]): string {
  const path = join(dir, name);
  const head = npyHeader(shape);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, head.length + shape.reduce((a, b) => a * b, 1) * 4);
  closeSync(fd);
  return path;
}

describe('output size, bounded before drawing', () => {
  for (const [args, message] of [
    [['--scale', '0'], /--scale: .*0 is out of range; give --scale a number above 0 up to 16/],
    [['--scale', '-2'], /--scale: .*out of range/],
    [['--scale', 'abc'], /"abc" is not a number; give --scale a number/],
    [['--scale', '1000'], /1000 is out of range; give --scale a number above 0 up to 16/],
    [['--dpi', '0'], /--dpi: .*out of range/],
    [
      ['--xrotation', 'abc'],
      /--xrotation: "abc" is not a rotation; give degrees from -90 to 90, or auto/,
    ],
    [['--width', '1e9'], /--width: must be at most 20000/],
  ] as const) {
    it(`refuses ${args.join(' ')} in one line naming the flag`, () => {
      refused(heatfig(['render', SEED, '-o', 'x.png', ...args]), message);
    });
  }

  it('refuses a cellHeight of 6.1e8, a figure past 20,000 px and a PNG past 100 megapixels', () => {
    writeFileSync(join(dir, 'tall.json'), '{"data":[[1],[2]],"cellHeight":6.1e8}');
    refused(
      heatfig(['render', 'tall.json', '-o', 'x.svg']),
      /\$\.cellHeight: must be at most 1000/,
    );
    const rows = Array.from({ length: 40 }, (_, i) => [i]);
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ data: rows, cellHeight: 900 }));
    refused(
      heatfig(['render', 'big.json', '-o', 'x.svg']),
      /the figure would be .* px, more than 20,000 on a side/,
    );
    writeFileSync(
      join(dir, 'wide.json'),
      JSON.stringify({ data: [[1, 2]], width: 20000, height: 20000 }),
    );
    refused(
      heatfig(['render', 'wide.json', '-o', 'x.png', '--scale', '2']),
      /--scale: the PNG would be .* pixels, more than 100,000,000/,
    );
  });

  it('refuses titles of 100,000 characters and absurd formats in one line', () => {
    writeFileSync(
      join(dir, 'title.json'),
      JSON.stringify({ data: [[1]], title: 'x'.repeat(100_000) }),
    );
    refused(heatfig(['render', 'title.json', '-o', 'x.svg']), /\$\.title: .*at most 1000/);
    writeFileSync(
      join(dir, 'fmt.json'),
      JSON.stringify({ data: [[1]], annot: true, fmt: '.1000000000f' }),
    );
    refused(heatfig(['render', 'fmt.json', '-o', 'x.svg']), /\$\.fmt: .*precision over 50/);
  });

  it('draws subnormal-only and near-overflow ranges', () => {
    writeFileSync(join(dir, 'sub.json'), '{"data":[[1e-320,2e-320],[3e-320,5e-324]]}');
    assert.equal(heatfig(['render', 'sub.json', '-o', 'sub.png']).code, 0);
    writeFileSync(join(dir, 'huge.json'), '{"data":[[-1e308,1e308]]}');
    assert.equal(heatfig(['render', 'huge.json', '-o', 'huge.svg']).code, 0);
  });
});

describe('input size, bounded while reading', () => {
  it('stops /dev/zero as data or as a spec, and yes on standard input, at the limit', () => {
    refused(
      heatfig(['render', '/dev/zero', '--input-format', 'csv', '-o', 'x.svg']),
      /holds more than the 134,217,728 bytes heatfig reads whole; give --max-input-bytes/,
    );
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    refused(
      heatfig(['render', 'zero.json', '-o', 'x.svg']),
      /holds more than the 134,217,728 bytes/,
    );
    const yes = Buffer.alloc(140 << 20, 'y\n');
    refused(
      heatfig(['render', '-', '--input-format', 'csv', '-o', 'x.svg'], yes),
      /standard input holds more than/,
    );
  });

  it('refuses a file over --max-input-bytes from its size, naming the flag', () => {
    refused(
      heatfig(['render', SEED, '-o', 'x.svg', '--max-input-bytes', '100']),
      /is \d[\d,]* bytes, more than the 100 bytes heatfig reads whole; give --max-input-bytes/,
    );
    refused(
      heatfig(['render', SEED, '-o', 'x.svg', '--max-input-bytes', '0']),
      /--max-input-bytes: .*out of range/,
    );
  });

  it('refuses a CSV field of more than a mebibyte, and a JSON file nested past 64 levels', () => {
    writeFileSync(join(dir, 'field.csv'), `a,b\n1,${'9'.repeat(2 << 20)}\n`);
    refused(
      heatfig(['render', 'field.csv', '-o', 'x.svg']),
      /field\.csv:2:3: a field longer than 1,048,576 characters/,
    );
    writeFileSync(join(dir, 'deep.json'), `{"data": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    refused(heatfig(['render', 'deep.json', '-o', 'x.svg']), /nested more than 64 levels deep/);
    writeFileSync(join(dir, 'deep-data.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    refused(
      heatfig(['render', 'deep-data.json', '-o', 'x.svg']),
      /nested more than 64 levels deep at \$\[0\]/,
    );
  });

  it('refuses an HTML view of a huge .npy from its header, before reading it', () => {
    const big = sparseNpy('huge.npy', [5000, 5000]);
    refused(
      heatfig(['render', big, '-o', 'x.html']),
      /25,000,000 cells, more than the 16,777,216 an HTML view carries.*render it to PNG or SVG/,
    );
  });

  it('streams a 1-D array of 10⁸ values in bounded memory, labels made only for its blocks', () => {
    const path = join(dir, 'long.npy');
    const n = 100_000_000;
    const fd = openSync(path, 'w');
    writeSync(fd, npyHeader([n]));
    const chunk = new Float32Array(1 << 22);
    for (let i = 0; i < chunk.length; i++) chunk[i] = Math.sin(i / 1000);
    for (let w = 0; w < n; w += chunk.length) {
      const m = Math.min(chunk.length, n - w);
      writeSync(fd, new Uint8Array(chunk.buffer, 0, m * 4));
    }
    closeSync(fd);
    const r = heatfig(['render', path, '-o', 'long.png']);
    assert.equal(r.code, 0, r.stderr);
    // The same array on standard input: streamed as it arrives, the same picture.
    const piped = spawnSync(
      'sh',
      [
        '-c',
        `cat "${path}" | ${hasPrlimit ? `prlimit --as=${LIMIT} ` : ''}"${process.execPath}" "${BIN}" render - --input-format npy -o piped.png`,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(piped.status, 0, piped.stderr);
    assert.ok(readFileSync(join(dir, 'piped.png')).equals(readFileSync(join(dir, 'long.png'))));
    const robust = spawnSync(
      'sh',
      [
        '-c',
        `cat "${path}" | "${process.execPath}" "${BIN}" render - --input-format npy --robust -o r.png`,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(robust.status, 2);
    assert.match(robust.stderr, /standard input can be read only once; give the \.npy as a file/);
  });
});

describe('.npz and .npy files made to hurt (scripts/make-hostile-fixtures.py)', () => {
  for (const [file, message] of [
    [
      'bomb.npz',
      /599,785,600 bytes uncompressed, more than the 134,217,728 heatfig reads; give --max-input-bytes/,
    ],
    ['liar.npz', /inflates past its declared 128 bytes \(damaged, or a zip bomb\)/],
    ['crc.npz', /a CRC-32 mismatch: the archive is damaged/],
    ['encrypted.npz', /member "a\.npy" is encrypted/],
    ['dotdot.npz', /member "\.\.\/evil\.npy" is a path, not an array name/],
    ['structured.npy', /a structured dtype \(named fields\) cannot be drawn/],
    ['object.npy', /dtype "\|O" is an object array/],
    ['unicode.npy', /dtype "<U2" is a unicode string array/],
    ['complex.npy', /is a complex array/],
    ['datetime.npy', /is a datetime array/],
  ] as const) {
    it(`refuses ${file} in one line, quickly, in bounded memory`, () => {
      refused(heatfig(['render', join(HOSTILE, file), '-o', 'x.svg']), message);
    });
  }

  it('reads a valid version 2.0 header of 200,000 bytes', () => {
    const r = heatfig(['render', join(HOSTILE, 'bigheader.npy'), '-o', 'bh.svg']);
    assert.equal(r.code, 0, r.stderr);
  });
});

describe('determinism', () => {
  const taskset = spawnSync('taskset', ['--version']).status === 0;
  it('writes the same PNG bytes on one core and on several', {
    skip: taskset ? false : 'no taskset',
  }, () => {
    const npy = join(ROOT, 'examples/data/attention-4096.npy');
    const spec = existsSync(npy) ? join(ROOT, 'examples/attention-4096.json') : SEED;
    const run = (cpus: string, out: string) => {
      const r = spawnSync(
        'taskset',
        ['-c', cpus, process.execPath, BIN, 'render', spec, '-o', out, '--scale', '4'],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      return readFileSync(join(dir, out));
    };
    const one = run('0', 'one.png');
    const all = run(
      `0-${Math.max(1, (spawnSync('nproc').stdout?.toString().trim() as unknown as number) - 1)}`,
      'all.png',
    );
    assert.ok(one.equals(all), 'the same bytes');
  });
});

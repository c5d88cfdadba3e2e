/**
 * Nothing at an output's path is damaged (issue 12): an output that is an input is refused;
 * a symlink's target is written (a link to nothing yet creates it, as a shell's redirection
 * does); a FIFO is written through, never replaced; `-o -` is standard output; an existing
 * file keeps its mode; no temporary file is left behind, even when the process is killed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeNpy } from '../data/writers.ts';
import { ROOT, tempDir } from '../helpers.ts';

const BIN = join(ROOT, 'bin/heatfig.cjs');
const SEED = join(ROOT, 'examples/seed-000.json');

function heatfig(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'buffer' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

const fresh = () => tempDir('heatfig-out-');
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('an output path', () => {
  it('that is an input is refused, and the input is untouched', () => {
    const dir = fresh();
    copyFileSync(SEED, join(dir, 'spec.json'));
    writeFileSync(join(dir, 'data.csv'), ',a,b\nx,1,2\ny,3,4\n');
    writeFileSync(join(dir, 'uses.json'), JSON.stringify({ data: 'data.csv' }));
    mkdirSync(join(dir, 'sub'));
    const before = readFileSync(join(dir, 'data.csv'), 'utf8');
    for (const args of [
      ['render', 'spec.json', '-o', 'spec.json'],
      ['render', 'data.csv', '--format', 'svg', '-o', 'data.csv'],
      ['render', 'uses.json', '--format', 'svg', '-o', 'data.csv'],
      ['render', 'uses.json', '--format', 'svg', '-o', './sub/../data.csv'],
      ['describe', 'uses.json', '-o', 'data.csv'],
    ]) {
      const r = heatfig(dir, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(
        r.stderr,
        /^heatfig: error: .*writing it would destroy it: give another output file\n$/,
      );
    }
    assert.equal(readFileSync(join(dir, 'data.csv'), 'utf8'), before);
    assert.equal(readFileSync(join(dir, 'spec.json'), 'utf8'), readFileSync(SEED, 'utf8'));
  });

  it('that is a symlink writes its target and stays a link', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'target.svg'), 'old');
    symlinkSync('target.svg', join(dir, 'link.svg'));
    assert.equal(heatfig(dir, 'render', SEED, '-o', 'link.svg').code, 0);
    assert.ok(lstatSync(join(dir, 'link.svg')).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, 'link.svg')), 'target.svg');
    assert.match(readFileSync(join(dir, 'target.svg'), 'utf8'), /^<svg/);
    // A link to nothing yet: its target is created.
    symlinkSync('new.svg', join(dir, 'dangling.svg'));
    assert.equal(heatfig(dir, 'render', SEED, '-o', 'dangling.svg').code, 0);
    assert.match(readFileSync(join(dir, 'new.svg'), 'utf8'), /^<svg/);
    // A loop of links is refused in one line.
    symlinkSync('b.svg', join(dir, 'a.svg'));
    symlinkSync('a.svg', join(dir, 'b.svg'));
    const r = heatfig(dir, 'render', SEED, '-o', 'a.svg');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /loop of symbolic links/);
    assert.deepEqual(leftovers(dir), []);
  });

  it('that is a FIFO is written through, never replaced by a file', async () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe.svg');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => reader.on('close', r));
    const r = heatfig(dir, 'render', SEED, '-o', fifo);
    await done;
    assert.equal(r.code, 0, r.stderr);
    assert.match(Buffer.concat(chunks).toString('utf8'), /^<svg[\s\S]*<\/svg>\n$/);
    assert.ok(lstatSync(fifo).isFIFO(), 'still a FIFO');
  });

  it('"-" is standard output, for text and binary formats', () => {
    const dir = fresh();
    const svg = heatfig(dir, 'render', SEED, '-o', '-', '--format', 'svg');
    assert.equal(svg.code, 0);
    assert.match(svg.stdout.toString('utf8'), /^<svg/);
    const png = heatfig(dir, 'render', SEED, '-o', '-', '--format', 'png');
    assert.deepEqual([...png.stdout.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const noFormat = heatfig(dir, 'render', SEED, '-o', '-');
    assert.equal(noFormat.code, 2);
    assert.match(noFormat.stderr, /standard output needs the format: give --format/);
    assert.deepEqual(readdirSync(dir), [], 'no file named "-"');
  });

  it('that exists keeps its mode', () => {
    const dir = fresh();
    const out = join(dir, 'keep.svg');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    assert.equal(heatfig(dir, 'render', SEED, '-o', out).code, 0);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    chmodSync(out, 0o640);
    assert.equal(heatfig(dir, 'render', SEED, '-o', out).code, 0);
    assert.equal(statSync(out).mode & 0o777, 0o640);
  });

  it('gets no temporary file left behind when the process is killed while writing', async () => {
    const dir = fresh();
    const big = join(dir, 'big.npy');
    const n = 1500;
    writeFileSync(
      big,
      writeNpy(
        Array.from({ length: n * n }, (_, i) => i % 97),
        [n, n],
        'f4',
      ),
    );
    for (const delay of [50, 150, 300]) {
      const child = spawn(
        process.execPath,
        [BIN, 'render', big, '-o', join(dir, 'out.png'), '--scale', '4'],
        {
          cwd: dir,
        },
      );
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGTERM');
      await new Promise((r) => child.on('close', r));
      assert.deepEqual(leftovers(dir), [], `after SIGTERM at ${delay} ms`);
    }
  });
});

describe('standard input of no given format', () => {
  it('takes a piped spec, or data whose first bytes tell its format', () => {
    const dir = fresh();
    const run = (input: Buffer | string, ...args: string[]) =>
      spawnSync(process.execPath, [BIN, 'render', '-', ...args], {
        cwd: dir,
        input: typeof input === 'string' ? Buffer.from(input) : input,
      });
    const spec = run(readFileSync(SEED), '-o', 'spec.svg');
    assert.equal(spec.status, 0, spec.stderr.toString());
    assert.match(
      readFileSync(join(dir, 'spec.svg'), 'utf8'),
      /<title id="[^"]+">Accuracy<\/title>/,
    );
    const csv = run(',a,b\nx,1,2\ny,3,4\n', '-o', '-', '--format', 'svg');
    assert.match(csv.stdout.toString('utf8'), /data-row="1" data-col="1" data-value="4"/);
    const npy = run(Buffer.from(writeNpy([1, 2, 3, 4], [2, 2], 'f8')), '-o', 'npy.svg');
    assert.equal(npy.status, 0, npy.stderr.toString());
    const bad = run('{"data": [[1', '-o', 'bad.svg');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr.toString(), /^heatfig: error: <stdin>:\d+:\d+: /);
  });
});

describe('messages on a terminal', () => {
  it('show control characters in file names and labels escaped', () => {
    const dir = fresh();
    const r = heatfig(dir, 'render', '\u001b[31mevil\u0007.csv', '-o', 'x.svg');
    assert.equal(r.code, 2);
    assert.ok(!r.stderr.includes('\u001b'), 'no raw escape');
    assert.match(r.stderr, /\\x1b\[31mevil\\x07\.csv/);
    writeFileSync(join(dir, 'l.csv'), ',"\u001b]0;title\u0007猫"\nrow,1\n');
    const w = heatfig(dir, 'render', 'l.csv', '-o', 'l.svg');
    assert.equal(w.code, 0);
    assert.ok(
      !w.stderr.includes('\u001b') && !w.stderr.includes('\u0007'),
      JSON.stringify(w.stderr),
    );
  });
});

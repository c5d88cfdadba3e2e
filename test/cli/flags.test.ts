/**
 * The flag table (src/cli/flags.ts): every flag lands where the table says, sets a key the
 * spec really has, and an error about an option a flag set names that flag.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { LABEL_FILE_BYTES, ticklabels } from '../../src/cli/flag-parsers.ts';
import { addFigureFlags, FIGURE_FLAGS, flagOfPath, flagValues } from '../../src/cli/flags.ts';
import { HeatfigError } from '../../src/errors.ts';
import { keysAt } from '../../src/spec/rules.ts';
import { SPEC_RULES } from '../../src/spec/spec-rules.ts';
import { ROOT, tempDir } from '../helpers.ts';

const parsed = (...argv: string[]) => {
  const cmd = addFigureFlags(new Command().exitOverride().argument('<input>'));
  cmd.parse(['in.csv', ...argv], { from: 'user' });
  return flagValues(cmd.opts());
};

describe('the flag table', () => {
  it('sets only keys the spec schema has', () => {
    const keys = keysAt(SPEC_RULES, []);
    for (const f of FIGURE_FLAGS)
      if ('spec' in f.to) assert.ok(keys.includes(f.to.spec), `${f.flags} sets ${f.to.spec}`);
    assert.ok(keys.includes('colorbar'));
  });

  it('spells each flag once', () => {
    const names = FIGURE_FLAGS.map((f) => /--[\w-]+/.exec(f.flags)![0]);
    assert.equal(new Set(names).size, names.length);
  });

  it('sorts parsed values into overrides, load options and the run', () => {
    const v = parsed(
      ...['--vmin', '-1', '--cmap', 'viridis', '--cell-width', '12', '--xrotation', 'auto'],
      ...['--cbar-label', 'score', '--extend', 'both', '--sep', '\\t', '--index-col', 'none'],
      ...['--max-input-bytes', '1000', '--no-annot'],
    );
    assert.deepEqual(v.overrides, {
      vmin: -1,
      cmap: 'viridis',
      cellWidth: 12,
      xrotation: 'auto',
      annot: false,
      colorbar: { label: 'score', extend: 'both' },
    });
    assert.deepEqual(v.load, { sep: '\t', indexCol: 'none' });
    assert.equal(v.maxInputBytes, 1000);
  });

  it('gathers the clustering flags into cluster, as seaborn names them', () => {
    assert.deepEqual(
      parsed('--cluster', 'rows', '--metric', 'cosine', '--z-score', 'col').overrides,
      {
        cluster: { rows: true, cols: false, metric: 'cosine' },
        zScore: 'col',
      },
    );
    assert.deepEqual(parsed('--method', 'ward', '--optimal-ordering').overrides, {
      cluster: { method: 'ward', optimalOrdering: true },
    });
    assert.equal(flagOfPath('cluster', 'metric', { cluster: { metric: 'cosine' } }), '--metric');
  });

  it('sets nothing for a flag not given, and --no-colorbar wins over colorbar flags', () => {
    assert.deepEqual(parsed(), { overrides: {}, load: {}, query: {} });
    assert.deepEqual(parsed('--no-colorbar', '--cbar-label', 'x').overrides, { colorbar: false });
    // The engine flags make a query source's options, --top-x and --rest its top.
    assert.deepEqual(
      parsed('--engine', 'duckdb', '--bins', '20,10', '--top-x', '5', '--rest', 'other').query,
      {
        engine: 'duckdb',
        bins: { x: 20, y: 10 },
        top: { x: 5, rest: 'other' },
      },
    );
  });

  it('finds the flag that set a spec path, and none for what the spec file set', () => {
    const overrides = { vmin: 1, colorbar: { extend: 'both' as const }, cellWidth: 3 };
    assert.equal(flagOfPath('vmin', null, overrides), '--vmin');
    assert.equal(flagOfPath('cellWidth', null, overrides), '--cell-width');
    assert.equal(flagOfPath('colorbar', 'extend', overrides), '--extend');
    assert.equal(flagOfPath('vmax', null, overrides), null);
  });
});

describe('flag values', () => {
  it('refuses a file of tick labels larger than the bound, naming the flag', () => {
    const dir = tempDir('heatfig-flags-');
    const big = join(dir, 'labels.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, LABEL_FILE_BYTES + 1);
    closeSync(fd);
    assert.throws(
      () => ticklabels('--xticklabels')(big),
      (e: unknown) =>
        e instanceof HeatfigError && e.where === '--xticklabels' && /bytes/.test(e.message),
    );
    const small = join(dir, 'ok.txt');
    writeFileSync(small, 'a\nb\n');
    assert.deepEqual(ticklabels('--xticklabels')(small), ['a', 'b']);
  });

  it('names the flag in the one-line error of the command', () => {
    const bin = join(ROOT, 'bin/heatfig.cjs');
    const spec = join(ROOT, 'examples/seed-000.json');
    const dir = tempDir('heatfig-flags-');
    const run = (...a: string[]) =>
      spawnSync(process.execPath, [bin, 'render', spec, '-o', join(dir, 'x.svg'), ...a], {
        encoding: 'utf8',
      });
    const fmt = run('--cbar-format', '.2q');
    assert.equal(fmt.status, 2);
    assert.match(fmt.stderr, /^heatfig: error: --cbar-format: /);
    const cmap = run('--cmap', 'viridiss');
    assert.equal(cmap.status, 2);
    assert.match(cmap.stderr, /^heatfig: error: --cmap: .*viridis/);
    const ward = run('--method', 'ward', '--metric', 'cosine');
    assert.equal(ward.status, 2);
    assert.equal(
      ward.stderr,
      'heatfig: error: --cluster: method "ward" is defined on Euclidean distances only, not "cosine" (as scipy\'s linkage requires); use metric "euclidean" or another method\n',
    );
    const ok = run('--cluster', 'rows', '--optimal-ordering');
    assert.equal(ok.status, 0, ok.stderr);
  });
});

// Writes V8's code cache for dist/cli.cjs (dist/cli.cjs.cache, which bin/heatfig.cjs hands to
// V8): has bin/heatfig.cjs load the bundle, runs typical renders in this one process (a
// gallery figure to SVG, an annotated grid with ordered labels to SVG and PNG), then saves
// every function compiled on the way, so a later run compiles little. Run by
// scripts/build.mjs.
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'heatfig-warm-'));
const seed = join(root, 'examples', 'seed-000.json');
// A 30×30 annotated grid with numeric labels: trends, diverging colours, many annotations.
const grid = join(tmp, 'grid.json');
writeFileSync(
  grid,
  JSON.stringify({
    data: Array.from({ length: 30 }, (_, r) =>
      Array.from({ length: 30 }, (_, c) => Math.round(Math.sin(r * 7 + c * 3) * 100) / 100),
    ),
    annot: true,
    fmt: '.2f',
    cmap: 'RdBu',
    center: 0,
  }),
);
// Few and typical: every function compiled here is deserialised at each start, so a larger
// cache (all the examples, HTML, describe) made small renders slower, not faster.
const runs = [
  ['render', seed, '-o', join(tmp, 'seed.svg')],
  ['render', grid, '-o', join(tmp, 'grid.svg')],
  ['render', grid, '-o', join(tmp, 'grid.png')],
];

// The bundle, loaded by the bin itself (no cache yet: the build has just written it).
globalThis.__heatfigWarmUp = true;
const { script, cli, cacheFile } = require('../bin/heatfig.cjs');
(async () => {
  for (const argv of runs) {
    const code = await cli.main(argv);
    if (code !== 0) throw new Error(`warm-up: heatfig ${argv.join(' ')} exited ${code}`);
  }
  writeFileSync(cacheFile, script.createCachedData());
  rmSync(tmp, { recursive: true, force: true });
})().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});

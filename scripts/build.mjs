// Run with tsx (node --import tsx), which lets it share the browser bundle options with src/.
// Bundles the CLI into dist/cli.cjs so `heatfig` starts fast: one minified file with the
// pure-JavaScript dependencies inside (zod, commander, fflate, d3-array); resvg (native),
// pdfkit and the font stay external, and PNG/PDF code runs (and loads resvg or pdfkit) only
// when an output needs it. Then one warm-up run writes V8's code cache beside it
// (dist/cli.cjs.cache), which bin/heatfig.js hands to V8 so nothing is parsed twice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { browserBundleOptions } from '../src/render/html/bundle.ts';

rmSync('dist', { recursive: true, force: true });
// The HTML view's scripts, bundled for browsers and inlined into the CLI as strings.
const browser = (entry) => build(browserBundleOptions(entry)).then((r) => r.outputFiles[0].text);
const viewer = await browser('src/render/html/viewer.ts');
const preview = await browser('src/render/html/preview.ts');
await build({
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['@resvg/resvg-js', 'pdfkit', 'dejavu-fonts-ttf'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: {
    'import.meta.url': '__heatfigUrl',
    __HEATFIG_VIEWER__: JSON.stringify(viewer),
    __HEATFIG_PREVIEW__: JSON.stringify(preview),
  },
  banner: { js: "const __heatfigUrl = require('node:url').pathToFileURL(__filename).href;" },
});
const tmp = mkdtempSync(join(tmpdir(), 'heatfig-build-'));
execFileSync(
  process.execPath,
  ['bin/heatfig.js', 'render', 'examples/seed-000.json', '-o', join(tmp, 'warm.svg')],
  {
    env: { ...process.env, HEATFIG_WRITE_CODE_CACHE: '1' },
    stdio: 'inherit',
  },
);
rmSync(tmp, { recursive: true, force: true });

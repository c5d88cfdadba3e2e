// Run with tsx (node --import tsx), which lets it share the browser bundle options with src/.
// Bundles the CLI into dist/cli.cjs so `heatfig` starts fast: one minified file with the
// pure-JavaScript dependencies inside (commander, fflate, d3-array); resvg (native), pdfkit and
// the font stay external, and PNG/PDF code runs (and loads resvg or pdfkit) only when an
// output needs it. Then a warm-up of typical renders writes V8's code cache beside it
// (dist/cli.cjs.cache), which bin/heatfig.cjs hands to V8 so nothing is compiled twice.
//
// Start-up is most of a small render, so what a render does not need is kept out of it:
// - zod: specs are checked with the rules generated from the zod schema (src/spec/rules.ts),
//   and `heatfig schema` prints the committed schema/heatfig.schema.json (a test checks it is
//   what zod generates), so the bundle holds no zod at all;
// - fflate (PNG deflate for browsers, .npz) and node:child_process (commander runs external
//   subcommands with it, which heatfig has none of) are evaluated on first use.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, transformSync } from 'esbuild';
import { browserBundleOptions, EAGER_COMPILE } from '../src/view/bundle.ts';

const schemaJson = readFileSync('schema/heatfig.schema.json', 'utf8');

const startUp = {
  name: 'start-up',
  setup(b) {
    // schema.ts builds zod objects when evaluated, which esbuild must assume has effects.
    b.onResolve({ filter: /\/spec\/schema\.ts$/ }, (a) => ({
      path: join(a.resolveDir, a.path),
      sideEffects: false,
    }));
    b.onLoad({ filter: /[\\/]src[\\/]cli[\\/]schema-text\.ts$/ }, () => ({
      contents: `export const schemaText = () => ${JSON.stringify(schemaJson)};`,
      loader: 'js',
    }));
    // fflate builds its Huffman tables when evaluated: a module that calls through to the
    // CommonJS build, which esbuild wraps to run on the first require.
    b.onResolve({ filter: /^fflate$/ }, (a) =>
      a.namespace === 'lazy' ? undefined : { path: 'fflate', namespace: 'lazy' },
    );
    b.onLoad({ filter: /^fflate$/, namespace: 'lazy' }, () => ({
      contents: `let f;
const get = () => (f ??= require('fflate'));
export const zlibSync = (...a) => get().zlibSync(...a);
export const unzipSync = (...a) => get().unzipSync(...a);
export const unzlibSync = (...a) => get().unzlibSync(...a);
export const Inflate = function (...a) { return new (get().Inflate)(...a); };`,
      resolveDir: process.cwd(),
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (a) => {
      const text = readFileSync(a.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager))
        throw new Error('build: commander no longer loads child_process as expected');
      const lazy =
        "let cp; const childProcess = new Proxy({}, { get: (_, k) => (cp ??= require('node:child_process'))[k] });";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
// The HTML view's scripts, bundled for browsers into files beside the CLI, which reads them
// only when it writes a page.
const browser = (entry) => build(browserBundleOptions(entry)).then((r) => r.outputFiles[0].text);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/heatfig-viewer.js', await browser('src/view/viewer.ts'));
writeFileSync('dist/heatfig-preview.js', await browser('src/view/preview.ts'));
await build({
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [
    '@resvg/resvg-js',
    'pdfkit',
    'fontkit',
    '@duckdb/node-api',
    '@clickhouse/client',
    'apache-arrow',
    'tesseract.js',
    '@tesseract.js-data/eng',
  ],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [startUp],
  define: {
    'import.meta.url': '__heatfigUrl',
    __HEATFIG_BUNDLED__: 'true',
    __HEATFIG_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
  banner: { js: "const __heatfigUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The library: ES modules with declarations and declaration maps (dist/lib), compiled by
// tsc from src/ (the CLI apart); the viewer's scripts beside view/page.js, which reads
// them; a CommonJS build for require() on Node 20 (dist/cjs); and one browser ES module for
// CDNs and notebooks (dist/browser/heatfig.js).
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
// The modules' code without the source's comments (the declarations keep their docs): the
// comments were two fifths of dist/lib, shipped twice over with the bundles made from it.
// esbuild reprints each module as it is (ES2022, its imports as they are), licences kept.
for (const f of readdirSync('dist/lib', { recursive: true })) {
  if (!f.endsWith('.js')) continue;
  const path = join('dist/lib', f);
  const { code } = transformSync(readFileSync(path, 'utf8'), {
    loader: 'js',
    target: 'es2022',
    legalComments: 'inline',
  });
  writeFileSync(path, code);
}
for (const dir of ['dist/lib/view', 'dist/cjs']) {
  mkdirSync(dir, { recursive: true });
  for (const f of ['heatfig-viewer.js', 'heatfig-preview.js'])
    writeFileSync(join(dir, f), readFileSync(join('dist', f)));
}
for (const name of ['index', 'node']) {
  await build({
    entryPoints: [`dist/lib/${name}.js`],
    outfile: `dist/cjs/${name}.cjs`,
    bundle: true,
    packages: 'external',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    define: { 'import.meta.url': '__heatfigUrl' },
    banner: { js: "const __heatfigUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}
// The browser ES modules, for pages and notebooks without a bundler: the core, and
// heatfig/view's mount() and heatfig/element's <heat-fig>. The view's two start with V8's
// compile hint (view/bundle.ts): a mount runs most of them. The core's renders run a small
// part of it, and compiling all of it first would cost them.
for (const [entry, out, eager] of [
  ['index', 'heatfig', false],
  ['view/mount', 'heatfig-view', true],
  ['view/element', 'heatfig-element', true],
])
  await build({
    entryPoints: [`dist/lib/${entry}.js`],
    outfile: `dist/browser/${out}.js`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    ...(eager ? { banner: { js: EAGER_COMPILE } } : {}),
  });
// V8's code cache from a warm-up run of typical renders (scripts/warm-cache.cjs): for this
// checkout only (the package does not ship it: it depends on the Node version and the path).
execFileSync(process.execPath, ['scripts/warm-cache.cjs'], { stdio: 'inherit' });

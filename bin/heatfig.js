#!/usr/bin/env node
// The heatfig command: runs dist/cli.cjs (built by `npm install`, scripts/build.mjs) with
// V8's code cache from dist/cli.cjs.cache when it matches this Node, so the bundle is not
// parsed and compiled again on every start.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
if (!existsSync(file)) {
  process.stderr.write(
    'heatfig: error: dist/cli.cjs is missing; run "npm run build" (npm install does it) first\n',
  );
  process.exit(2);
}
const cacheFile = `${file}.cache`;
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
  filename: file,
  cachedData,
});
const module = { exports: {} };
script.runInThisContext()(
  module.exports,
  createRequire(file),
  module,
  file,
  fileURLToPath(new URL('../dist', import.meta.url)),
);
if (process.env.HEATFIG_WRITE_CODE_CACHE) {
  process.once('beforeExit', () => writeFileSync(cacheFile, script.createCachedData()));
}

#!/usr/bin/env node
// The heatfig command: runs dist/cli.cjs (built by `npm install`, scripts/build.mjs) with
// V8's code cache from dist/cli.cjs.cache (scripts/warm-cache.cjs) when it matches this
// Node, so the bundle is not parsed and compiled again on every start. CommonJS, so Node
// starts it without its ES module loader (a few milliseconds of every run).
const { existsSync, readFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const dir = join(__dirname, '..', 'dist');
const file = join(dir, 'cli.cjs');
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
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dir);
// For scripts/warm-cache.cjs, which loads the bundle the same way and saves the code cache.
module.exports = { script, cli: cli.exports, cacheFile };

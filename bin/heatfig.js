#!/usr/bin/env node
// The heatfig command. `npm install` builds dist/ (scripts/build.mjs, run by "prepare").
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'heatfig: error: dist/cli.js is missing; run "npm run build" (npm install does it) first\n',
  );
  process.exitCode = 2;
}

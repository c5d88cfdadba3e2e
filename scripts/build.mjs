// Bundles the CLI into dist/ so `heatfig` starts without compiling TypeScript.
// Dependencies stay external (resvg is native); PNG and PDF code is split out and loaded
// only when an output needs it.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/run.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

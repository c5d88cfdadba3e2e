import { main } from './main.ts';

export { main };

// scripts/warm-cache.cjs loads the bundle to run several renders in one process.
if (!process.env['HEATFIG_WARM_UP']) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

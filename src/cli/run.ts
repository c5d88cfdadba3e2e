import { main } from './main.ts';

export { main };

// scripts/warm-cache.cjs loads the bundle to run several renders in one process.
// scripts/warm-cache.cjs sets a global (not an environment variable, which a user could set by
// chance and silence every command) to load the bundle without running it.
if (!(globalThis as { __heatfigWarmUp?: boolean }).__heatfigWarmUp) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * V8's explicit compile hint (Chrome 136+), the first line of a script: compile every
 * function as the script loads, not on its first call. A view runs most of its bundle as it
 * mounts, and lazy compiling it on the main thread was the larger part of a cold mount
 * (bench/mount.ts: about a third of it). Other engines read it as a comment.
 */
export const EAGER_COMPILE = '//# allFunctionsCalledOnLoad';

/**
 * How the view's browser scripts are bundled: the HTML page's (by scripts/build.mjs, or from
 * source by view/page.ts) and the tests'. `eager` starts the script with the compile hint.
 */
export function browserBundleOptions(entry: string, { eager = true } = {}) {
  return {
    entryPoints: [entry],
    bundle: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    target: 'chrome100',
    minify: true,
    write: false as const,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
    ...(eager ? { banner: { js: EAGER_COMPILE } } : {}),
  };
}

/** How the HTML view's browser scripts are bundled (by scripts/build.mjs, or from source by render/html.ts). */
export function browserBundleOptions(entry: string) {
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
  };
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The font file the package ships (fonts/DejaVuSans.ttf, DejaVu's licence beside it): every
 * PNG and PDF is drawn with it, on every machine. Found by walking up from this module, which
 * sits at a different depth in the sources, the compiled package and the CLI bundle. Its own
 * module, so the PDF writer does not load the PNG writer (and resvg) to learn it.
 */
export const FONT_FILE: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const f = join(dir, 'fonts', 'DejaVuSans.ttf');
    if (existsSync(f)) return f;
    dir = dirname(dir);
  }
  throw new Error('heatfig: fonts/DejaVuSans.ttf is missing from the package');
})();

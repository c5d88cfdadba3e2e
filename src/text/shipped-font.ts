import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's fonts/ folder (DejaVu Sans, regular and bold, and the other shipped families,
 * licences beside them): every PNG and PDF is drawn with its files, on every machine. Found by
 * walking up from this module, which sits at a different depth in the sources, the compiled
 * package and the CLI bundle. Its own module, so the PDF writer does not load the PNG writer
 * (and resvg) to learn it.
 */
export const FONTS_DIR: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'fonts', 'DejaVuSans.ttf'))) return join(dir, 'fonts');
    dir = dirname(dir);
  }
  throw new Error('heatfig: fonts/DejaVuSans.ttf is missing from the package');
})();

/** DejaVu Sans, the default face. */
export const FONT_FILE: string = join(FONTS_DIR, 'DejaVuSans.ttf');
/** DejaVu Sans Bold: highlighted cell text. */
export const BOLD_FONT_FILE: string = join(FONTS_DIR, 'DejaVuSans-Bold.ttf');

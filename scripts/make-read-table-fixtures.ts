/**
 * Tables coloured as heatmaps, screenshotted as users pass them on (issue 20): pandas
 * Styler tables (scripts/make-read-table-fixtures.py writes their HTML with Debian's
 * python3-pandas) drawn by Debian's Chromium and saved as the table element's PNG, at 1 and
 * 2 device pixels a CSS px (a laptop's screen and a high-density one); the caption's table at
 * 1× and the confusion matrix's at 2× also as JPEGs at quality 75 (Chromium's own encoder),
 * which the reader refuses.
 *
 * Run: node --import tsx scripts/make-read-table-fixtures.ts (writes
 * test/fixtures/read/styler-*.png, and the two .jpg, beside the JSON the Python script writes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test/fixtures/read');
const dir = mkdtempSync(join(tmpdir(), 'heatfig-tables-'));
/** Tables also saved as JPEG: columns of unequal widths, which a lossy image does not let be evened. */
const JPEG = new Set(['styler-jupyter-caption-6x5', 'styler-jupyter-confusion-5x5-2x']);
try {
  execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/make-read-table-fixtures.py'), dir], {
    stdio: 'inherit',
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  for (const scale of [1, 2]) {
    const page = await browser.newPage({
      viewport: { width: 900, height: 600 },
      deviceScaleFactor: scale,
    });
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      await page.goto(`file://${join(dir, file)}`);
      const name = file.replace(/\.html$/, '') + (scale === 2 ? '-2x' : '');
      await page.locator('table').screenshot({ path: join(OUT, `${name}.png`) });
      if (JPEG.has(name))
        await page
          .locator('table')
          .screenshot({ path: join(OUT, `${name}.jpg`), type: 'jpeg', quality: 75 });
    }
    await page.close();
  }
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

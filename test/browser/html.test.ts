/**
 * The HTML view in real Chromium (Debian's /usr/bin/chromium through playwright-core, headless,
 * never a downloaded browser): each seed figure opens from file:// with no console error and
 * no network request; hover, keyboard, zoom and colours are checked against the figure.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { outputBytes, renderSpec } from '../../src/node.ts';
import type { RectPrimitive } from '../../src/scene/types.ts';
import type { Spec } from '../../src/spec/spec-type.ts';
import { writeNpy } from '../data/writers.ts';
import { CHROMIUM, decodePng, launchChromium, ROOT, tempDir } from '../helpers.ts';

const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is not installed (.ci/run installs Debian's chromium)`;
const dir = tempDir('heatfig-html-');
let browser: Browser;

before(async () => {
  if (skip) return;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function writeHtml(name: string, spec: string | Spec): Promise<string> {
  const result = renderSpec(spec, { format: 'html' });
  const path = join(dir, `${name}.html`);
  writeFileSync(path, await outputBytes(result, 'html'));
  return path;
}

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
    deviceScaleFactor: 1,
  });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
  });
  await page.goto(`file://${path}`);
  await page.waitForSelector('#hf-canvas[data-ready="1"]');
  return { page, errors, requests };
}

type ViewInfo = {
  layout: {
    panels: { x: number; y: number; cw: number; ch: number; rows: number; cols: number }[];
  };
  window: { c0: number; c1: number; r0: number; r1: number };
};
const viewOf = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { heatfig: { view(): unknown } }).heatfig.view(),
  ) as Promise<ViewInfo>;

/** Hovers the middle of a cell of the view (panel `p`, row `r`, column `c`); gives the tooltip's text. */
async function hoverer(page: Page) {
  const { layout } = await viewOf(page);
  const box = (await (await page.$('#hf-canvas'))!.boundingBox())!;
  return async (r: number, c: number, p = 0) => {
    const b = layout.panels[p]!;
    await page.mouse.move(box.x + b.x + (c + 0.5) * b.cw, box.y + b.y + (r + 0.5) * b.ch);
    return page.textContent('#hf-tip');
  };
}

describe('HTML view in Chromium', { skip }, () => {
  for (const seed of ['000', '001', '002', '003', '004']) {
    it(`seed ${seed}: opens offline with no error and no request, and shows each cell's colour`, async () => {
      const spec = join(ROOT, `examples/seed-${seed}.json`);
      const { page, errors, requests } = await open(await writeHtml(`seed-${seed}`, spec));
      try {
        assert.deepEqual(errors, []);
        assert.deepEqual(requests, []);
        const { scene } = renderSpec(spec);
        const view = await viewOf(page);
        const canvas = (await page.$('#hf-canvas'))!;
        const box = (await canvas.boundingBox())!;
        const shot = decodePng(new Uint8Array(await canvas.screenshot()));
        const cells = scene.primitives.filter(
          (p): p is RectPrimitive => p.type === 'rect' && p.role === 'cell',
        );
        assert.ok(cells.length > 0);
        for (const c of cells.filter((_, i) => i % 7 === 0)) {
          const b = view.layout.panels[c.cell!.panel]!;
          const x = Math.floor(b.x + c.cell!.col * b.cw + Math.min(2, b.cw / 2));
          const y = Math.floor(b.y + c.cell!.row * b.ch + Math.min(2, b.ch / 2));
          const i = (y * shot.width + x) * 4;
          const got = `#${[0, 1, 2].map((k) => shot.rgba[i + k]!.toString(16).padStart(2, '0')).join('')}`;
          assert.equal(got, c.fill, `cell ${JSON.stringify(c.cell)} at ${x},${y}`);
        }
        void box;
      } finally {
        await page.close();
      }
    });
  }

  it('hover shows the row, column and value of the cell, and missing cells say so', async () => {
    const { page } = await open(await writeHtml('hover', join(ROOT, 'examples/seed-001.json')));
    try {
      const at = await hoverer(page);
      assert.equal(await at(0, 0), 'Type h, Length 0, value 96.7%');
      assert.equal(await at(4, 10), 'Type u, Length 10, value 89.7%');
      assert.equal(await at(0, 19), 'Type h, Length 19, missing');
    } finally {
      await page.close();
    }
  });

  it('hover and the axes name positions with the labels given (xticklabels/yticklabels lists)', async () => {
    const spec: Spec = {
      data: [
        [1, 2],
        [3, 4],
      ],
      xlabel: 'Column',
      ylabel: 'Row',
      xticklabels: ['left', 'right'],
      yticklabels: ['top', 'bottom'],
      fmt: '.1f',
    };
    const { page } = await open(await writeHtml('ticklabels', spec));
    try {
      const { layout } = await viewOf(page);
      const b = layout.panels[0]!;
      const box = (await (await page.$('#hf-canvas'))!.boundingBox())!;
      await page.mouse.move(box.x + b.x + 1.5 * b.cw, box.y + b.y + 0.5 * b.ch);
      assert.equal(await page.textContent('#hf-tip'), 'Row top, Column right, value 2.0');
      const texts = (await page.evaluate(
        () =>
          (
            window as unknown as {
              heatfig: { view(): { layout: { texts: { role: string; text: string }[] } } };
            }
          ).heatfig.view().layout.texts,
      )) as { role: string; text: string }[];
      const of = (role: string) => texts.filter((t) => t.role === role).map((t) => t.text);
      assert.deepEqual(of('xtick'), ['left', 'right']);
      assert.deepEqual(of('ytick'), ['top', 'bottom']);
    } finally {
      await page.close();
    }
  });

  it('the keyboard moves a cursor and the live region announces row, column and value', async () => {
    const { page } = await open(await writeHtml('keys', join(ROOT, 'examples/seed-000.json')));
    try {
      await page.focus('#hf-canvas');
      assert.equal(await page.textContent('#hf-live'), 'digit_b 1, digit_a 1, value 1.00');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.textContent('#hf-live'), 'digit_b 1, digit_a 2, value 0.92');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.textContent('#hf-live'), 'digit_b 4, digit_a 2, value 0.99');
      await page.keyboard.press('End');
      assert.equal(await page.textContent('#hf-live'), 'digit_b 4, digit_a 5, value 0.93');
      await page.keyboard.press('PageUp');
      await page.keyboard.press('Home');
      assert.equal(await page.textContent('#hf-live'), 'digit_b 3, digit_a 1, value 1.00');
    } finally {
      await page.close();
    }
  });

  it('facets: hover names the facet, a masked cell says so, and arrows move to the facet beside', async () => {
    // 2 layers × 2 heads of 3 × 3 (a 4-D array), causal mask: cell (r, c) of facet p is p + r/10 + c/100.
    const values = Array.from(
      { length: 36 },
      (_, i) => Math.floor(i / 9) + (Math.floor(i / 3) % 3) / 10 + (i % 3) / 100,
    );
    const npy = join(dir, 'facets.npy');
    writeFileSync(npy, writeNpy(values, [2, 2, 3, 3], 'f8'));
    const spec: Spec = {
      data: { file: npy },
      facet: { rowTitle: 'layer', colTitle: 'head' },
      xlabel: 'key',
      ylabel: 'query',
      mask: 'upper',
      fmt: '.2f',
    };
    const { page, errors } = await open(await writeHtml('facets', spec));
    try {
      const { layout } = await viewOf(page);
      assert.equal(layout.panels.length, 4);
      const box = (await (await page.$('#hf-canvas'))!.boundingBox())!;
      const at = async (p: number, r: number, c: number) => {
        const b = layout.panels[p]!;
        await page.mouse.move(box.x + b.x + (c + 0.5) * b.cw, box.y + b.y + (r + 0.5) * b.ch);
        return page.textContent('#hf-tip');
      };
      assert.equal(await at(3, 2, 1), 'layer = 1 | head = 1, query 2, key 1, value 3.21');
      assert.equal(await at(1, 0, 2), 'layer = 0 | head = 1, query 0, key 2, masked');
      await page.focus('#hf-canvas');
      assert.equal(
        await page.textContent('#hf-live'),
        'layer = 0 | head = 0, query 0, key 0, value 0.00',
      );
      // Right from the last column of facet 0 enters facet 1; down from its last row, facet 3.
      for (const k of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(k);
      assert.equal(
        await page.textContent('#hf-live'),
        'layer = 0 | head = 1, query 0, key 0, value 1.00',
      );
      for (const k of ['ArrowDown', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(k);
      assert.equal(
        await page.textContent('#hf-live'),
        'layer = 1 | head = 1, query 0, key 0, value 3.00',
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('categories: the legend is drawn, hover names the category, and the range cannot be typed', async () => {
    const spec: Spec = {
      data: [
        [0, 1, 2],
        [2, 1.5, 0],
      ],
      categories: ['cat', 'dog', 'bird'],
      colorbar: { label: 'animal' },
    };
    const { page, errors } = await open(await writeHtml('categories', spec));
    try {
      const at = await hoverer(page);
      assert.equal(await at(0, 2), 'row 0, column 2, category bird');
      assert.equal(await at(1, 1), 'row 1, column 1, value 1.5, no category');
      assert.equal(await page.isDisabled('#hf-vmin'), true);
      // The legend's swatches in the categories' tab10 colours, beside the grid.
      const { scene } = renderSpec(spec);
      const shot = decodePng(new Uint8Array(await (await page.$('#hf-canvas'))!.screenshot()));
      const swatches = scene.primitives.filter((p) => p.type === 'rect' && p.role === 'swatch');
      assert.deepEqual(
        swatches.map((p) => (p as RectPrimitive).fill),
        ['#1f77b4', '#ff7f0e', '#2ca02c'],
      );
      for (const sw of swatches as RectPrimitive[]) {
        const i = (Math.floor(sw.y + sw.h / 2) * shot.width + Math.floor(sw.x + sw.w / 2)) * 4;
        const got = `#${[0, 1, 2].map((k) => shot.rgba[i + k]!.toString(16).padStart(2, '0')).join('')}`;
        assert.equal(got, sw.fill);
      }
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('wheel and box-drag zoom change the visible range; double-click resets it', async () => {
    const values = Array.from({ length: 60 }, (_, r) =>
      Array.from({ length: 80 }, (_, c) => Math.sin(r / 7) + Math.cos(c / 9)),
    );
    const { page } = await open(await writeHtml('zoom', { data: values }));
    try {
      const box = (await (await page.$('#hf-canvas'))!.boundingBox())!;
      const { layout } = await viewOf(page);
      const b = layout.panels[0]!;
      await page.mouse.move(box.x + b.x + 40 * b.cw, box.y + b.y + 30 * b.ch);
      await page.mouse.wheel(0, -200);
      let w = (await viewOf(page)).window;
      assert.ok(w.c1 - w.c0 < 80 && w.r1 - w.r0 < 60, JSON.stringify(w));
      await page.mouse.dblclick(box.x + b.x + 5, box.y + b.y + 5);
      w = (await viewOf(page)).window;
      assert.deepEqual(w, { c0: 0, c1: 80, r0: 0, r1: 60 });
      await page.mouse.move(box.x + b.x + 10.5 * b.cw, box.y + b.y + 5.5 * b.ch);
      await page.mouse.down();
      await page.mouse.move(box.x + b.x + 19.5 * b.cw, box.y + b.y + 14.5 * b.ch, { steps: 5 });
      await page.mouse.up();
      w = (await viewOf(page)).window;
      assert.deepEqual(w, { c0: 10, c1: 20, r0: 5, r1: 15 });
      const tipAfter = async () => {
        const l = (await viewOf(page)).layout.panels[0]!;
        await page.mouse.move(box.x + l.x + 0.5 * l.cw, box.y + l.y + 0.5 * l.ch);
        return page.textContent('#hf-tip');
      };
      assert.match((await tipAfter())!, /^row 5, column 10, value /);
    } finally {
      await page.close();
    }
  });

  it('shows labels as text: markup in labels runs nothing, and the page forbids network access', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const path = await writeHtml('xss', {
      title: '</script><script>window.__pwned=2</script>',
      data: { values: [[1, 2]], rows: [evil], cols: ['&amp;', '"q"'] },
    });
    const { page, errors, requests } = await open(path);
    try {
      assert.equal(
        await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
        undefined,
      );
      assert.deepEqual(requests, []);
      assert.deepEqual(errors, []);
      await page.focus('#hf-canvas');
      assert.equal(await page.textContent('#hf-live'), `row ${evil}, column &amp;, value 1`);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp!, /default-src 'none'/);
      assert.ok(!/connect-src|https?:/.test(csp!));
    } finally {
      await page.close();
    }
  });

  it('changes the colour range and the colormap from its controls', async () => {
    const { page } = await open(await writeHtml('controls', join(ROOT, 'examples/seed-000.json')));
    try {
      const pixel = async () => {
        const { layout } = await viewOf(page);
        const b = layout.panels[0]!;
        const shot = decodePng(new Uint8Array(await (await page.$('#hf-canvas'))!.screenshot()));
        const i = (Math.floor(b.y + 2) * shot.width + Math.floor(b.x + 2)) * 4;
        return [...shot.rgba.subarray(i, i + 3)].join(',');
      };
      const before = await pixel();
      await page.selectOption('#hf-cmap', 'viridis');
      const afterCmap = await pixel();
      assert.notEqual(afterCmap, before);
      assert.equal(afterCmap, '253,231,37'); // viridis' top colour for the 1.00 cell
      await page.fill('#hf-vmax', '2');
      await page.dispatchEvent('#hf-vmax', 'change');
      assert.notEqual(await pixel(), afterCmap);
    } finally {
      await page.close();
    }
  });

  it('draws a large grid at once from a preview, the same picture the full data then gives', async () => {
    const n = 1500; // 2.25 M cells: a preview, then every cell
    const values = Array.from(
      { length: n * n },
      (_, i) => Math.sin(i / 977) + ((i * 7919) % 101) / 500,
    );
    const npy = join(dir, 'big.npy');
    writeFileSync(npy, writeNpy(values, [n, n], 'f4'));
    const path = await writeHtml('big', { data: npy });
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1300 },
      deviceScaleFactor: 1,
    });
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // Not awaited before the preview is looked at; awaited before the page is closed (a
      // load still under way when it closed failed the run with an unhandled rejection).
      const loaded = page.goto(`file://${path}`);
      loaded.catch(() => {});
      // A function, not a string: the page's CSP forbids evaluating a string once it has
      // loaded (a run failed with an EvalError so).
      await page.waitForFunction(
        () => (window as unknown as { heatfigDrawn?: boolean }).heatfigDrawn,
      );
      // The viewer mounts in the preview's place (a canvas of its own): the same region of
      // the page is compared, not one element.
      const clip = (await page.locator('#hf-host').boundingBox())!;
      const first = await page.screenshot({ clip });
      await page.waitForSelector('#hf-canvas[data-ready="1"]');
      const last = await page.screenshot({ clip });
      await loaded;
      assert.deepEqual(errors, []);
      assert.ok(
        Buffer.compare(Buffer.from(first), Buffer.from(last)) === 0,
        'preview and full view differ',
      );
      const { window: w } = await viewOf(page);
      assert.deepEqual(w, { c0: 0, c1: n, r0: 0, r1: n });
    } finally {
      await page.close();
    }
  });

  it('is small for a small grid, and carries the description for screen readers', async () => {
    const path = await writeHtml('size', join(ROOT, 'examples/seed-000.json'));
    const { page } = await open(path);
    try {
      const size = (await page.evaluate(() => document.documentElement.outerHTML.length)) as number;
      // The viewer is most of it (the core, bundled, with DejaVu Sans's metrics and, since
      // highlighted text is bold, 2 kB of DejaVu Sans Bold's; the norms, legends and colorbar
      // placements of issue 16 added 4 kB; the viewer made general, the one mount() uses,
      // issue 17, 1 kB; drawing dendrograms and colour bars, issue 18, 3.5 kB; the view's
      // annotations drawn without a primitive each, issue 17, about 1 kB); the data of a
      // small grid adds little.
      assert.ok(size < 124_000, `${size} bytes`);
      assert.match(
        (await page.textContent('#hf-desc'))!,
        /Only 2 of 5 diagonal cells are the largest of their row and column/,
      );
      assert.equal(await page.$$eval('#hf-desc table tr', (rows) => rows.length), 6);
    } finally {
      await page.close();
    }
  });
});

describe('the SVG in Chromium', { skip }, () => {
  it('centres each annotation on its cell, at the size and anchor its group gives it', async () => {
    const result = renderSpec(join(ROOT, 'examples/seed-000.json'));
    const path = join(dir, 'seed-000.svg');
    writeFileSync(path, result.output);
    const page = await browser.newPage({ viewport: { width: 600, height: 600 } });
    try {
      await page.goto(`file://${path}`);
      const boxes = (await page.$$eval('g.annot text', (ts) =>
        ts.map((t) => {
          const b = (t as SVGTextElement).getBBox();
          return { x: b.x + b.width / 2, h: b.height, size: getComputedStyle(t).fontSize };
        }),
      )) as { x: number; h: number; size: string }[];
      const annots = result.scene.primitives.filter((p) => p.type === 'text' && p.role === 'annot');
      assert.equal(boxes.length, annots.length);
      boxes.forEach((b, i) => {
        const t = annots[i]!;
        assert.ok(t.type === 'text');
        assert.ok(Math.abs(b.x - t.x) < 1, `annotation ${i} centred at ${b.x}, cell at ${t.x}`);
        assert.equal(b.size, `${t.size}px`);
      });
    } finally {
      await page.close();
    }
  });
});

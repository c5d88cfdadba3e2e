/**
 * heatfig in the page (issue 17): mount() into an element of a page opened from a local
 * file in real Chromium (Debian's, headless), under a strict CSP (no inline script, no
 * eval). Hover and click fire with the right cell, a dragged box selects and zooms, the
 * keyboard cursor is announced, update redraws in place, destroy leaves no listener behind,
 * and two views on one page keep their own state.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { browserBundleOptions } from '../../src/view/bundle.ts';
import type { mount, ViewHandle } from '../../src/view/mount.ts';
import { CHROMIUM, launchChromium, ROOT, tempDir } from '../helpers.ts';

const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is not installed (.ci/run installs Debian's chromium)`;
const dir = tempDir('heatfig-mount-');
let browser: Browser;

before(async () => {
  if (skip) return;
  browser = await launchChromium();
  // The page's own script: mount() bundled for browsers, exposed for the test to call.
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { mount } from ${JSON.stringify(join(ROOT, 'src/view/mount.ts'))};\n(window as unknown as { heatfigMount: typeof mount }).heatfigMount = mount;\n`,
  );
  const out = await build(browserBundleOptions(entry));
  writeFileSync(join(dir, 'mount.js'), out.outputFiles[0]!.text);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' file:; img-src data: blob:">
<title>mount</title></head>
<body><div id="a"></div><div id="b"></div><script src="mount.js"></script></body></html>
`,
  );
});
after(async () => {
  await browser?.close();
});

/** An event's detail: a cell, a box of two cells, or a window. */
type Detail = Record<string, unknown> & {
  from: Record<string, unknown>;
  to: Record<string, unknown>;
};

/** What the test page holds: mount(), each view's handle and the events it fired. */
interface TestPage {
  heatfigMount: typeof mount;
  handles: Record<string, ViewHandle>;
  // Each event's detail, as the handler got it (a cell, a box or a window).
  events: Record<string, [string, Detail][]>;
}

const spec = {
  data: {
    values: [
      [0.1, 0.9, 0.5],
      [0.7, 0.3, 0.2],
    ],
    rows: ['r0', 'r1'],
    cols: ['a', 'b', 'c'],
  },
  title: 'Two by three',
  fmt: '.2f',
};

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 1200, height: 900 },
    deviceScaleFactor: 1,
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${join(dir, 'index.html')}`);
  await page.waitForFunction(() => 'heatfigMount' in window);
  return { page, errors };
}

/** Mounts the spec into #id, recording its events in window.events[id]. */
const mountIn = (page: Page, id: string, s: object = spec) =>
  page.evaluate(
    ([id, s]) => {
      const w = window as unknown as Record<string, any>;
      w['events'] ??= {};
      const log: unknown[] = [];
      w['events'][id] = log;
      const h = w['heatfigMount'](document.getElementById(id), s);
      for (const e of ['hover', 'click', 'select', 'zoom'])
        h.on(e, (d: unknown) => log.push([e, d]));
      w['handles'] ??= {};
      w['handles'][id] = h;
    },
    [id, s] as const,
  );

/** The middle of cell (r, c) of #id's view, in page coordinates. */
async function cellPoint(page: Page, id: string, r: number, c: number) {
  const box = (await page.locator(`#${id} canvas[role="application"]`).boundingBox())!;
  // The cells' box from the scene the view drew: its first panel.
  const p = await page.evaluate((id) => {
    const svg = (window as unknown as TestPage).handles[id]!.toSVG() as string;
    const m =
      /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="#[0-9a-f]{6}" data-panel="0" data-row="0" data-col="0"/.exec(
        svg,
      )!;
    return { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) };
  }, id);
  return { x: box.x + p.x + (c + 0.5) * p.w, y: box.y + p.y + (r + 0.5) * p.h };
}

const events = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as TestPage).events[id]!, id);

describe('mount() in Chromium', { skip }, () => {
  it('draws into the element under a strict CSP; hover and click fire with the cell', async () => {
    const { page, errors } = await open();
    try {
      await mountIn(page, 'a');
      // The figure's, with its annotations, and the overlay of hover and cursor over it.
      assert.equal(await page.locator('#a canvas').count(), 2);
      const at = await cellPoint(page, 'a', 1, 0);
      await page.mouse.move(at.x, at.y);
      assert.equal(
        await page.locator('#a [role="tooltip"]').textContent(),
        'row r1, column a, value 0.70',
      );
      await page.mouse.down();
      await page.mouse.up();
      const got = await events(page, 'a');
      const hover = got.find(([e]) => e === 'hover')![1];
      assert.deepEqual(
        {
          row: hover.row,
          col: hover.col,
          rowLabel: hover.rowLabel,
          colLabel: hover.colLabel,
          value: hover.value,
        },
        { row: 1, col: 0, rowLabel: 'r1', colLabel: 'a', value: 0.7 },
      );
      const click = got.find(([e]) => e === 'click')![1];
      assert.equal(click.text, 'row r1, column a, value 0.70');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('a dragged box fires select and zoom; the keyboard cursor is announced', async () => {
    const { page } = await open();
    try {
      await mountIn(page, 'a');
      const from = await cellPoint(page, 'a', 0, 0);
      const to = await cellPoint(page, 'a', 1, 1);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 4 });
      await page.mouse.up();
      const got = await events(page, 'a');
      const select = got.find(([e]) => e === 'select')![1];
      assert.deepEqual(
        [select.from.row, select.from.col, select.to.row, select.to.col],
        [0, 0, 1, 1],
      );
      assert.deepEqual(got.find(([e]) => e === 'zoom')![1], { r0: 0, r1: 2, c0: 0, c1: 2 });
      await page.focus('#a canvas[role="application"]');
      await page.keyboard.press('ArrowRight');
      assert.equal(
        await page.locator('#a [aria-live]').textContent(),
        'row r0, column b, value 0.90',
      );
    } finally {
      await page.close();
    }
  });

  it('update redraws in the same element; toSVG and toPNG export it', async () => {
    const { page } = await open();
    try {
      await mountIn(page, 'a');
      const canvas = page.locator('#a canvas[role="application"]');
      const before = await canvas.elementHandle();
      const shot1 = await canvas.screenshot();
      await page.evaluate(() =>
        (window as unknown as TestPage).handles['a']!.update({ cmap: 'viridis' }),
      );
      const after = await canvas.elementHandle();
      assert.ok(await page.evaluate(([x, y]) => x === y, [before, after] as const));
      assert.notDeepEqual(await canvas.screenshot(), shot1);
      const svg = await page.evaluate(
        () => (window as unknown as TestPage).handles['a']!.toSVG() as string,
      );
      assert.match(svg, /^<svg [^>]*role="img"/);
      assert.match(svg, /<desc /);
      const png = await page.evaluate(async () => {
        const b = (await (window as unknown as TestPage).handles['a']!.toPNG()) as Blob;
        return [b.type, b.size];
      });
      assert.equal(png[0], 'image/png');
      assert.ok((png[1] as number) > 500);
    } finally {
      await page.close();
    }
  });

  it('a new colormap drawn in place paints what a fresh mount of it paints, centred or not', async () => {
    const { page, errors } = await open();
    try {
      const values = [
        [-0.31, 0.9, 0.5],
        [0.7, 1, -0.2],
      ];
      for (const extra of [
        {},
        { center: 0 },
        { norm: 'twoslope', center: 0.1 },
        { vmin: -1, vmax: 1 },
      ]) {
        const base = { data: values, annot: true, fmt: '.2f', ...extra };
        await mountIn(page, 'a', { ...base, cmap: 'RdBu' });
        await page.evaluate(() =>
          (window as unknown as TestPage).handles['a']!.update({ cmap: 'magma' }),
        );
        await mountIn(page, 'b', { ...base, cmap: 'magma' });
        const shot = (id: string) => page.locator(`#${id} canvas[role="application"]`).screenshot();
        assert.deepEqual(await shot('a'), await shot('b'), JSON.stringify(extra));
        // toPNG gives the figure with its annotations.
        const png = (id: string) =>
          page.evaluate(async (id) => {
            const b = (await (window as unknown as TestPage).handles[id]!.toPNG()) as Blob;
            return [...new Uint8Array(await b.arrayBuffer())];
          }, id);
        assert.deepEqual(await png('a'), await png('b'), JSON.stringify(extra));
      }
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('tells its warnings: annotations left out of cells too small for them', async () => {
    const { page, errors } = await open();
    try {
      const values = Array.from({ length: 30 }, (_, r) =>
        Array.from({ length: 30 }, (_, c) => Math.round(Math.sin(r * 30 + c) * 100) / 100),
      );
      const warnings = (width: string) =>
        page.evaluate(
          ([values, width]) => {
            const el = document.getElementById('a')!;
            el.style.width = width;
            const w = window as unknown as Record<string, any>;
            const h = w['heatfigMount'](el, { data: values, annot: true, fmt: '.2f' });
            const out = h.warnings() as string[];
            h.destroy();
            return out;
          },
          [values, width] as const,
        );
      // 30 columns in 400 px: cells of about 11 px, too small for "-0.84".
      assert.ok(
        (await warnings('400px')).some((m) => /^annotations left out/.test(m)),
        'a narrow element',
      );
      assert.deepEqual(await warnings('1100px'), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('destroy removes the view and every listener it added', async () => {
    const { page } = await open();
    try {
      const cdp = await page.context().newCDPSession(page);
      const count = async () => {
        const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
          objectId: result.objectId!,
        });
        return listeners.length;
      };
      const empty = await count();
      await mountIn(page, 'a');
      assert.ok((await count()) > empty);
      await page.evaluate(() => (window as unknown as TestPage).handles['a']!.destroy());
      assert.equal(await count(), empty);
      assert.equal(await page.locator('#a').innerHTML(), '');
    } finally {
      await page.close();
    }
  });

  it('fits the element’s width and follows it; takes typed arrays with a shape and records', async () => {
    const { page, errors } = await open();
    try {
      await page.evaluate(() => {
        const el = document.getElementById('a')!;
        el.style.width = '600px';
        const w = window as unknown as TestPage;
        w.handles = {};
        w.handles['a'] = w.heatfigMount(
          el,
          { title: 'Heads' },
          { data: { values: new Float32Array(2 * 3 * 4).map((_, i) => i / 24), shape: [2, 3, 4] } },
        );
      });
      const canvas = page.locator('#a canvas[role="application"]');
      assert.equal((await canvas.boundingBox())!.width, 600);
      await page.evaluate(() => {
        document.getElementById('a')!.style.width = '420px';
      });
      await page.waitForFunction(
        () => document.querySelector('#a canvas')!.getBoundingClientRect().width === 420,
      );
      // Records pivoted on their keys, as update's new data.
      await page.evaluate(() =>
        (window as unknown as TestPage).handles['a']!.update(
          { title: 'From records' },
          {
            records: [
              { model: 'm1', task: 't1', acc: 0.5 },
              { model: 'm1', task: 't2', acc: 0.7 },
              { model: 'm2', task: 't1', acc: 0.9 },
            ],
            x: 'task',
            y: 'model',
            value: 'acc',
          },
        ),
      );
      const svg = await page.evaluate(() => (window as unknown as TestPage).handles['a']!.toSVG());
      assert.match(svg, /<title[^>]*>From records<\/title>/);
      assert.match(svg, /data-row="1" data-col="0" data-value="0.9"/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('draws a large Float32Array from its blocks first, then keeps every cell for zooming in', async () => {
    const { page, errors } = await open();
    try {
      await page.evaluate(() => {
        const n = 1200;
        const w = window as unknown as TestPage;
        w.handles = {};
        w.handles['a'] = w.heatfigMount(
          document.getElementById('a')!,
          { title: 'Large' },
          {
            data: { values: Float32Array.from({ length: n * n }, (_, i) => i % 7), shape: [n, n] },
          },
        );
      });
      const canvas = page.locator('#a canvas[role="application"]');
      await canvas.focus();
      // Blocks: the live region names a block of rows and columns and its mean.
      assert.match((await page.locator('#a [aria-live]').textContent())!, /mean/);
      // Once every cell is in, zooming far enough in reaches single cells and their values.
      await page.waitForTimeout(300);
      for (let i = 0; i < 12; i++) await page.keyboard.press('+');
      await page.keyboard.press('ArrowRight');
      assert.match((await page.locator('#a [aria-live]').textContent())!, /, value \d/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('takes a new colormap while a large Float32Array is still drawn from its blocks', async () => {
    // The first look's blocks were laid out for the array's own shape; a new colormap drew
    // them again in a window reduced for the drawn panel (another number of blocks) into the
    // kept layout, and threw (ImageData of the wrong length).
    const { page, errors } = await open();
    try {
      const [before, after] = await page.evaluate(async () => {
        const n = 1200;
        const w = window as unknown as TestPage;
        const el = document.getElementById('a')!;
        const h = w.heatfigMount(
          el,
          { title: 'Large' },
          {
            data: { values: Float32Array.from({ length: n * n }, (_, i) => i % 7), shape: [n, n] },
          },
        );
        await new Promise((r) => requestAnimationFrame(r));
        // The middle of the figure's canvas, a cell's (the page's script may not name functions).
        const c = el.querySelector('canvas')!;
        const ctx = c.getContext('2d')!;
        const was = Array.from(ctx.getImageData(c.width >> 1, c.height >> 1, 1, 1).data);
        h.update({ cmap: 'magma' });
        return [was, Array.from(ctx.getImageData(c.width >> 1, c.height >> 1, 1, 1).data)];
      });
      assert.notDeepEqual(after, before);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('keeps two views on one page apart: their own events, tooltips and cursors', async () => {
    const { page } = await open();
    try {
      await mountIn(page, 'a');
      await mountIn(page, 'b', { ...spec, title: 'Second', cmap: 'mako' });
      const ids = await page
        .locator('canvas[role="application"]')
        .evaluateAll((cs) => cs.map((c) => c.id));
      assert.equal(new Set(ids).size, 2);
      const at = await cellPoint(page, 'b', 0, 2);
      await page.mouse.move(at.x, at.y);
      assert.equal((await events(page, 'a')).length, 0);
      assert.equal((await events(page, 'b'))[0]![1].colLabel, 'c');
      assert.equal(await page.locator('#a [role="tooltip"]').isHidden(), true);
      assert.equal(await page.locator('#b [role="tooltip"]').isVisible(), true);
    } finally {
      await page.close();
    }
  });
});

/**
 * `<heat-fig>` (issue 17): the custom element from each of its three spec sources (a JSON
 * attribute, a `src` URL, a child JSON script) and the `spec` property, in a page served over
 * http with a strict CSP (no inline script or style, no eval, fetches to its own origin only);
 * its events bubble from the element; a bad spec says so in place and dispatches `error`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { browserBundleOptions } from '../../src/view/bundle.ts';
import { CHROMIUM, launchChromium, ROOT, tempDir } from '../helpers.ts';

const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is not installed (.ci/run installs Debian's chromium)`;
const dir = tempDir('heatfig-element-');
const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src data: blob:";
let browser: Browser;
let server: Server;
let origin = '';

const spec = (title: string) => ({
  data: {
    values: [
      [1, 2],
      [3, 4],
    ],
    rows: ['r0', 'r1'],
    cols: ['c0', 'c1'],
  },
  title,
});

before(async () => {
  if (skip) return;
  const out = await build(browserBundleOptions(join(ROOT, 'src/view/element.ts')));
  writeFileSync(join(dir, 'element.js'), out.outputFiles[0]!.text);
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec('From src')));
  const attr = JSON.stringify(spec('From the attribute')).replace(/"/g, '&quot;');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>heat-fig</title></head><body>
<heat-fig id="attr" spec="${attr}"></heat-fig>
<heat-fig id="src" src="spec.json"></heat-fig>
<heat-fig id="child"><script type="application/json">${JSON.stringify(spec('From a child script'))}</script></heat-fig>
<heat-fig id="bad" spec="{&quot;data&quot;: [[1]], &quot;cmap&quot;: &quot;nope&quot;}"></heat-fig>
<heat-fig id="prop"></heat-fig>
<heat-fig id="natural" size="natural" label="Named by its label" spec="${attr}"></heat-fig>
<heat-fig id="badsize" size="huge" spec="${attr}"></heat-fig>
<script src="element.js"></script>
</body></html>
`,
  );
  // Every response carries the strict CSP, as a page's server would send it.
  server = createServer((req, res) => {
    const file = join(dir, (req.url ?? '/') === '/' ? 'index.html' : req.url!.slice(1));
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.json')
        ? 'application/json'
        : 'text/html';
    res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

describe('<heat-fig> in Chromium', { skip }, () => {
  it('draws from each spec source under a strict CSP, in its own shadow root', async () => {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await page.goto(`${origin}/`);
      for (const id of ['attr', 'src', 'child'])
        await page.waitForFunction(
          (id) => document.getElementById(id)!.shadowRoot!.querySelector('canvas') !== null,
          id,
        );
      const labels = await page.evaluate(() =>
        ['attr', 'src', 'child'].map((id) =>
          document
            .getElementById(id)!
            .shadowRoot!.querySelector('canvas[role="application"]')!
            .getAttribute('aria-label'),
        ),
      );
      assert.deepEqual(
        labels.map((l) => l!.split('.')[0]),
        ['From the attribute', 'From src', 'From a child script'],
      );
      // No canvas of the page's own: each view lives in its element's shadow root.
      assert.equal(await page.evaluate(() => document.querySelectorAll('canvas').length), 0);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('dispatches the view’s events from the element; the spec property draws; a bad spec says so', async () => {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    try {
      await page.goto(`${origin}/`);
      await page.waitForFunction(
        () => document.getElementById('attr')!.shadowRoot!.querySelector('canvas') !== null,
      );
      await page.evaluate(() => {
        (window as unknown as { got: unknown[] }).got = [];
        document.getElementById('attr')!.addEventListener('hover', (e) => {
          (window as unknown as { got: unknown[] }).got.push((e as CustomEvent).detail);
        });
      });
      const box = (await page.locator('#attr').boundingBox())!;
      for (let x = box.x; x < box.x + box.width; x += 10) {
        await page.mouse.move(x, box.y + box.height / 3);
        if (await page.evaluate(() => (window as unknown as { got: unknown[] }).got.length)) break;
      }
      const got = await page.evaluate(
        () => (window as unknown as { got: { rowLabel: string }[] }).got[0],
      );
      assert.equal(got?.rowLabel, 'r0');
      // The bad spec: its message in place, as an alert.
      assert.match(
        (await page.evaluate(
          () =>
            document.getElementById('bad')!.shadowRoot!.querySelector('[role="alert"]')
              ?.textContent,
        )) ?? '',
        /\$\.cmap: .*nope/,
      );
      // The property.
      await page.evaluate(() => {
        (document.getElementById('prop') as unknown as { spec: unknown }).spec = {
          data: [[5, 6]],
          title: 'From the property',
        };
      });
      await page.waitForFunction(
        () => document.getElementById('prop')!.shadowRoot!.querySelector('canvas') !== null,
      );
    } finally {
      await page.close();
    }
  });

  it('takes mount’s size and title from its size and label attributes, and refuses a size it does not know', async () => {
    const page = await browser.newPage({
      deviceScaleFactor: 1,
      viewport: { width: 1000, height: 800 },
    });
    try {
      await page.goto(`${origin}/`);
      for (const id of ['attr', 'natural'])
        await page.waitForFunction(
          (id) => document.getElementById(id)!.shadowRoot!.querySelector('canvas') !== null,
          id,
        );
      const seen = await page.evaluate(() =>
        ['attr', 'natural'].map((id) => {
          const c = document.getElementById(id)!.shadowRoot!.querySelector('canvas')!;
          return { width: c.getBoundingClientRect().width, label: c.getAttribute('aria-label') };
        }),
      );
      // Fitted: the page's width (1000 px less the body's margins); natural: the figure's own.
      assert.ok(seen[0]!.width > 900, `fitted ${seen[0]!.width}`);
      assert.ok(seen[1]!.width < 700, `natural ${seen[1]!.width}`);
      assert.match(seen[1]!.label ?? '', /^Named by its label\. Heatmap/);
      const alert = await page.evaluate(
        () =>
          document.getElementById('badsize')!.shadowRoot!.querySelector('[role="alert"]')
            ?.textContent,
      );
      assert.equal(alert, 'heat-fig: size="huge": expected "fit" or "natural"');
    } finally {
      await page.close();
    }
  });
});

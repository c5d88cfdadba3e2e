import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'dbgm-'));
writeFileSync(join(dir, 'heatfig-view.js'), readFileSync(join(ROOT, 'dist/browser/heatfig-view.js')));
writeFileSync(join(dir, 'p.html'), `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="v" style="width:1100px"></div><script type="module">import { mount } from './heatfig-view.js'; window.heatfigMount = mount;</script></body></html>`);
const w2 = JSON.parse(readFileSync('bench/data/w2.json', 'utf8')).data;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu'] });
for (let k = 0; k < 5; k++) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1100 }, deviceScaleFactor: 1 });
  await page.goto(`file://${dir}/p.html`);
  await page.waitForFunction('window.heatfigMount');
  const r = await page.evaluate(`(async (w2) => {
    const el = document.getElementById('v');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    for (let i = 0; i < 6; i++) {
      await frame();
      const t0 = performance.now();
      const h = window.heatfigMount(el, { data: w2, annot: true, fmt: '.2f', cmap: 'RdBu', center: 0 }, { size: 'natural' });
      const t1 = performance.now();
      await frame();
      const t2 = performance.now();
      out.push([+(t1 - t0).toFixed(1), +(t2 - t0).toFixed(1)]);
      h.destroy();
    }
    return out;
  })(${JSON.stringify(w2)})`);
  console.log(JSON.stringify(r));
  await page.close();
}
await browser.close();

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { browserBundleOptions } from './src/view/bundle.ts';
const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'dbgp-'));
const entry = join(dir, 'e.ts');
writeFileSync(entry, `import { mount } from ${JSON.stringify(join(ROOT, 'src/view/mount.ts'))};\n(window as any).heatfigMount = mount;\n`);
const out = await build({ ...browserBundleOptions(entry, { eager: true }), minify: false, keepNames: true, nodePaths: [join(ROOT, 'node_modules')] });
writeFileSync(join(dir, 'b.js'), out.outputFiles[0]!.text);
writeFileSync(join(dir, 'p.html'), `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="v" style="width:1100px"></div><script src="b.js"></script></body></html>`);
const w2 = JSON.parse(readFileSync('bench/data/w2.json', 'utf8')).data;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu'] });
const self = new Map<string, number>(); const total = new Map<string, number>();
const N = Number(process.env.N ?? 6);
for (let k = 0; k < N; k++) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1100 }, deviceScaleFactor: 1 });
  await page.goto(`file://${dir}/p.html`);
  await page.waitForFunction('window.heatfigMount');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(`(async (w2) => { const el = document.getElementById('v');
    const t0 = performance.now(); window.heatfigMount(el, { data: w2, annot: true, fmt: '.2f', cmap: 'RdBu', center: 0 }, { size: 'natural' });
    const t1 = performance.now(); await new Promise((r) => requestAnimationFrame(() => r())); return [t1-t0, performance.now()-t0]; })(${JSON.stringify(w2)})`);
  const { profile } = await cdp.send('Profiler.stop') as any;
  console.log(r);
  if (k === 0) continue;
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas as number[];
  profile.samples.forEach((id: number, i: number) => {
    const d = (dt[i + 1] ?? 0) / 1000 / (N - 1);
    const n = byId.get(id); const name = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + d);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const m = byId.get(x); const nm = `${m.callFrame.functionName || '(anon)'}:${m.callFrame.lineNumber}`;
      if (seen.has(nm)) continue; seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + d);
    }
  });
  await page.close();
}
await browser.close();
const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1).padStart(6)} ${n}`).join('\n');
console.log('SELF\n' + top(self, 40)); console.log('TOTAL\n' + top(total, 70));
writeFileSync('/tmp/dbg-bundle-path', dir);

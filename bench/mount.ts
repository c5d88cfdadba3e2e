/**
 * heatfig/view's mount() beside Plotly.js (Plotly.newPlot) and vega-embed, in the same
 * headless Chromium (Debian's /usr/bin/chromium), each tool's script bundled or loaded once
 * and timed inside the page (issue 17):
 * - w2, the 50×50 annotated grid: mount → drawn (to the next animation frame after the call,
 *   or the tool's promise), and an update of the colormap (heatfig `update({ cmap })`, Plotly
 *   `restyle`, vega-embed a new embed: a Vega-Lite scheme cannot change in place). heatfig is
 *   mounted at its natural size (1256 × 648 px, as its SVG, annotations 6.5 px): fitted to
 *   the 1100-px element its cells are 20 × 12 px, too small for legible annotations, which
 *   are then left out, and the mount drew none of the 2,500 texts the other tools draw;
 * - w4, a 4000×4000 Float32Array made in the page: first paint, and one hover answered (the
 *   page's own handler, synchronous in heatfig and Plotly). vega-embed is not given it: Vega-
 *   Lite takes records, 16 million objects.
 * Median of RUNS, after a warm-up, each in a fresh page, opened SETTLE ms after the last one
 * closed: a closed page's renderer is still torn down and collected for a while, and on a
 * machine of two cores that work would be timed as the next tool's. (Its effect is under the
 * host's noise: heatfig's 50×50 mount 86 ms without the pause, then 68, 100 and 88 with it,
 * in runs minutes apart on 2026-12-07.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { browserBundleOptions } from '../src/view/bundle.ts';
import { DATA, generateSpecs } from './data.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SETTLE = 500;
const TARGETS = { mount: 50, update: 16, paint: 300 };

/**
 * heatfig twice: its shipped browser module (dist/browser/heatfig-view.js, as a page or a
 * CDN loads it without a bundler, with its compile hint; Plotly is given its shipped
 * plotly.min.js so), and `heatfig/view` in an app's own bundle (esbuild, no hint).
 */
type Tool = 'heatfig' | 'heatfig-bundled' | 'plotly' | 'vega-embed';

async function pages(dir: string): Promise<Record<Tool, string>> {
  const bundle = async (code: string, name: string, eager: boolean) => {
    const entry = join(dir, `${name}.ts`);
    writeFileSync(entry, code);
    const out = await build({
      ...browserBundleOptions(entry, { eager }),
      nodePaths: [join(ROOT, 'node_modules')],
    });
    writeFileSync(join(dir, `${name}.js`), out.outputFiles[0]!.text);
  };
  await bundle(
    `import { mount } from ${JSON.stringify(join(ROOT, 'src/view/mount.ts'))};\n(window as any).heatfigMount = mount;\n`,
    'heatfig-bundled',
    false,
  );
  await bundle(`import embed from 'vega-embed';\n(window as any).vegaEmbed = embed;\n`, 'vega', false);
  // The package's own file, as built (bench/run.ts builds first; alone, `npm run build`).
  const shipped = join(ROOT, 'dist/browser/heatfig-view.js');
  if (!existsSync(shipped)) throw new Error(`bench/mount.ts: no ${shipped}; run npm run build first`);
  writeFileSync(join(dir, 'heatfig-view.js'), readFileSync(shipped));
  writeFileSync(
    join(dir, 'plotly.js'),
    readFileSync(join(ROOT, 'node_modules/plotly.js-dist-min/plotly.min.js')),
  );
  const page = (script: string) =>
    `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="v" style="width:1100px"></div>${script}</body></html>`;
  const out = {} as Record<Tool, string>;
  for (const [tool, script] of [
    [
      'heatfig',
      `<script type="module">import { mount } from './heatfig-view.js'; window.heatfigMount = mount;</script>`,
    ],
    ['heatfig-bundled', '<script src="heatfig-bundled.js"></script>'],
    ['plotly', '<script src="plotly.js"></script>'],
    ['vega-embed', '<script src="vega.js"></script>'],
  ] as const) {
    out[tool] = join(dir, `${tool}.html`);
    writeFileSync(out[tool], page(script));
  }
  return out;
}

/**
 * The in-page timing of one case for one tool: [mount or first paint ms, update or hover ms].
 * Plain JavaScript, given to the page as text (tsx would add helpers the page lacks).
 */
const MEASURE = String.raw`async ([tool, w2, big]) => {
  const w = window;
  const el = document.getElementById('v');
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const n = 4000;
  const values = big ? Float32Array.from({ length: n * n }, (_, i) => Math.sin(i / 7919) + ((i * 2654435761) % 1000) / 1000) : null;
  const t0 = performance.now();
  if (tool === 'heatfig' || tool === 'heatfig-bundled') {
    const h = big
      ? w.heatfigMount(el, { title: 'w4' }, { data: { values, shape: [n, n] } })
      : w.heatfigMount(el, { data: w2, annot: true, fmt: '.2f', cmap: 'RdBu', center: 0 }, { size: 'natural' });
    await frame();
    const t1 = performance.now();
    if (big) {
      const c = el.querySelector('canvas');
      const r = c.getBoundingClientRect();
      const h0 = performance.now();
      c.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + r.width / 3, clientY: r.top + r.height / 3, bubbles: true }));
      return [t1 - t0, performance.now() - h0];
    }
    const u0 = performance.now();
    h.update({ cmap: 'viridis' });
    return [t1 - t0, performance.now() - u0];
  }
  if (tool === 'plotly') {
    const z = big ? Array.from({ length: n }, (_, r) => values.subarray(r * n, (r + 1) * n)) : w2;
    const trace = big
      ? { type: 'heatmap', z, colorscale: 'Viridis' }
      : { type: 'heatmap', z, colorscale: 'RdBu', zmid: 0, texttemplate: '%{z:.2f}' };
    await w.Plotly.newPlot(el, [trace], { width: 1100, height: 1000 });
    await frame();
    const t1 = performance.now();
    if (big) {
      const h0 = performance.now();
      w.Plotly.Fx.hover(el, [{ curveNumber: 0, pointNumber: [1000, 1200] }]);
      return [t1 - t0, performance.now() - h0];
    }
    const u0 = performance.now();
    await w.Plotly.restyle(el, { colorscale: 'Viridis' });
    await frame();
    return [t1 - t0, performance.now() - u0];
  }
  const records = w2.flatMap((row, r) => row.map((v, c) => ({ r, c, v })));
  const vl = (scheme) => ({
    data: { values: records },
    width: 1000,
    height: 1000,
    encoding: { x: { field: 'c', type: 'ordinal' }, y: { field: 'r', type: 'ordinal' } },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'v', type: 'quantitative', scale: { scheme, domainMid: 0 } } } },
      { mark: 'text', encoding: { text: { field: 'v', type: 'quantitative', format: '.2f' } } },
    ],
  });
  await w.vegaEmbed(el, vl('redblue'), { renderer: 'canvas', actions: false });
  await frame();
  const t1 = performance.now();
  const u0 = performance.now();
  await w.vegaEmbed(el, vl('viridis'), { renderer: 'canvas', actions: false });
  await frame();
  return [t1 - t0, performance.now() - u0];
}`;

function measure(page: Page, tool: Tool, w2: number[][], big: boolean): Promise<[number, number]> {
  return page.evaluate(`(${MEASURE})(${JSON.stringify([tool, w2, big])})`) as Promise<[number, number]>;
}

export async function benchMount(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'heatfig-bench-mount-'));
  const files = await pages(dir);
  // Run by itself on a fresh clone, bench/data/ is not there yet (bench/run.ts writes it).
  if (!existsSync(join(DATA, 'w2.json'))) generateSpecs();
  const w2 = (JSON.parse(readFileSync(join(DATA, 'w2.json'), 'utf8')) as { data: number[][] }).data;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // A module script from a file: URL is a cross-origin load without the flag.
    args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const rows: string[] = [];
  try {
    for (const big of [false, true]) {
      const tools: Tool[] = big
        ? ['heatfig', 'heatfig-bundled', 'plotly']
        : ['heatfig', 'heatfig-bundled', 'plotly', 'vega-embed'];
      const got = Object.fromEntries(tools.map((t) => [t, { a: [] as number[], b: [] as number[] }]));
      for (let round = -1; round < RUNS; round++) {
        for (const tool of tools) {
          const page = await browser.newPage({ viewport: { width: 1200, height: 1100 }, deviceScaleFactor: 1 });
          await page.goto(`file://${files[tool]}`);
          await page.waitForFunction('window.heatfigMount || window.Plotly || window.vegaEmbed');
          const [a, b] = await measure(page, tool, w2, big);
          if (round >= 0) {
            got[tool]!.a.push(a);
            got[tool]!.b.push(b);
          }
          await page.close();
          await new Promise((r) => setTimeout(r, SETTLE));
        }
      }
      for (const tool of tools) {
        const a = median(got[tool]!.a);
        const b = median(got[tool]!.b);
        const name = {
          heatfig: 'heatfig mount(), its browser module',
          'heatfig-bundled': "heatfig mount(), an app's own bundle",
          plotly: 'Plotly.js 4 newPlot',
          'vega-embed': 'vega-embed 7',
        }[tool];
        const mark = (v: number, t: number) =>
          tool.startsWith('heatfig') ? ` (target ≤ ${t}: ${v <= t ? 'met' : '**not met**'})` : '';
        rows.push(
          big
            ? `| w4 4000×4000 Float32Array | ${name} | ${a.toFixed(1)}${mark(a, TARGETS.paint)} | hover answered ${b.toFixed(2)} ms |`
            : `| w2 50×50 annotated | ${name} | ${a.toFixed(1)}${mark(a, TARGETS.mount)} | colormap update ${b.toFixed(1)} ms${mark(b, TARGETS.update)} |`,
        );
      }
      console.log(rows.slice(-tools.length).join('\n'));
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return `In the page (mount into an element; times inside the page, median of ${RUNS} fresh pages after a warm-up):

| case | tool | to drawn, ms | then |
| --- | --- | --- | --- |
${rows.join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchMount());

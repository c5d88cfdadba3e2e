/**
 * The HTML view against Plotly.js, in the same headless Chromium (Debian's /usr/bin/chromium):
 * time from navigation to the grid drawn, time to answer a hover, and file size, for the
 * 50×50 annotated grid (w2) and the 4000×4000 float32 grid (w4). Median of RUNS page loads.
 * Plotly gets the same data as typed arrays (its base64 "bdata" form) and text annotations.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DATA } from './data.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

function readNpy(path: string): { rows: number; cols: number; bytes: Buffer } {
  const buf = readFileSync(path);
  const hlen = buf.readUInt16LE(8);
  const [rows, cols] = /\((\d+), (\d+)\)/.exec(buf.toString('latin1', 10, 10 + hlen))!.slice(1).map(Number) as [number, number];
  return { rows, cols, bytes: buf.subarray(10 + hlen) };
}

function plotlyPage(trace: object, out: string): string {
  const plotly = readFileSync(join(ROOT, 'node_modules/plotly.js-dist-min/plotly.min.js'), 'utf8');
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="p" style="width:1100px;height:1000px"></div>
<script>${plotly}</script>
<script>Plotly.newPlot('p', [${JSON.stringify(trace)}], { width: 1100, height: 1000 }).then(() => { window.drawn = performance.now(); });</script></body></html>`;
  writeFileSync(out, html);
  return out;
}

export async function benchHtml(outDir: string): Promise<string> {
  const w2 = JSON.parse(readFileSync(join(DATA, 'w2.json'), 'utf8')) as { data: number[][] };
  const w4 = readNpy(join(DATA, 'w4.npy'));
  const cases = [
    {
      id: 'w2 50×50 annotated',
      heatfig: join(outDir, 'w2.html'),
      heatfigInput: join(DATA, 'w2.json'),
      plotly: plotlyPage({ type: 'heatmap', z: w2.data, colorscale: 'RdBu', zmid: 0, texttemplate: '%{z:.2f}' }, join(outDir, 'w2-plotly.html')),
      raw: 50 * 50 * 4,
    },
    {
      id: 'w4 4000×4000 float32',
      heatfig: join(outDir, 'w4.html'),
      heatfigInput: join(DATA, 'w4.npy'),
      plotly: plotlyPage({ type: 'heatmap', z: { dtype: 'f4', bdata: w4.bytes.toString('base64'), shape: `${w4.rows},${w4.cols}` }, colorscale: 'Viridis' }, join(outDir, 'w4-plotly.html')),
      raw: w4.rows * w4.cols * 4,
    },
  ];
  for (const c of cases) execFileSync(process.execPath, [join(ROOT, 'bin/heatfig.cjs'), 'render', c.heatfigInput, '-o', c.heatfig, '--quiet']);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: string[] = [];
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  for (const c of cases) {
    const result: Record<string, { drawn: number; hover: number; size: number }> = {};
    const drawn: Record<string, number[]> = { heatfig: [], plotly: [] };
    const hover: Record<string, number[]> = { heatfig: [], plotly: [] };
    for (let round = -1; round < RUNS; round++) {
      for (const tool of ['heatfig', 'plotly'] as const) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
        await page.goto(`file://${tool === 'heatfig' ? c.heatfig : c.plotly}`, { timeout: 120_000 });
        const t = (await page.waitForFunction(tool === 'heatfig' ? 'window.heatfigDrawn' : 'window.drawn', undefined, { timeout: 120_000 }).then((h) => h.jsonValue())) as number;
        // A large grid's page draws a preview first; hover is measured once the viewer is ready.
        if (tool === 'heatfig') await page.waitForSelector('#hf-canvas[data-ready="1"]', { timeout: 120_000 });
        // Time for the page to answer one hover (its own handler, synchronous in both), at
        // five points 80 ms apart (Plotly throttles hover to one per 50 ms).
        const h = (await page.evaluate(
          tool === 'heatfig'
            ? `(async () => { const c = document.getElementById('hf-canvas'); const r = c.getBoundingClientRect(); const ts = []; for (let i = 0; i < 5; i++) { const t0 = performance.now(); c.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + r.width / 3 + 9 * i, clientY: r.top + r.height / 3 + 7 * i, bubbles: true })); ts.push(performance.now() - t0); await new Promise((f) => setTimeout(f, 80)); } return ts.sort((a, b) => a - b)[2]; })()`
            : `(async () => { const gd = document.getElementById('p'); const ts = []; for (let i = 0; i < 5; i++) { const t0 = performance.now(); Plotly.Fx.hover(gd, [{ curveNumber: 0, pointNumber: [10 + 3 * i, 12 + 5 * i] }]); ts.push(performance.now() - t0); await new Promise((f) => setTimeout(f, 80)); } return ts.sort((a, b) => a - b)[2]; })()`,
        )) as number;
        if (round >= 0) {
          drawn[tool]!.push(t);
          hover[tool]!.push(h);
        }
        await page.close();
      }
    }
    for (const tool of ['heatfig', 'plotly'] as const) {
      result[tool] = { drawn: median(drawn[tool]!) / 1000, hover: median(hover[tool]!), size: statSync(tool === 'heatfig' ? c.heatfig : c.plotly).size };
    }
    for (const tool of ['heatfig', 'plotly'] as const) {
      const r = result[tool]!;
      rows.push(`| ${c.id} | ${tool === 'heatfig' ? 'heatfig' : 'Plotly.js 4'} | ${r.drawn.toFixed(3)} | ${r.hover.toFixed(2)} | ${(r.size / 1e6).toFixed(2)} (${(r.size / c.raw).toFixed(2)}× raw float32) |`);
    }
    console.log(`${c.id}: heatfig ${result['heatfig']!.drawn.toFixed(3)} s, plotly ${result['plotly']!.drawn.toFixed(3)} s`);
  }
  await browser.close();
  return `| case | tool | navigation → drawn, s | hover answered, ms | file MB |
| --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchHtml(process.argv[2] ?? '/tmp'));

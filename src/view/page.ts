/**
 * The HTML view: one self-contained file that opens from disk, offline, with a
 * Content-Security-Policy that allows its own inline script and style (by hash) and nothing
 * else: no request can leave the page. The figure travels as JSON (labels are only ever
 * shown with textContent) and the values as base64 binary; the viewer runtime
 * (src/view/viewer.ts, over the same viewer as mount()) is bundled in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { paintRgba } from '../color/colorize.ts';
import { namedColormap } from '../color/colormap.ts';
import type { RenderResult } from '../pipeline.ts';
import { encodePng } from '../render/png/encode.ts';
import type { Figure } from '../figure/types.ts';
import { browserBundleOptions } from './bundle.ts';
import { figureToPayload } from './payload.ts';
import { escapeXml } from '../render/svg-util.ts';

/** Set by scripts/build.mjs: the browser scripts are files beside the CLI bundle. */
declare const __HEATFIG_BUNDLED__: boolean | undefined;

/** Colormaps the view offers besides the figure's own. */
const OFFERED = [
  'viridis',
  'magma',
  'rocket',
  'mako',
  'cividis',
  'turbo',
  'RdBu_r',
  'coolwarm',
  'Blues',
  'Greys',
];

const bundles = new Map<string, string>();

/**
 * A browser script: bundled at build time beside the code that reads it (the CLI bundle, or
 * the package's compiled view/page.js; read only when a page is written, so other renders
 * do not load 120 kB of it), or, running from source, bundled now with esbuild (a dev
 * dependency, never needed by the package).
 */
function browserScript(name: 'viewer' | 'preview'): string {
  const built = new URL(`./heatfig-${name}.js`, import.meta.url);
  if (typeof __HEATFIG_BUNDLED__ !== 'undefined' || existsSync(built))
    return readFileSync(built, 'utf8');
  if (!bundles.has(name)) {
    const require = createRequire(import.meta.url);
    const esbuild = require('esbuild') as typeof import('esbuild');
    const text = esbuild.buildSync(
      browserBundleOptions(new URL(`./${name}.ts`, import.meta.url).pathname),
    ).outputFiles[0]!.text;
    bundles.set(name, text);
  }
  return bundles.get(name)!;
}

/** The figure as drawn for a first look, and PNGs of its cells (for grids of millions of cells). */
export interface HtmlPreview {
  readonly figure: Figure;
  readonly cells: readonly Uint8Array[];
}

/** Cells from which a page draws a preview before it reads its data. */
const PREVIEW_CELLS = 2_000_000;

const STYLE = `
:root { font-family: "DejaVu Sans", Verdana, sans-serif; color: #111; }
body { margin: 1rem; }
.hf-controls { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: center; margin-bottom: 0.6rem; font-size: 0.9rem; }
.hf-controls input[type=number] { width: 7em; }
#hf-canvas:focus { outline: 2px solid #1a5fb4; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details { margin-top: 1rem; max-width: 60rem; }
table { border-collapse: collapse; font-size: 0.85rem; }
td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }
`;

const b64hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** The HTML page of a figure. Values of more than a few thousand cells are embedded as binary (base64). */
export function renderHtml(
  figure: Figure,
  description: string,
  preview: HtmlPreview | null = null,
): string {
  const offered = OFFERED.map((n) => namedColormap(n));
  const cells = figure.grid.panels.reduce((n, p) => n + p.rows, 0) * figure.grid.cols;
  const first = preview && cells > PREVIEW_CELLS ? preview : null;
  const payload = figureToPayload(figure, offered, description, (b) =>
    Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64'),
  );
  const bigPanels = payload.panels.map((p) => p.values.length > 4096);
  const json = JSON.stringify({
    ...payload,
    panels: payload.panels.map((p, i) => (bigPanels[i] ? { ...p, values: '' } : p)),
  }).replace(/</g, '\\u003c');
  const binary = payload.panels
    .map((p, i) =>
      bigPanels[i]
        ? `<script type="application/octet-stream" id="hf-v${i}">${p.values}</script>\n`
        : '',
    )
    .join('');
  const safe = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1');
  const script = safe(browserScript('viewer'));
  const previewScript = first ? safe(browserScript('preview')) : '';
  const previewJson = first
    ? JSON.stringify({
        payload: {
          ...figureToPayload(first.figure, [], ''),
          panels: figureToPayload(first.figure, [], '').panels.map((p) => ({ ...p, values: '' })),
        },
        cells: first.cells.map(
          (png) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
        ),
      }).replace(/</g, '\\u003c')
    : '';
  const hashes = [script, ...(first ? [previewScript] : [])]
    .map((js) => `'sha256-${b64hash(js)}'`)
    .join(' ');
  const csp = `default-src 'none'; script-src ${hashes}; style-src 'sha256-${b64hash(STYLE)}'; img-src data: blob:; base-uri 'none'; form-action 'none'`;
  const title = escapeXml(figure.title ?? 'Heatmap');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="hf-controls" role="toolbar" aria-label="Figure controls">
<label>vmin <input id="hf-vmin" type="number" step="any"></label>
<label>vmax <input id="hf-vmax" type="number" step="any"></label>
<label>colormap <select id="hf-cmap"></select></label>
<label><input id="hf-annot" type="checkbox"> values in cells</label>
<button id="hf-reset" type="button">Reset</button>
<button id="hf-png" type="button">Download PNG</button>
<button id="hf-svg" type="button">Download SVG</button>
</div>
<div id="hf-host"></div>
<p id="hf-help" class="sr-only">Arrow keys move between cells, Home and End go to the ends of a row, Page Up and Page Down move by a quarter of the rows, plus and minus zoom. Drag a box or use the wheel to zoom; double-click to reset.</p>
<details open><summary>Description</summary><div id="hf-desc"></div></details>
</main>
<script type="application/json" id="hf-data">${json}</script>
${first ? `<script type="application/json" id="hf-preview">${previewJson}</script>\n<script>${previewScript}</script>\n` : ''}${binary}<script>${script}</script>
</body>
</html>
`;
}

/**
 * The page of a rendered figure: every cell of the whole grid, and for a large grid a first
 * look, the drawn (reduced) grid coloured on the whole grid's scale, as the viewer will draw
 * it once it has read every cell.
 */
export function pageOfResult(result: RenderResult): string {
  const full = result.fullFigure;
  const drawn = { ...result.figure, norm: full.norm, cmap: full.cmap, colorbar: full.colorbar };
  const cells = drawn.grid.panels.map((p, i) =>
    encodePng(
      paintRgba(drawn.cmap, drawn.norm, p.values, drawn.mask[i] ?? null),
      drawn.grid.cols,
      p.rows,
      1,
    ),
  );
  return renderHtml(full, result.description?.markdown ?? '', { figure: drawn, cells });
}

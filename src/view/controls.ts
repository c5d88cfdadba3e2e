/** The view's controls: colour range, colormap, annotations, downloads and reset. */
import type { Colormap } from '../color/colormap.ts';
import { renderSvg } from '../render/svg.ts';
import { buildScene } from '../scene/build.ts';
import { dejavuSansMeasurer } from '../text/measure.ts';
import { rangeNorm, type Style, wholeWindow } from './state.ts';
import type { Viewer } from './paint.ts';

export function wireControls(v: Viewer, cmaps: readonly Colormap[]): void {
  const $ = <T extends HTMLElement>(id: string) => v.doc.getElementById(id) as T;
  const { s, base } = v;
  const vmin = $<HTMLInputElement>('hf-vmin');
  const vmax = $<HTMLInputElement>('hf-vmax');
  const cmapSel = $<HTMLSelectElement>('hf-cmap');
  const annot = $<HTMLInputElement>('hf-annot');
  const showStyle = (style: Style) => {
    vmin.value = String(style.norm.vmin);
    vmax.value = String(style.norm.vmax);
    cmapSel.value = style.cmap.name;
    annot.checked = style.annot !== null;
  };
  for (const c of cmaps) {
    const o = v.doc.createElement('option');
    o.value = c.name;
    o.textContent = c.name;
    cmapSel.append(o);
  }
  showStyle(v.initialStyle);
  // Bins and categories fix their colours by their boundaries and codes: no range to type.
  if (base.norm.kind === 'boundary') {
    vmin.disabled = true;
    vmax.disabled = true;
    vmin.title = vmax.title = base.categories
      ? 'categories: each code has its own colour'
      : 'the range is the boundaries’';
  }
  const restyle = (style: Style) => {
    s.style = style;
    v.draw();
  };
  const range = () => {
    const norm = rangeNorm(s.style.norm, Number(vmin.value), Number(vmax.value));
    if (norm) restyle({ ...s.style, norm });
  };
  vmin.addEventListener('change', range);
  vmax.addEventListener('change', range);
  cmapSel.addEventListener('change', () =>
    restyle({ ...s.style, cmap: cmaps.find((c) => c.name === cmapSel.value)! }),
  );
  annot.addEventListener('change', () =>
    restyle({
      ...s.style,
      annot: annot.checked ? (base.annot ?? { fmt: base.fmt, size: null }) : null,
    }),
  );
  const download = (name: string, href: string) => {
    const a = v.doc.createElement('a');
    a.href = href;
    a.download = name;
    a.click();
  };
  $('hf-png').addEventListener('click', () => {
    v.canvas.toBlob((b) => b && download('heatmap.png', URL.createObjectURL(b)));
  });
  $('hf-svg').addEventListener('click', () => {
    if (!s.drawn) return;
    // The view's scene leaves its cells to the canvas: the SVG's is made whole, cells and all.
    const { figure, layout } = s.drawn;
    const scene = buildScene(figure, layout, dejavuSansMeasurer(), v.description ?? '');
    const svg = renderSvg(scene);
    download('heatmap.svg', URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
  });
  $('hf-reset').addEventListener('click', () => {
    s.win = wholeWindow(base);
    showStyle(v.initialStyle);
    restyle(v.initialStyle);
  });
}

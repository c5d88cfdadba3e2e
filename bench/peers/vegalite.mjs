// The Vega-Lite peer: a heatmap spec (rect marks, and text marks when annotated) compiled by
// vega-lite, rendered to SVG by vega in Node, and to PNG by resvg-js with one font file.
//     node bench/peers/vegalite.mjs INPUT OUTPUT
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [src, out] = process.argv.slice(2);
const vega = await import('vega');
const vl = await import('vega-lite');

let values;
let annot = false;
let fmt = '.2f';
let scheme = 'redblue';
let domain;
if (src.endsWith('.json')) {
  const spec = JSON.parse(readFileSync(src, 'utf8'));
  annot = !!spec.annot;
  fmt = spec.fmt ?? fmt;
  domain = spec.center !== undefined ? undefined : [spec.vmin ?? 0, spec.vmax ?? 1];
  values = spec.data.flatMap((row, r) => row.map((v, c) => ({ r, c, v })));
} else {
  const buf = readFileSync(src);
  const hlen = buf.readUInt16LE(8);
  const header = buf.toString('latin1', 10, 10 + hlen);
  const [rows, cols] = /\((\d+), (\d+)\)/.exec(header).slice(1).map(Number);
  const data = new Float32Array(buf.buffer, buf.byteOffset + 10 + hlen, rows * cols);
  values = new Array(rows * cols);
  for (let i = 0; i < rows * cols; i++) values[i] = { r: Math.floor(i / cols), c: i % cols, v: data[i] };
  scheme = 'viridis';
}
const n = Math.sqrt(values.length);
const size = Math.min(1000, Math.max(300, n * 40));
const enc = { x: { field: 'c', type: 'ordinal' }, y: { field: 'r', type: 'ordinal' } };
const spec = {
  data: { values },
  width: size,
  height: size,
  layer: [
    { mark: 'rect', encoding: { ...enc, color: { field: 'v', type: 'quantitative', scale: { scheme, ...(domain ? { domain } : { domainMid: 0 }) } } } },
    ...(annot ? [{ mark: { type: 'text', fontSize: 10 }, encoding: { ...enc, text: { field: 'v', type: 'quantitative', format: fmt } } }] : []),
  ],
};
const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
const svg = await view.toSVG();
if (out.endsWith('.svg')) writeFileSync(out, svg);
else {
  const require = createRequire(import.meta.url);
  const { Resvg } = await import('@resvg/resvg-js');
  const font = new URL('../../fonts/DejaVuSans.ttf', import.meta.url).pathname;
  const png = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  writeFileSync(out, png);
}

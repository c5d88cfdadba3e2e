/**
 * Dendrograms and colour bars in the layout and scene (issue 18), on the gallery's clustered
 * correlation matrix of scikit-learn's breast-cancer features: goldens of its SVG and scene;
 * each tree's leaves against its rows or columns, the labels at the right and the colorbar
 * beyond them; the bar's colours by feature set; the PNG's pixels on a line; a zoomed view's
 * window cutting the trees at its edges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutFigure } from '../../src/layout/layout.ts';
import { renderPng, renderSpec } from '../../src/node.ts';
import type { LinePrimitive, RectPrimitive, TextPrimitive } from '../../src/scene/types.ts';
import { dejavuSansMeasurer } from '../../src/text/measure.ts';
import { assertGoldens, decodePng, overlappingTexts, ROOT } from '../helpers.ts';

const spec = `${ROOT}examples/breast-cancer-clustermap.json`;
const r = renderSpec(spec);
const lines = r.scene.primitives.filter(
  (p): p is LinePrimitive => p.type === 'line' && p.role === 'dendrogram',
);
const box = r.layout.panels[0]!;
const n = 30;

describe('dendrograms in the layout and scene', () => {
  it('match their goldens (SVG and scene)', () => {
    assertGoldens('clustermap', r);
  });

  it('draw each merge as three lines, the rows’ tree left of the grid and the columns’ above', () => {
    assert.equal(lines.length, 2 * 3 * (n - 1));
    const left = lines.filter((l) => Math.max(l.x1, l.x2) < box.x);
    const above = lines.filter((l) => Math.max(l.y1, l.y2) < box.y);
    assert.equal(left.length + above.length, lines.length);
    // Every leaf meets its row (column) at the row's (column's) middle, beside the grid.
    for (let i = 0; i < n; i++) {
      const y = box.y + (i + 0.5) * box.ch;
      assert.ok(
        left.some((l) => l.y1 === l.y2 && Math.abs(l.y1 - y) < 1e-9),
        `row ${i}`,
      );
      const x = box.x + (i + 0.5) * box.cw;
      assert.ok(
        above.some((l) => l.x1 === l.x2 && Math.abs(l.x1 - x) < 1e-9),
        `column ${i}`,
      );
    }
    // The highest merge reaches 1/1.05 of the depth, as scipy and seaborn draw it.
    const xs = left.flatMap((l) => [l.x1, l.x2]);
    const leaves = Math.max(...xs);
    const root = Math.min(...xs);
    const depth = (box.cols * box.cw * 0.2) / 0.8;
    assert.ok(Math.abs(leaves - root - depth / 1.05) < 1e-6, `${leaves - root} vs ${depth / 1.05}`);
  });

  it('puts the row labels at the right, the colorbar beyond them, and no text over another', () => {
    const texts = r.scene.primitives.filter((p): p is TextPrimitive => p.type === 'text');
    const yt = texts.filter((t) => t.role === 'ytick');
    assert.equal(yt.length, n);
    for (const t of yt) assert.ok(t.x > box.x + box.cols * box.cw && t.anchor === 'start');
    assert.ok(r.layout.colorbar!.bar.x > Math.max(...yt.map((t) => t.x)));
    assert.deepEqual(overlappingTexts(r.scene), []);
  });

  it('colours the feature-set bar by each row’s set, with a legend in tab10’s colours', () => {
    const rects = r.scene.primitives.filter(
      (p): p is RectPrimitive => p.type === 'rect' && p.role === 'swatch',
    );
    const bar = rects.filter((p) => p.x < box.x && p.y >= box.y - 1e-9);
    assert.equal(bar.length, n);
    const set = (label: string) =>
      label.startsWith('mean') ? '#1f77b4' : label.endsWith('error') ? '#ff7f0e' : '#2ca02c';
    const rows = r.figure.grid.panels[0]!.rowLabels;
    bar
      .sort((a, b) => a.y - b.y)
      .forEach((b, i) => {
        assert.equal(b.fill, set(rows[i]!), rows[i]);
      });
    const legend = r.scene.primitives
      .filter((p): p is TextPrimitive => p.type === 'text' && p.role === 'legend')
      .map((t) => t.text);
    assert.deepEqual(legend, ['feature set', 'feature set:', 'mean', 'error', 'worst']);
  });

  it('draws the lines dark in the PNG', async () => {
    const png = decodePng(await renderPng(r.scene));
    const k = png.width / r.scene.width;
    // The root's crossbar of the rows' tree: a vertical line at the tree's far left.
    const root = lines
      .filter((l) => l.x1 === l.x2 && Math.max(l.x1, l.x2) < box.x)
      .sort((a, b) => a.x1 - b.x1)[0]!;
    const x = Math.floor(root.x1 * k);
    const y = Math.round(((root.y1 + root.y2) / 2) * k);
    const at = (y * png.width + x) * 4;
    assert.ok(png.rgba[at]! < 200, `pixel ${x},${y}: ${png.rgba[at]}`);
  });

  it('cuts the trees at a zoomed window’s edges, at the whole tree’s scale', () => {
    const f = r.figure;
    const zoomed = {
      ...f,
      grid: {
        ...f.grid,
        panels: [
          {
            ...f.grid.panels[0]!,
            rows: 10,
            rowLabels: f.grid.panels[0]!.rowLabels.slice(5, 15),
            values: f.grid.panels[0]!.values.slice(5 * n, 15 * n),
          },
        ],
      },
      yticks: [{ ...f.yticks[0]!, labels: f.yticks[0]!.labels.slice(5, 15) }],
      mask: [null],
      dendrograms: { ...f.dendrograms!, window: { r0: 5, r1: 15, c0: 0, c1: n } },
    };
    const l = layoutFigure(zoomed, dejavuSansMeasurer());
    const p = l.panels[0]!;
    for (const s of l.dendrograms) {
      if (Math.max(s.x1, s.x2) >= p.x) continue; // the columns' tree
      assert.ok(
        Math.min(s.y1, s.y2) >= p.y - 1e-9 && Math.max(s.y1, s.y2) <= p.y + 10 * p.ch + 1e-9,
      );
    }
    assert.ok(l.dendrograms.length > 3 * (n - 1));
  });
});

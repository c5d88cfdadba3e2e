/**
 * Every output agrees (issue 11): the HTML page of a spec carries the same labels, colours,
 * range, mask and formats as its SVG, for every example and for each option that changes
 * them. The page's figure is read back from its payload, as its viewer reads it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { figureFromPayload, type Payload } from '../../src/view/payload.ts';
import { outputData, queryData, readSpecFile, renderSpec, type Spec } from '../../src/node.ts';
import { ROOT } from '../helpers.ts';

function pageFigure(html: string) {
  const m = /<script type="application\/json" id="hf-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'the page carries its figure');
  const p = JSON.parse(m[1]!) as Payload;
  const panels = p.panels.map((x, i) => {
    if (x.values) return x;
    const v = new RegExp(
      `<script type="application/octet-stream" id="hf-v${i}">([^<]*)</script>`,
    ).exec(html);
    return { ...x, values: v![1]!.trim() };
  });
  return figureFromPayload({ ...p, panels });
}

const examples = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(ROOT, 'examples', f));

const variants: [string, Partial<Spec>][] = [
  ['as written', {}],
  ['xticklabels false, yticklabels true', { xticklabels: false, yticklabels: true }],
  ['mask upper', { mask: 'upper' }],
  ['fmt .1%, annotated', { annot: true, fmt: '.1%' }],
  ['center 0, robust', { center: 0, robust: true, norm: 'linear' }],
  ['cmap viridis_r, vmin/vmax', { cmap: 'viridis_r', vmin: -0.5, vmax: 0.5, norm: 'linear' }],
];

/** Categorical data refuses a numeric colour scale: its variants are the others. */
const numericScale = (o: Partial<Spec>) => 'norm' in o || 'vmin' in o || 'center' in o;

describe('the HTML page and the SVG of a spec', () => {
  for (const file of examples) {
    const categorical = 'categories' in JSON.parse(readFileSync(file, 'utf8'));
    for (const [what, overrides] of variants) {
      if (categorical && numericScale(overrides)) continue;
      it(`agree: ${file.split('/').pop()}, ${what}`, async () => {
        // Long data for an engine is queried first (once for both).
        const loadQuery = await queryData(readSpecFile(file), { source: file });
        const svg = renderSpec(file, { format: 'svg', overrides, loadQuery });
        const html = renderSpec(file, { format: 'html', overrides, loadQuery });
        const page = pageFigure((await outputData(html, 'html')) as string);
        const f = svg.figure.grid.reduced ? html.fullFigure : svg.figure;
        assert.deepEqual(page.xticks, f.xticks, 'column labels');
        assert.deepEqual(page.yticks, f.yticks, 'row labels');
        assert.deepEqual(page.norm, svg.figure.norm, 'range');
        assert.equal(page.cmap.name, svg.figure.cmap.name);
        assert.deepEqual([...page.cmap.lut], [...svg.figure.cmap.lut], 'colours');
        assert.deepEqual(page.annot, svg.figure.annot, 'format');
        assert.deepEqual(page.colorbar, svg.figure.colorbar, 'colorbar');
        if (!svg.figure.grid.reduced)
          assert.deepEqual(
            page.mask.map((m) => (m ? [...m] : null)),
            svg.figure.mask.map((m) => (m ? [...m] : null)),
            'mask',
          );
      });
    }
  }

  it('names positions with the labels given, in the page as in the SVG', async () => {
    const spec: Spec = {
      data: [
        [1, 2],
        [3, 4],
      ],
      xticklabels: ['left', 'right'],
      yticklabels: ['top', 'bottom'],
    };
    const page = pageFigure(
      (await outputData(renderSpec(spec, { format: 'html' }), 'html')) as string,
    );
    assert.deepEqual(page.xticks.labels, ['left', 'right']);
    assert.deepEqual(page.yticks[0]!.labels, ['top', 'bottom']);
  });
});

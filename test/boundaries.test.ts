/**
 * The public surface and the module boundaries of DESIGN.md, locked: the core imports no
 * Node module and no DOM global, data flows one way, and the exports are a known list.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import * as api from '../src/index.ts';
import * as nodeApi from '../src/node.ts';
import { ROOT } from './helpers.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const SRC = join(ROOT, 'src');
const NODE_ONLY = new Set([
  'node.ts',
  'render/png.ts',
  'render/deflate.ts',
  'render/pdf.ts',
  'text/shipped-font.ts',
  'text/font-files.ts',
  'output-file.ts',
  'read-file.ts',
  'render/html.ts',
]);
/** The HTML view's runtime: browser code by nature (it may use the DOM). */
const BROWSER_ONLY = new Set([
  'render/html/viewer.ts',
  'render/html/preview.ts',
  'render/html/canvas.ts',
  'render/html/markdown-dom.ts',
]);
const all = files(SRC).map((p) => relative(SRC, p));
const core = all.filter((p) => !p.startsWith('cli/') && !NODE_ONLY.has(p));
const imports = (p: string) =>
  [
    ...readFileSync(join(SRC, p), 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms),
  ].map((m) => m[1]!);

describe('module boundaries', () => {
  it('keep the core free of node: modules and Node-only packages', () => {
    for (const p of core) {
      for (const i of imports(p))
        assert.ok(
          !i.startsWith('node:') && !['@resvg/resvg-js', 'pdfkit', 'fontkit'].includes(i),
          `${p} imports ${i}`,
        );
    }
  });

  it('keep the core free of DOM and Node globals', () => {
    for (const p of core.filter((x) => !BROWSER_ONLY.has(x))) {
      const text = readFileSync(join(SRC, p), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const g of ['document.', 'window.', 'process.', 'Buffer.', 'require(', '__dirname'])
        assert.ok(!text.includes(g), `${p} uses ${g}`);
    }
  });

  it('let each stage import only the stages before it', () => {
    const rules: Record<string, string[]> = {
      'errors.ts': [],
      'messages.ts': [],
      'data/': ['errors.ts', 'messages.ts', 'data/', 'util/'],
      'figure/': [
        'errors.ts',
        'messages.ts',
        'figure/',
        'spec/',
        'data/',
        'color/',
        'format/',
        'text/',
        'util/',
      ],
      'color/': ['errors.ts', 'messages.ts', 'util/', 'color/'],
      'format/': ['errors.ts', 'messages.ts', 'format/', 'util/'],
      'text/': ['errors.ts', 'messages.ts', 'text/'],
      'spec/': ['errors.ts', 'messages.ts', 'spec/', 'color/', 'format/', 'util/'],
      'layout/': [
        'errors.ts',
        'messages.ts',
        'layout/',
        'figure/',
        'spec/',
        'color/',
        'format/',
        'text/',
        'util/',
      ],
      'scene/': ['util/', 'scene/', 'layout/', 'figure/', 'spec/', 'color/', 'format/', 'text/'],
      'render/': ['render/', 'scene/', 'text/', 'util/'],
      'util/': ['errors.ts', 'util/'],
    };
    for (const p of all) {
      const rule = Object.keys(rules).find((k) => p === k || (k.endsWith('/') && p.startsWith(k)));
      if (p.startsWith('render/html')) continue; // the HTML view composes the core, like pipeline.ts
      if (!rule) continue;
      for (const i of imports(p).filter((x) => x.startsWith('.'))) {
        const target = relative(SRC, join(SRC, p, '..', i));
        assert.ok(
          rules[rule]!.some((a) => target === a || (a.endsWith('/') && target.startsWith(a))),
          `${p} may not import ${target}`,
        );
      }
    }
  });

  it('let the CLI reach only the public API', () => {
    for (const p of all.filter((x) => x.startsWith('cli/'))) {
      for (const i of imports(p).filter((x) => x.startsWith('.'))) {
        const target = relative(SRC, join(SRC, p, '..', i));
        assert.ok(
          ['node.ts', 'index.ts'].includes(target) || target.startsWith('cli/'),
          `${p} imports ${target}`,
        );
      }
    }
  });
});

describe('public API', () => {
  it('exports exactly these names', () => {
    assert.deepEqual(Object.keys(api).sort(), [
      'HeatfigError',
      'buildScene',
      'checkClaims',
      'colormapFromList',
      'colormapNames',
      'contrastRatio',
      'dejavuSansMeasurer',
      'describe',
      'describeSpec',
      'gridFromArray',
      'gridFromArrow',
      'gridFromMatrix',
      'gridFromRecords',
      'gridFromSpec',
      'isHeatfigError',
      'layoutFigure',
      'makeColorizer',
      'makeFormatter',
      'makeNorm',
      'namedColormap',
      'relativeLuminance',
      'render',
      'renderSvg',
      'resolveSpec',
      'reversed',
      'sceneToJson',
      'textBox',
      'textColorOn',
      'validateSpec',
    ]);
  });

  it('exports the same and the file and raster functions from heatfig/node', () => {
    const extra = Object.keys(nodeApi)
      .filter((k) => !(k in api))
      .sort();
    assert.deepEqual(extra, [
      'MAX_INPUT_BYTES',
      'MAX_INPUT_BYTES_CEILING',
      'MAX_SCALE',
      'checkNotInput',
      'describeFile',
      'fileLoader',
      'formatFromPath',
      'load',
      'loadStdin',
      'outputBytes',
      'outputData',
      'readHints',
      'readSpecFile',
      'renderPdf',
      'renderPng',
      'renderSpec',
      'writeFileAtomic',
    ]);
  });
});

/**
 * The public surface and the module boundaries of DESIGN.md, locked: the core imports no
 * Node module and no DOM global, data flows one way, and the exports are a known list.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
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
/** The Node edge (DESIGN.md): the Node entry, file I/O (io/), the PNG, PDF and page writers, font files. */
const NODE_ONLY = new Set([
  'node.ts',
  'io/read-file.ts',
  'io/output-file.ts',
  'io/load-file.ts',
  'io/npy-file.ts',
  'io/read-hints.ts',
  'io/distances.ts',
  'io/engines.ts',
  'io/query-data.ts',
  'io/ocr.ts',
  'io/optional.ts',
  'io/read-image.ts',
  'io/pdf-page.ts',
  'render/png/png.ts',
  'render/png/resvg.ts',
  'render/png/deflate.ts',
  'render/pdf.ts',
  'view/page.ts',
  'text/shipped-font.ts',
  'text/font-files.ts',
  'text/families.ts',
]);
/** Modules that draw on or wire up a page: browser code by nature (they may use the DOM). */
const BROWSER_ONLY = new Set([
  'view/viewer.ts',
  'view/preview.ts',
  'view/markdown-dom.ts',
  'view/paint.ts',
  'view/controls.ts',
  'view/interact.ts',
  'view/mount.ts',
  'view/element.ts',
  'render/canvas.ts',
]);
const all = files(SRC).map((p) => relative(SRC, p));
const core = all.filter((p) => !p.startsWith('cli/') && !NODE_ONLY.has(p));
const imports = (p: string) =>
  [
    ...readFileSync(join(SRC, p), 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms),
  ].map((m) => m[1]!);

/** Every folder of the core and what it may import: DESIGN.md's table, with no exemption. */
const CORE = [
  'spec/',
  'data/',
  'cluster/',
  'query/',
  'read/',
  'figure/',
  'color/',
  'format/',
  'text/',
  'layout/',
  'scene/',
  'render/',
  'describe/',
  'view/',
  'pipeline.ts',
  'outputs.ts',
  'index.ts',
];
const BASE = ['errors.ts', 'messages.ts', 'util/'];
const RULES: Record<string, readonly string[]> = {
  'errors.ts': [],
  'messages.ts': ['util/'],
  'util/': [],
  'spec/': [...BASE, 'color/', 'format/', 'cluster/'],
  'data/': BASE,
  'cluster/': BASE,
  'query/': [...BASE, 'data/', 'spec/'],
  'read/': [...BASE, 'color/'],
  'figure/': [...BASE, 'spec/', 'data/', 'cluster/', 'color/', 'format/', 'text/'],
  'color/': BASE,
  'format/': BASE,
  'text/': BASE,
  'layout/': [...BASE, 'figure/', 'cluster/', 'color/', 'format/', 'text/'],
  'scene/': [...BASE, 'figure/', 'layout/', 'cluster/', 'color/', 'text/'],
  'render/': [...BASE, 'scene/', 'text/'],
  'describe/': [...BASE, 'figure/', 'data/', 'cluster/', 'color/', 'format/'],
  'view/': [...BASE, ...CORE],
  'pipeline.ts': [...BASE, ...CORE],
  'index.ts': [...BASE, ...CORE],
  'io/': [
    ...BASE,
    'data/',
    'cluster/',
    'query/',
    'read/',
    'render/',
    'figure/',
    'spec/',
    'outputs.ts',
  ],
  'outputs.ts': [...BASE, 'render/', 'scene/'],
  'node.ts': [...BASE, ...CORE, 'io/'],
  'cli/': ['node.ts', 'index.ts', 'messages.ts'],
};
const ruleOf = (p: string) =>
  Object.keys(RULES).find((k) => p === k || (k.endsWith('/') && p.startsWith(k)));
const within = (target: string, allowed: readonly string[]) =>
  allowed.some((a) => target === a || (a.endsWith('/') && target.startsWith(a)));

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

  it('give every module a rule, and let it import only what its rule allows', () => {
    for (const p of all) {
      const rule = ruleOf(p);
      assert.ok(rule, `${p} is in no folder of DESIGN.md's table`);
      for (const i of imports(p).filter((x) => x.startsWith('.'))) {
        const target = relative(SRC, join(SRC, p, '..', i));
        if (ruleOf(target) === rule) continue; // within its own folder
        assert.ok(within(target, RULES[rule]!), `${p} may not import ${target}`);
      }
    }
  });

  it('never let a Node-only module into the core', () => {
    for (const p of core)
      for (const i of imports(p).filter((x) => x.startsWith('.'))) {
        const target = relative(SRC, join(SRC, p, '..', i));
        assert.ok(!NODE_ONLY.has(target), `${p} imports the Node-only ${target}`);
      }
  });
});

describe('messages', () => {
  it('come from messages.ts: no error is thrown with a text written where it is thrown', () => {
    for (const p of all) {
      const src = ts.createSourceFile(
        p,
        readFileSync(join(SRC, p), 'utf8'),
        ts.ScriptTarget.Latest,
      );
      const visit = (n: ts.Node): void => {
        if (ts.isNewExpression(n) && n.expression.getText(src) === 'HeatfigError') {
          const text = n.arguments?.[1];
          assert.ok(
            text &&
              !ts.isStringLiteral(text) &&
              !ts.isTemplateExpression(text) &&
              !ts.isNoSubstitutionTemplateLiteral(text),
            `${p}: ${n.getText(src).slice(0, 80)}`,
          );
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
  });
});

describe('tests', () => {
  it('give every detector a test file of its own', () => {
    const dir = join(SRC, 'describe/detectors');
    for (const f of readdirSync(dir).filter((x) => x !== 'index.ts'))
      assert.ok(
        statSync(join(ROOT, 'test/describe/detectors', f.replace(/\.ts$/, '.test.ts'))).isFile(),
        `no test/describe/detectors/${f.replace(/\.ts$/, '.test.ts')}`,
      );
  });
});

describe('public API', () => {
  it('exports exactly these names', () => {
    assert.deepEqual(Object.keys(api).sort(), [
      'HeatfigError',
      'METHODS',
      'METRICS',
      'buildScene',
      'checkClaims',
      'cluster',
      'clusterAxis',
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
      'DESCRIBE_PIXEL_RATIO',
      'MAX_INPUT_BYTES',
      'MAX_INPUT_BYTES_CEILING',
      'MAX_SCALE',
      'OUTPUTS',
      'QUERY_MAX_CELLS',
      'SHIPPED_FAMILIES',
      'checkNotInput',
      'clickhouse',
      'colorsOf',
      'describeFile',
      'duckdb',
      'fileLoader',
      'formatFromPath',
      'gridCsv',
      'gridSpec',
      'isQuerySource',
      'load',
      'loadStdin',
      'looksLikeFontFile',
      'openEngine',
      'outputBytes',
      'outputData',
      'queryData',
      'queryGrid',
      'readHeatmap',
      'readHeatmapFile',
      'readHints',
      'readSpecFile',
      'renderPdf',
      'renderPng',
      'renderSpec',
      'writeFileAtomic',
    ]);
  });
});

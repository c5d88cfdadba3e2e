import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { outputBytes, renderSpec } from '../../src/node.ts';
import { ROOT } from '../helpers.ts';

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('renderPdf', () => {
  const result = renderSpec(`${ROOT}examples/seed-000.json`);

  it('writes the same bytes every time', async () => {
    const a = await outputBytes(result, 'pdf');
    const b = await outputBytes(renderSpec(`${ROOT}examples/seed-000.json`), 'pdf');
    assert.deepEqual(a, b);
  });

  it('is a one-page PDF of the figure size, with the font embedded and the title set', async () => {
    const text = latin1(await outputBytes(result, 'pdf'));
    assert.ok(text.startsWith('%PDF-'));
    assert.equal((text.match(/\/Type \/Page\b/g) ?? []).length, 1);
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)!;
    assert.equal(Number(box[1]), result.scene.width * 0.75);
    assert.equal(Number(box[2]), result.scene.height * 0.75);
    assert.match(text, /\/FontFile2/);
    assert.match(text, /\/Title \d+ 0 R/);
    assert.ok(text.includes('(Accuracy)'));
  });

  it('draws text as text and cells as filled rectangles', async () => {
    const bytes = Buffer.from(await outputBytes(result, 'pdf'));
    const streams: string[] = [];
    const s = bytes.toString('latin1');
    for (let i = s.indexOf('stream\n'); i >= 0; i = s.indexOf('stream\n', i + 7)) {
      const end = s.indexOf('endstream', i);
      try {
        streams.push(inflateSync(bytes.subarray(i + 7, end)).toString('latin1'));
      } catch {
        /* not deflated */
      }
    }
    const page = streams.find((t) => / re\b/.test(t) && /BT/.test(t))!;
    assert.ok(page, 'a page content stream');
    assert.ok((page.match(/ re\b/g) ?? []).length >= 26, 'background and 25 cells');
    assert.ok(
      (page.match(/\bBT\b/g) ?? []).length >= 25 + 10 + 6 + 3,
      'annotations, tick labels, colorbar ticks, titles',
    );
  });
});

describe('the PDF writer', () => {
  it('does not load resvg (the PNG writer): it learns the font from text/shipped-font.ts', () => {
    const code = `
      import { createRequire } from 'node:module';
      import { outputBytes, renderSpec } from './src/node.ts';
      const pdf = await outputBytes(renderSpec('examples/seed-000.json', { format: 'pdf' }), 'pdf');
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(pdf.length > 1000, loaded.some((k) => k.includes('resvg')));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'true false');
  });
});

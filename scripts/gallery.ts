/**
 * Renders every spec in examples/ to gallery/NAME.{svg,png,pdf} and writes gallery/index.html
 * showing them all. `npm run gallery`.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { outputBytes, queryData, readSpecFile, renderSpec, writeFileAtomic } from '../src/node.ts';
import { escapeXml } from '../src/render/svg.ts';
import { generateAttention } from '../examples/generate-attention.ts';

const root = new URL('..', import.meta.url).pathname;
const examples = join(root, 'examples');
const out = join(root, 'gallery');
mkdirSync(out, { recursive: true });

const specs = readdirSync(examples)
  .filter((f) => f.endsWith('.json'))
  .filter(
    (f) =>
      'data' in JSON.parse(readFileSync(join(examples, f), 'utf8')) ||
      'panels' in JSON.parse(readFileSync(join(examples, f), 'utf8')),
  )
  // The seed figures first, then the other examples.
  .sort(
    (a, b) => Number(!a.startsWith('seed-')) - Number(!b.startsWith('seed-')) || a.localeCompare(b),
  );

// The large example's data (64 MB) is generated, not committed.
generateAttention();

const cards: string[] = [];
let failed = 0;
for (const file of specs) {
  const name = basename(file, '.json');
  const t0 = performance.now();
  try {
    const path = join(examples, file);
    // Long data aggregated by DuckDB is queried first, once for every format.
    const loadQuery = await queryData(readSpecFile(path), { source: path });
    const result = renderSpec(path, { loadQuery });
    for (const format of ['svg', 'png', 'pdf', 'html'] as const) {
      const r = format === 'html' ? renderSpec(path, { format: 'html', loadQuery }) : result;
      writeFileAtomic(join(out, `${name}.${format}`), await outputBytes(r, format));
    }
    for (const w of result.warnings) console.warn(`${name}: warning: ${w}`);
    const title = result.figure.title ?? name;
    cards.push(
      `<figure><a href="${name}.svg"><img src="${name}.png" width="${result.scene.width}" height="${result.scene.height}" alt="${escapeXml(title)}" loading="lazy"></a>` +
        `<figcaption>${escapeXml(name)} — ${escapeXml(title)} · <a href="${name}.html">interactive</a> · <a href="${name}.svg">SVG</a> · <a href="${name}.png">PNG</a> · <a href="${name}.pdf">PDF</a></figcaption></figure>`,
    );
    console.log(`${name}: svg png pdf html (${Math.round(performance.now() - t0)} ms)`);
  } catch (e) {
    failed++;
    console.error(`${name}: error: ${(e as Error).message}`);
  }
}

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>heatfig gallery</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2rem; color: #111; }
main { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
figure { margin: 0; max-width: 100%; }
img { max-width: min(100%, 900px); height: auto; border: 1px solid #ddd; }
figcaption { font-size: 0.9rem; margin-top: 0.4rem; }
</style></head>
<body><h1>heatfig gallery</h1>
<p>Every spec in <code>examples/</code>, rendered by <code>npm run gallery</code>.</p>
<main>
${cards.join('\n')}
</main></body></html>
`;
writeFileAtomic(join(out, 'index.html'), html);
console.log(`gallery/index.html: ${cards.length} figures${failed ? `, ${failed} failed` : ''}`);
process.exitCode = failed ? 1 : 0;

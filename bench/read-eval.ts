/**
 * `npm run read-eval` (issue 20): heatmap images read back, scored against what they were
 * drawn from. The set is seaborn's and matplotlib's images written by
 * scripts/make-read-eval.py into bench/data/read-eval/ (made here when missing; gitignored),
 * and heatfig's own renders of seeded grids made here. Per set: the shape exactly right, the
 * colorbar's tick labels exactly right, the axes' tick labels exactly right (seaborn's and
 * matplotlib's images: numbered, or named on a third of them), annotated cells exactly as
 * printed, other cells within 2% of the colour range (of its decades, on a logarithmic
 * colorbar: 10^k labels), the range within one tick step (a decade), and the
 * time to read an image, labels and all, with the text recognizer already started (its
 * start-up is timed apart).
 * Run: npm run read-eval [-- --verbose] (SEEDS_ONLY=1: the seed figures alone; ONLY=text:
 * only the images whose name holds the text, e.g. ONLY=.jpg)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../examples/generate-seed-003.ts';
import type { Grid } from '../src/data/grid.ts';
import { checkClaims } from '../src/describe/check.ts';
import { numberRecognizer } from '../src/io/ocr.ts';
import { colorsOf, readHeatmap } from '../src/io/read-image.ts';
import { describeFile, outputBytes, renderSpec, type Spec } from '../src/node.ts';
import { decodeImage } from '../src/read/image.ts';
import { readValues } from '../src/read/read.ts';
import { roundToShare } from '../src/util/share.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DIR = join(ROOT, 'bench/data/read-eval');
const verbose = process.argv.includes('--verbose');

interface Truth {
  readonly set: string;
  readonly name: string;
  readonly png: Uint8Array;
  readonly values: number[][];
  readonly printed: number[][] | null;
  readonly vmin: number;
  readonly vmax: number;
  readonly ticks: number[];
  /** A logarithmic colorbar's (LogNorm): ranges, steps and cells are compared in decades. */
  readonly log: boolean;
  /** The axes' tick labels as drawn, each with its row or column (null: not known). */
  readonly rowLabels: [number, string][] | null;
  readonly colLabels: [number, string][] | null;
}

function drawnByPython(): Truth[] {
  // Made when missing, or made again when made before the axes' labels were written down.
  const made = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];
  // (And when made before the scaled colorbars were: a logarithmic one among them.)
  if (
    !made.length ||
    !('rowLabels' in JSON.parse(readFileSync(join(DIR, made[0]!), 'utf8'))) ||
    !made.some((f) => f.includes('-log-'))
  )
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/make-read-eval.py')], {
      stdio: 'inherit',
    });
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const t = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
      // Each figure as PNG, and as JPEG at quality 75 (its own set).
      return ['png', 'jpg']
        .filter((ext) => existsSync(join(DIR, f.replace(/\.json$/, `.${ext}`))))
        .map((ext) => ({
          set: `${t.tool}${t.scale === 'log' ? ', logarithmic colorbar' : t.scale === 'offset' ? ', offset text' : ''}${t.annotated ? ', annotated' : ''}${ext === 'jpg' ? ', JPEG q75' : ''}`,
          name: f.replace(/\.json$/, ext === 'jpg' ? '.jpg' : ''),
          png: readFileSync(join(DIR, f.replace(/\.json$/, `.${ext}`))),
          values: t.values,
          printed: t.printed,
          vmin: t.vmin,
          vmax: t.vmax,
          ticks: t.ticks,
          log: t.scale === 'log',
          rowLabels: t.rowLabels,
          colLabels: t.colLabels,
        }));
    });
}

/** heatfig's own renders of seeded grids, half annotated; their ticks are the ones it drew. */
async function drawnByHeatfig(n: number): Promise<Truth[]> {
  const rand = mulberry32(20);
  const cmaps = ['viridis', 'magma', 'RdBu', 'Blues', 'rocket', 'coolwarm'];
  const out: Truth[] = [];
  for (let k = 0; k < n; k++) {
    const annotated = k % 2 === 0;
    const rows = 3 + Math.floor(rand() * (annotated ? 9 : 30));
    const cols = 3 + Math.floor(rand() * (annotated ? 9 : 30));
    const values = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => Math.round(rand() * 1000) / 100),
    );
    const spec = {
      data: values,
      cmap: cmaps[k % cmaps.length],
      ...(annotated ? { annot: true, fmt: '.2f' } : {}),
    } as Spec;
    const r = renderSpec(spec, { format: 'png' });
    const flat = values.flat();
    out.push({
      set: `heatfig${annotated ? ', annotated' : ''}`,
      name: `heatfig-${k}-${rows}x${cols}`,
      png: (await outputBytes(r, 'png')) as Uint8Array,
      values,
      printed: annotated ? values : null,
      vmin: Math.min(...flat),
      vmax: Math.max(...flat),
      ticks: r.layout.colorbar?.ticks.map((t) => t.value) ?? [],
      log: false,
      rowLabels: null,
      colLabels: null,
    });
  }
  return out;
}

interface Score {
  images: number;
  shape: number;
  ticksRight: number;
  ticksKnown: number;
  /** The axes' tick labels read exactly, of those drawn. */
  labelsRight: number;
  labelsKnown: number;
  exact: number;
  /** Annotated cells read as another number than printed, with no warning. */
  misread: number;
  printedCells: number;
  within: number;
  colourCells: number;
  range: number;
  times: number[];
  /** Cells read from colour in grids of the right shape, those past the reported uncertainty as written, the worst ratio. */
  bounded: number;
  past: number;
  worst: number;
  pastIn: Set<string>;
  /** The stated uncertainty of each image read from colour, as a share of its range. */
  shares: number[];
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}% (${a}/${b})` : '—');

async function main(): Promise<void> {
  /** Each image's time to read, by name. */
  const timeOf = new Map<string, number>();
  const t0 = performance.now();
  const ocr = await numberRecognizer();
  const startup = performance.now() - t0;
  const only = process.env['ONLY'];
  const images = [...drawnByPython(), ...(await drawnByHeatfig(12))].filter(
    (t) => !only || t.name.includes(only),
  );
  const sets = new Map<string, Score>();
  try {
    for (const t of images) {
      const s =
        sets.get(t.set) ??
        sets
          .set(t.set, {
            images: 0,
            shape: 0,
            ticksRight: 0,
            ticksKnown: 0,
            labelsRight: 0,
            labelsKnown: 0,
            exact: 0,
            misread: 0,
            printedCells: 0,
            within: 0,
            colourCells: 0,
            range: 0,
            times: [],
            bounded: 0,
            past: 0,
            worst: 0,
            pastIn: new Set<string>(),
            shares: [],
          })
          .get(t.set)!;
      const a = performance.now();
      // The cells, the colorbar and the axes' labels, as heatfig read does.
      const r = await readValues(
        t.png,
        {
          recognize: ocr.recognize,
          recognizeNumber: ocr.recognizeNumber,
          recognizeText: ocr.recognizeText,
          parallel: ocr.parallel,
        },
        t.name,
      );
      const ms = performance.now() - a;
      s.times.push(ms);
      timeOf.set(t.name, ms);
      s.images++;
      const rows = t.values.length;
      const cols = t.values[0]!.length;
      const shapeRight = r.rows === rows && r.cols === cols;
      if (shapeRight) s.shape++;
      let ticksRight = true;
      if (t.ticks.length) {
        s.ticksKnown++;
        const got = [...r.ticks].sort((x, y) => x - y);
        const want = [...t.ticks].sort((x, y) => x - y);
        ticksRight =
          got.length === want.length &&
          got.every((v, i) => Math.abs(v - want[i]!) < 1e-9 * Math.max(1, Math.abs(v)));
        if (ticksRight) s.ticksRight++;
      }
      let labelsOff = 0;
      for (const [drawn, read] of [
        [t.rowLabels, r.labels?.rows],
        [t.colLabels, r.labels?.cols],
      ] as const)
        for (const [i, text] of drawn ?? []) {
          s.labelsKnown++;
          if (shapeRight && read?.[i] === text) s.labelsRight++;
          else labelsOff++;
        }
      // On a logarithmic colorbar, in decades (a tick step is one).
      const at = (v: number) => (t.log ? Math.log10(v) : v);
      const step = t.log
        ? 1
        : t.ticks.length > 1
          ? Math.abs(t.ticks[1]! - t.ticks[0]!)
          : t.vmax - t.vmin;
      if (
        r.range &&
        Math.abs(at(Math.min(...r.range)) - at(t.vmin)) <= step &&
        Math.abs(at(Math.max(...r.range)) - at(t.vmax)) <= step
      )
        s.range++;
      const span = at(t.vmax) - at(t.vmin);
      let misses = 0;
      const offs: string[] = [];
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const got = shapeRight ? r.values[i * cols + j]! : Number.NaN;
          if (t.printed) {
            s.printedCells++;
            if (got === t.printed[i]![j]) s.exact++;
            else {
              misses++;
              offs.push(`${i},${j} ${t.printed[i]![j]}→${got}${got === r.annotations?.values[i * cols + j] ? ' (no warning)' : ''}`);
              // Taken from the number read over the cell, and wrong: misread with no warning
              // (one not read is read from its colour, and a warning counts it).
              if (got === r.annotations?.values[i * cols + j]) s.misread++;
            }
          } else {
            s.colourCells++;
            const want = t.values[i]![j]!;
            const off = Math.abs(at(got) - at(want));
            if (off <= 0.02 * span) s.within++;
            else misses++;
            if (shapeRight && got === got) {
              s.bounded++;
              // As written (the CSV's and the description's), against the bound said of it:
              // on a logarithmic colorbar, a share of the value as written.
              const rel = r.relative;
              const written = rel ? roundToShare(got, rel.share) : Number(got.toFixed(r.decimals));
              const bound = rel ? rel.bound * Math.abs(written) : r.uncertainty;
              const miss = Math.abs(written - want);
              if (miss > bound) {
                s.past++;
                s.worst = Math.max(s.worst, miss / bound);
                s.pastIn.add(t.name);
              }
            }
          }
        }
      if (shapeRight && !t.printed && r.uncertainty === r.uncertainty)
        s.shares.push(r.relative ? r.relative.bound : r.uncertainty / span);
      if (verbose && (misses || !shapeRight || !ticksRight || labelsOff))
        console.log(
          `${t.name}: read ${r.rows}×${r.cols} (drawn ${rows}×${cols}), ${misses} cells off${offs.length ? ` [${offs.join('; ')}]` : ''}, ticks ${JSON.stringify(r.ticks)} (drawn ${JSON.stringify(t.ticks)}), ${labelsOff} labels off (${JSON.stringify(r.labels)}); ${r.warnings.join('; ')}`,
        );
    }
  } finally {
    await ocr.close();
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
  console.log(
    `Read back: ${images.length} images (seaborn's and matplotlib's by scripts/make-read-eval.py, as PNG and as JPEG at quality 75; heatfig's own made here, PNG). Time per image with the text recognizer started; its start-up took ${(startup / 1000).toFixed(2)} s.\n`,
  );
  console.log(
    '| set | images | shape exact (≥ 98%) | colorbar ticks exact (≥ 95%) | axis labels exact (≥ 95%) | annotated cells exact (≥ 99%) | other cells within 2% of range (≥ 95%; of its decades on a logarithmic colorbar) | range within a tick step | time per image, median / most |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, s] of sets)
    console.log(
      `| ${name} | ${s.images} | ${pct(s.shape, s.images)} | ${pct(s.ticksRight, s.ticksKnown)} | ${pct(s.labelsRight, s.labelsKnown)} | ${pct(s.exact, s.printedCells)} | ${pct(s.within, s.colourCells)} | ${pct(s.range, s.images)} | ${(median(s.times) / 1000).toFixed(2)} / ${(Math.max(...s.times) / 1000).toFixed(2)} s |`,
    );
  for (const [name, s] of sets)
    if (s.printedCells)
      console.log(
        `\n${name}: ${s.misread} of ${s.printedCells.toLocaleString('en-US')} annotated cells read as another number than printed, with no warning.`,
      );
  // The uncertainty stated for values read from colour, tested: how many such cells lie
  // further from the drawn value than it says.
  for (const [name, s] of sets)
    if (s.bounded)
      console.log(
        `\n${name}: ${s.past} of ${s.bounded.toLocaleString('en-US')} cells read from colour lie past the stated uncertainty${s.past ? ` (at most ${s.worst.toFixed(1)} times it; in ${[...s.pastIn].join(', ')})` : ''}; it is ±${(100 * median(s.shares)).toFixed(2)}% of ${name.includes('logarithmic') ? 'the value' : 'the range'} for the median image, ±${(100 * Math.max(...s.shares)).toFixed(2)}% at most.`,
      );
  const sizes = images.map((t) => {
    const img = decodeImage(t.png, t.name);
    return img.width * img.height;
  });
  console.log(
    `\nImages from ${Math.min(...sizes).toLocaleString('en-US')} to ${Math.max(...sizes).toLocaleString('en-US')} pixels.`,
  );
  // The issue's time target is for a 1000×800 PNG: the images of that size or smaller apart.
  const smallNames = images.flatMap((t, i) =>
    sizes[i]! <= 1000 * 800 && !t.name.endsWith('.jpg') ? [t.name] : [],
  );
  const small = smallNames.map((n) => timeOf.get(n)!);
  const slowest = [...smallNames].sort((p, q) => timeOf.get(q)! - timeOf.get(p)!).slice(0, 3);
  const large = images.flatMap((t, i) => (sizes[i]! > 1000 * 800 ? [timeOf.get(t.name)!] : []));
  if (small.length)
    console.log(
      `PNGs of at most 1000×800 pixels (${small.length}): ${(median(small) / 1000).toFixed(2)} s median, ${(Math.max(...small) / 1000).toFixed(2)} s at most (target ≤ 2 s; the slowest ${slowest.map((n) => `${n} ${(timeOf.get(n)! / 1000).toFixed(2)} s`).join(', ')}).${large.length ? ` Larger images (${large.length}, PNG and JPEG): ${(median(large) / 1000).toFixed(2)} s median, ${(Math.max(...large) / 1000).toFixed(2)} s at most.` : ''}`,
    );
}

/**
 * The seed figures (examples/seed-00N.json) drawn by seaborn (scripts/make-read-seeds.py),
 * read back and described: the shape, the cells as printed, the labels, and every claim of
 * the description checked against the seed's own data (not the grid read).
 */
async function seeds(): Promise<void> {
  const dir = join(ROOT, 'bench/data/read-seeds');
  if (!existsSync(dir))
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/make-read-seeds.py')], {
      stdio: 'inherit',
    });
  console.log(
    '\nThe seed figures drawn by seaborn (scripts/make-read-seeds.py; seed-003’s four panels each read with its panel number), read back and described; the claims checked against the seed’s data:\n',
  );
  console.log(
    '| seed | drawn | read | cells as printed (within the bound stated where none is printed) | labels exact | description’s claims true of the seed’s data |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  type Data = { rows?: string[]; cols?: string[]; values: (number | null)[][] };
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()) {
    const seed = JSON.parse(
      readFileSync(join(ROOT, 'examples', f.replace('.png', '.json')), 'utf8'),
    ) as { data?: Data; panels?: { data: Data }[]; fmt?: string; annot?: boolean };
    // A seed of several panels (seed-003): each read with its number, top to bottom.
    const parts = seed.panels
      ? seed.panels.map((p, k) => ({ data: p.data, panel: k + 1 }))
      : [{ data: seed.data!, panel: null }];
    for (const { data, panel } of parts) {
      const name = `${f.replace('.png', '')}${panel ? ` panel ${panel}` : ''}`;
      const r = await readHeatmap(readFileSync(join(dir, f)), f, panel ? { panel } : {});
      console.log(seedRow(name, r, data, seed));
    }
  }
}

/**
 * One seed's (or one of its panels') row: the shape, the cells (as printed where annotated,
 * else within the uncertainty stated), the labels, and every claim of the description
 * checked against the seed's own data.
 */
function seedRow(
  name: string,
  r: Awaited<ReturnType<typeof readHeatmap>>,
  data: { rows?: string[]; cols?: string[]; values: (number | null)[][] },
  seed: { fmt?: string; annot?: boolean },
): string {
  const want = data.values;
  const rows = want.length;
  const cols = want[0]!.length;
  const p = r.grid.panels[0]!;
  const same = p.rows === rows && r.grid.cols === cols;
  // As printed: the seed's format (fixed decimals, or a percentage's).
  const fmt = seed.fmt ?? '.2f';
  const digits = Number(/\.(\d+)/.exec(fmt)?.[1] ?? 2) + (fmt.endsWith('%') ? 2 : 0);
  let exact = 0;
  let counted = 0;
  if (same)
    want.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        counted++;
        const got = p.values[i * cols + j]!;
        const ok = seed.annot
          ? got === Number(v.toFixed(digits))
          : Math.abs(got - v) <= r.uncertainty;
        if (ok) exact++;
        else if (verbose) console.log(`${name}: cell ${i},${j} drawn ${v}, read ${got}`);
      }),
    );
  const labelled = data.rows && data.cols;
  const labels =
    same && labelled
      ? p.rowLabels.filter((l, i) => l === data.rows![i]).length +
        r.grid.colLabels.filter((l, j) => l === data.cols![j]).length
      : 0;
  let claims = 'not comparable (another shape)';
  if (same) {
    const d = describeFile({ ...colorsOf(r) } as Spec, { grid: r.grid });
    const truth: Grid = {
      ...d.figure.grid,
      panels: [
        {
          ...d.figure.grid.panels[0]!,
          values: Float64Array.from(want.flat(), (v) => (v === null ? Number.NaN : v)),
        },
      ],
    };
    // Values read from colour are good to the bound stated, not to their last digit: the
    // claims are checked against the grid read (each cell of which is counted against the
    // seed's above). A check of them against the seed's data within that bound is not built.
    const printed = !!seed.annot;
    const check = checkClaims(printed ? truth : d.figure.grid, d.description.claims);
    if (verbose)
      for (const failure of check.failures)
        console.log(`${name}: claim not true of the seed's data: ${JSON.stringify(failure)}`);
    const n = d.description.claims.length;
    claims = `${n - check.failures.length} of ${n}${printed ? '' : ' (of the grid read)'}`;
  }
  const cells = same ? `${exact} of ${counted}${seed.annot ? '' : ' within ±' + r.uncertainty.toPrecision(2)}` : '—';
  return `| ${name} | ${rows}×${cols} | ${p.rows}×${r.grid.cols} | ${cells} | ${same && labelled ? `${labels} of ${rows + cols}` : '—'} | ${claims} |`;
}

if (!process.env['SEEDS_ONLY']) await main();
if (process.env['ONLY']) process.exit(0);
await seeds();

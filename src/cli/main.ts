/**
 * The heatfig command: parses arguments into a spec, calls the library, writes files.
 * Errors a user can cause print one line, `heatfig: error: WHERE: WHAT; WHAT WOULD BE RIGHT`,
 * and exit 2; --debug adds the stack trace.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve as resolvePath } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import {
  colormapNames,
  type Grid,
  HeatfigError,
  formatFromPath,
  isHeatfigError,
  type LoadOptions,
  load,
  type OutputFormat,
  outputData,
  renderSpec,
  type RenderFileOptions,
  describeFile,
  type Spec,
  readHints,
  loadStdin,
  MAX_INPUT_BYTES,
  MAX_INPUT_BYTES_CEILING,
  MAX_SCALE,
  writeFileAtomic,
  checkNotInput,
} from '../node.ts';
import { progressBar } from './progress.ts';
import { schemaText } from './schema-text.ts';

const number = (flag: string) => (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n))
    throw new HeatfigError(
      'bad-option',
      `${JSON.stringify(v)} is not a number; give ${flag} a number such as 0.5`,
      flag,
    );
  return n;
};

/** A number in (lo, hi] (lo itself allowed when open is false), or a one-line refusal naming the flag. */
const within =
  (flag: string, lo: number, hi: number, open = true, whole = false) =>
  (v: string) => {
    const n = number(flag)(v);
    if ((open ? !(n > lo) : !(n >= lo)) || n > hi || (whole && !Number.isInteger(n)))
      throw new HeatfigError(
        'bad-option',
        `${v} is out of range; give ${flag} a ${whole ? 'whole number' : 'number'} ${open ? 'above' : 'from'} ${lo} up to ${hi.toLocaleString('en-US')}`,
        flag,
      );
    return n;
  };

/**
 * As seaborn takes them: true, false, auto, every nth (a number), a comma-separated list, or
 * a file with one label per line (when a file of that name exists).
 */
const ticklabels = (v: string): Spec['xticklabels'] => {
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === 'auto') return 'auto';
  if (/^\d+$/.test(v) && Number(v) >= 1) return Number(v);
  if (existsSync(v) && statSync(v).isFile())
    return readFileSync(v, 'utf8')
      .replace(/\r?\n$/, '')
      .split(/\r?\n/);
  return v.split(',');
};

const indexCol = (v: string): number | 'none' => {
  if (v === 'none') return 'none';
  if (/^\d+$/.test(v)) return Number(v);
  throw new HeatfigError(
    'bad-option',
    `${JSON.stringify(v)} is not a column; give --index-col a column number (0 is the first) or none`,
    '--index-col',
  );
};

/** How to read the input file, from the flags. */
function loadOptionsFrom(o: Record<string, unknown>): LoadOptions {
  const out: Record<string, unknown> = {};
  for (const [flag, key] of [
    ['inputFormat', 'format'],
    ['sep', 'sep'],
    ['x', 'x'],
    ['y', 'y'],
    ['value', 'value'],
    ['agg', 'agg'],
    ['sort', 'sort'],
    ['key', 'key'],
    ['indexCol', 'indexCol'],
    ['orient', 'orient'],
  ] as const) {
    if (o[flag] !== undefined) out[key] = o[flag] === '\\t' ? '\t' : o[flag];
  }
  return out as LoadOptions;
}

/** Which spec options the flags set; a flag the user did not give sets nothing. */
function overridesFrom(o: Record<string, unknown>): Partial<Spec> {
  const out: Record<string, unknown> = {};
  const direct = [
    'title',
    'xlabel',
    'ylabel',
    'cmap',
    'vmin',
    'vmax',
    'center',
    'robust',
    'norm',
    'linthresh',
    'annot',
    'fmt',
    'annotSize',
    'square',
    'width',
    'height',
    'cellWidth',
    'cellHeight',
    'fontSize',
    'linewidths',
    'linecolor',
    'mask',
    'xaxis',
    'xticklabels',
    'yticklabels',
    'raster',
    'reduce',
    'font',
  ];
  for (const k of direct) if (o[k] !== undefined) out[k] = o[k];
  if (o['xrotation'] !== undefined) {
    const v = String(o['xrotation']);
    const n = Number(v);
    if (v !== 'auto' && (v.trim() === '' || !Number.isFinite(n)))
      throw new HeatfigError(
        'bad-option',
        `${JSON.stringify(v)} is not a rotation; give degrees from -90 to 90, or auto`,
        '--xrotation',
      );
    out['xrotation'] = v === 'auto' ? 'auto' : n;
  }
  const cb: Record<string, unknown> = {};
  if (o['cbarLabel'] !== undefined) cb['label'] = o['cbarLabel'];
  if (o['extend'] !== undefined) cb['extend'] = o['extend'];
  if (o['cbarFormat'] !== undefined) cb['format'] = o['cbarFormat'];
  if (o['colorbar'] === false) out['colorbar'] = false;
  else if (Object.keys(cb).length) out['colorbar'] = cb;
  return out as Partial<Spec>;
}

/**
 * The spec a JSON input holds (an object with data, panels or $schema), not yet validated
 * (render does that, naming the file); null when the input is data; 'unreadable' when it
 * cannot be read or parsed (the spec reader then reports where). The file is read once.
 */
function specIn(path: string, o: Record<string, unknown>): Spec | null | 'unreadable' {
  if (path === '-' || extname(path).toLowerCase() !== '.json' || o['inputFormat'] !== undefined)
    return null;
  let v: unknown;
  try {
    // Not a regular file, or larger than what is read whole: the bounded reader reports it.
    const st = statSync(path);
    const limit = (o['maxInputBytes'] as number | undefined) ?? MAX_INPUT_BYTES;
    if (!st.isFile() || st.size > limit) return 'unreadable';
    v = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return 'unreadable';
  }
  const isSpec =
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    ('data' in v || 'panels' in v || '$schema' in v);
  // Checked once, by render: checking here too took a millisecond of every run for a spec
  // with its data inline.
  return isSpec ? (v as Spec) : null;
}

/** An error about an option a flag set names the flag (`--vmin`), not the JSON path. */
function flagWhere(e: unknown, overrides: Partial<Spec>): unknown {
  if (!(e instanceof HeatfigError) || e.where === null) return e;
  const m = /^(?:.*: )?\$\.(\w+)(.*)$/.exec(e.where);
  if (!m || !(m[1]! in overrides)) return e;
  const flag = `--${m[1]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const message = e.message.slice(e.where.length + 2);
  return new HeatfigError(e.code, message, `${flag}${m[2] ? ` (${m[2]})` : ''}`);
}

/**
 * Runs the pipeline (`run`: renderSpec, or describeFile) on the input: a spec file, a data
 * file with the flags as the spec, or standard input.
 */
function runInput<T>(
  run: (spec: string | Spec, options: RenderFileOptions) => T,
  input: string,
  o: Record<string, unknown>,
  format: OutputFormat,
  scale?: number,
  read: string[] = [],
): T {
  read.push(input);
  const overrides = overridesFrom(o);
  const maxInputBytes = o['maxInputBytes'] as number | undefined;
  const pixelRatio = format === 'png' ? (scale ?? 2) : 1;
  const bar = progressBar(`reading ${basename(input)}`, Boolean(o['quiet']));
  const progress = (f: number) => bar.update(f);
  const bounds = maxInputBytes ? { maxInputBytes } : {};
  const common = { format, overrides, pixelRatio, progress, read, ...bounds };
  // Data read here (not named by a spec): the flags are the spec.
  const withGrid = (grid: Grid) =>
    run({ ...overrides } as Spec, { format, pixelRatio, grid, read });
  const hints = () => readHints(overrides as Spec, format, { pixelRatio, progress, ...bounds });
  try {
    if (input === '-' && o['inputFormat'] === undefined) {
      // Standard input of no given format: a spec, or data its first bytes tell.
      const got = loadStdin(loadOptionsFrom(o), hints());
      return 'spec' in got ? run(got.spec, { ...common, source: '<stdin>' }) : withGrid(got.grid);
    }
    const spec = specIn(input, o);
    if (spec === 'unreadable') return run(input, common);
    if (spec) return run(spec, { ...common, source: input });
    return withGrid(load(input, loadOptionsFrom(o), '.', input, hints()));
  } catch (e) {
    throw flagWhere(e, overrides);
  } finally {
    bar.done();
  }
}

async function describeCommand(input: string, o: Record<string, unknown>): Promise<void> {
  const read: string[] = [];
  // The description alone: no layout, scene or output is made for it.
  const d = runInput(describeFile, input, o, 'svg', undefined, read).description;
  const text =
    o['format'] === 'json'
      ? `${JSON.stringify({ markdown: d.markdown, sentences: d.sentences, claims: d.claims }, null, 1)}\n`
      : d.markdown;
  const out = (o['output'] as string | undefined) ?? '-';
  // Labels are the data's words: on a terminal, their control characters are shown escaped.
  writeFileAtomic(out, out === '-' && process.stdout.isTTY ? terminalSafe(text, true) : text, read);
}

/**
 * Text from the data (file names, labels) made safe to print: control characters, escape
 * sequences and the C1 range are shown escaped (\x1b), so a label cannot move the cursor,
 * recolour or retitle a terminal. Newlines are kept in a document (describe's markdown).
 */
function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    keepNewlines && (c === '\n' || c === '\t')
      ? c
      : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * commander's own errors (an unknown option, a missing argument) on one line with the
 * `heatfig: ` prefix. A flag's value is checked by heatfig's own parsers, which throw the one
 * user-error type naming the flag, so no commander message needs taking apart.
 */
function commanderError(s: string): string {
  return s.startsWith('error:')
    ? `heatfig: ${terminalSafe(s.trimEnd().replace(/\n+/g, ' '))}\n`
    : s;
}

declare const __HEATFIG_VERSION__: string | undefined;

/** The package's version: inlined in the CLI bundle, read from package.json from source. */
function version(): string {
  if (typeof __HEATFIG_VERSION__ !== 'undefined') return __HEATFIG_VERSION__;
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}

/** Milliseconds since the process started (process.uptime: `performance` would load perf_hooks). */
const msSinceStart = () => process.uptime() * 1000;

async function renderCommand(input: string, o: Record<string, unknown>): Promise<void> {
  const out = o['output'] as string;
  if (out === '-' && o['format'] === undefined)
    throw new HeatfigError(
      'bad-option',
      'writing to standard output needs the format: give --format svg, png, pdf, html or scene',
      '-o',
    );
  const format: OutputFormat = (o['format'] as OutputFormat | undefined) ?? formatFromPath(out);
  const dpi = o['dpi'] as number | undefined;
  if (dpi !== undefined && o['scale'] !== undefined)
    throw new HeatfigError(
      'bad-option',
      'give either --scale or --dpi, not both: --dpi N is --scale N/96 with N written in the file',
      '--dpi',
    );
  if (dpi !== undefined && format !== 'png')
    throw new HeatfigError('bad-option', `--dpi is for PNG output, not ${format}`, '--dpi');
  const scale = (o['scale'] as number | undefined) ?? (dpi !== undefined ? dpi / 96 : undefined);
  const read: string[] = [];
  if (out !== '-') checkNotInput(out, [input]);
  const result = runInput(renderSpec, input, o, format, scale, read);
  const rendered = msSinceStart();
  const data = await outputData(result, format, {
    ...(scale ? { scale } : {}),
    ...(dpi !== undefined ? { dpi } : {}),
  });
  const encoded = msSinceStart();
  writeFileAtomic(out, data, read);
  const written = msSinceStart();
  if (!o['quiet'])
    for (const w of result.warnings) process.stderr.write(`heatfig: warning: ${terminalSafe(w)}\n`);
  if (o['verbose']) {
    const stages = [
      ...result.timings,
      ...(format === 'svg' || format === 'scene'
        ? []
        : [[format.toUpperCase(), encoded - rendered] as const]),
      ['write', written - encoded] as const,
    ];
    process.stderr.write(
      `heatfig: wrote ${out} (${typeof data === 'string' ? Buffer.byteLength(data) : data.length} bytes, ${result.scene.width}×${result.scene.height} px)\n` +
        `heatfig: ${Math.round(written)} ms since start; ${stages.map(([s, ms]) => `${s} ${ms.toFixed(1)}`).join(', ')} ms\n`,
    );
  }
}

/** The flags that say how to read the data and how the figure looks (render and describe share them). */
function figureOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--input-format <format>',
        'format of the input (default: from its extension)',
      ).choices(['csv', 'tsv', 'json', 'npy', 'npz']),
    )
    .option('--sep <char>', 'CSV delimiter (default: detected; \\t for tab)')
    .option('--x <column>', 'long data: the column whose labels become the columns')
    .option('--y <column>', 'long data: the column whose labels become the rows')
    .option('--value <column>', 'long data: the column of values')
    .addOption(
      new Option('--agg <how>', 'long data: combine duplicate (x, y) pairs').choices([
        'mean',
        'sum',
        'min',
        'max',
        'count',
        'first',
      ]),
    )
    .addOption(
      new Option('--sort <order>', 'order of labels').choices([
        'appearance',
        'natural',
        'alpha',
        'value',
      ]),
    )
    .option('--key <name>', '.npz: the array to draw (default: the first)')
    .option(
      '--max-input-bytes <n>',
      `the most bytes read whole from a file or standard input (default ${MAX_INPUT_BYTES.toLocaleString('en-US')}; a .npy is streamed)`,
      within('--max-input-bytes', 0, MAX_INPUT_BYTES_CEILING, true, true),
    )
    .option(
      '--font <file>',
      'a .ttf/.otf/.ttc font for labels DejaVu Sans lacks (repeat for a fallback chain)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), resolvePath(v)],
    )
    .option(
      '--index-col <n|none>',
      'CSV: the column of row labels, 0 for the first, or none (default: as pandas wrote it)',
      indexCol,
    )
    .addOption(
      new Option('--orient <orient>', "JSON: the orient of pandas' to_json").choices([
        'split',
        'index',
        'columns',
        'values',
        'records',
        'table',
      ]),
    )
    .option('--title <text>', 'figure title')
    .option('--xlabel <text>', 'x axis title')
    .option('--ylabel <text>', 'y axis title')
    .option('--cmap <name>', 'colormap name (e.g. viridis, RdBu_r)')
    .option('--vmin <n>', 'value at the low end of the colormap', number('--vmin'))
    .option('--vmax <n>', 'value at the high end of the colormap', number('--vmax'))
    .option(
      '--center <n>',
      'value at the middle of the colormap (diverging data)',
      number('--center'),
    )
    .option('--robust', 'range from the 2nd and 98th percentiles')
    .addOption(
      new Option('--norm <norm>', 'how values map to colours').choices([
        'linear',
        'log',
        'symlog',
        'twoslope',
      ]),
    )
    .option('--linthresh <n>', 'linear range around 0 for --norm symlog', number('--linthresh'))
    .option('--annot', 'write each value in its cell')
    .option('--no-annot', 'no values in cells')
    .option('--fmt <spec>', 'annotation number format, e.g. .2f .1% d')
    .option('--annot-size <px>', 'annotation font size', number('--annot-size'))
    .option('--no-colorbar', 'hide the colorbar')
    .option('--cbar-label <text>', 'colorbar title')
    .option('--cbar-format <spec>', 'colorbar tick format')
    .addOption(
      new Option('--extend <how>', 'colorbar extend triangles').choices([
        'auto',
        'neither',
        'min',
        'max',
        'both',
      ]),
    )
    .option(
      '--xticklabels <v>',
      'true, false, auto, every nth (a number), or labels a,b,c',
      ticklabels,
    )
    .option('--yticklabels <v>', 'as --xticklabels', ticklabels)
    .addOption(
      new Option('--xaxis <where>', 'column labels at the bottom or top').choices([
        'bottom',
        'top',
      ]),
    )
    .option('--xrotation <deg>', 'column label rotation in degrees, or auto')
    .addOption(new Option('--mask <which>', 'hide a triangle').choices(['upper', 'lower']))
    .option('--square', 'square cells')
    .option('--linewidths <px>', 'lines between cells', number('--linewidths'))
    .option('--linecolor <color>', 'colour of lines between cells')
    .option('--width <px>', 'figure width', number('--width'))
    .option('--height <px>', 'figure height', number('--height'))
    .option('--cell-width <px>', 'cell width', number('--cell-width'))
    .option('--cell-height <px>', 'cell height', number('--cell-height'))
    .option('--font-size <px>', 'tick label font size', number('--font-size'))
    .addOption(
      new Option('--raster <when>', 'draw the cells as one image (auto: for large grids)').choices([
        'auto',
        'always',
        'never',
      ]),
    )
    .addOption(
      new Option(
        '--reduce <how>',
        'how a block of cells becomes one pixel of a large grid',
      ).choices(['mean', 'max', 'min', 'absmax']),
    );
}

export async function main(argv: readonly string[]): Promise<number> {
  let debug = argv.includes('--debug');
  const program = new Command('heatfig')
    .description(
      'Heatmaps for machine-learning matrices: SVG, PNG, PDF, scene JSON, and descriptions.',
    )
    .version(version(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(commanderError(s)),
    })
    .showSuggestionAfterError(true);
  // Only the command asked for is set up (its forty options are a few milliseconds of every
  // run); help, a typo or no command get them all, for the list and the suggestions.
  const only = ['render', 'describe', 'schema', 'colormaps'].includes(argv[0] ?? '')
    ? argv[0]
    : null;
  const wanted = (name: string) => only === null || only === name;

  if (wanted('render'))
    figureOptions(
      program
        .command('render')
        .description('render a spec file (.json) or a data file to SVG, PNG, PDF or scene JSON')
        .argument(
          '<input>',
          'spec file (JSON), or data file (.csv .tsv .json .npy .npz; - for standard input)',
        )
        .requiredOption(
          '-o, --output <file>',
          'output file; its extension picks the format (.svg .png .pdf .html .json); - for standard output (give --format)',
        )
        .addOption(
          new Option('--format <format>', 'output format, instead of the extension').choices([
            'svg',
            'png',
            'pdf',
            'scene',
            'html',
          ]),
        ),
    )
      .option(
        '--scale <n>',
        'PNG pixels per CSS px (default 2; at most 16)',
        within('--scale', 0, MAX_SCALE),
      )
      .option(
        '--dpi <n>',
        'PNG resolution, written in the file (96 dpi = scale 1; default 96 × scale; at most 1536)',
        within('--dpi', 0, MAX_SCALE * 96),
      )
      .option('-q, --quiet', 'no warnings')
      .option('-v, --verbose', 'say what was written')
      .option('--debug', 'show stack traces')
      .action(async (input: string, o: Record<string, unknown>) => {
        debug = Boolean(o['debug']);
        await renderCommand(input, o);
      });

  if (wanted('describe'))
    figureOptions(
      program
        .command('describe')
        .description('describe a figure in words whose every number is checked against the data')
        .argument(
          '<input>',
          'spec file (JSON), or data file (.csv .tsv .json .npy .npz; - for standard input)',
        )
        .addOption(
          new Option('--format <format>', 'markdown, or JSON with the claims')
            .choices(['md', 'json'])
            .default('md'),
        )
        .option('-o, --output <file>', 'write to a file instead of standard output'),
    )
      .option('--debug', 'show stack traces')
      .action(async (input: string, o: Record<string, unknown>) => {
        debug = Boolean(o['debug']);
        await describeCommand(input, o);
      });

  if (wanted('schema'))
    program
      .command('schema')
      .description('print the JSON Schema of the spec file')
      .action(() => {
        process.stdout.write(schemaText());
      });

  if (wanted('colormaps'))
    program
      .command('colormaps')
      .description('list the named colormaps (each also reversed with _r)')
      .action(() => {
        process.stdout.write(`${colormapNames().join('\n')}\n`);
      });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    if (isHeatfigError(e)) {
      process.stderr.write(`heatfig: error: ${terminalSafe(e.message)}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    process.stderr.write(
      `heatfig: internal error: ${terminalSafe((e as Error)?.message ?? String(e))} (a bug; run again with --debug and report it)\n`,
    );
    if (debug) process.stderr.write(`${(e as Error)?.stack}\n`);
    return 1;
  }
}

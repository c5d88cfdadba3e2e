/**
 * The heatfig command: parses arguments into a spec, calls the library, writes files.
 * Errors a user can cause print one line, `heatfig: error: WHERE: WHAT; WHAT WOULD BE RIGHT`,
 * and exit 2; --debug adds the stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import {
  colormapNames,
  type Grid,
  HeatfigError,
  formatFromPath,
  isHeatfigError,
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
  MAX_SCALE,
  writeFileAtomic,
  checkNotInput,
} from '../node.ts';
import { within } from './flag-parsers.ts';
import { addFigureFlags, type FlagValues, flagOfPath, flagValues } from './flags.ts';
import { progressBar } from './progress.ts';
import { schemaText } from './schema-text.ts';

/**
 * The spec a JSON input holds (an object with data, panels or $schema), not yet validated
 * (render does that, naming the file); null when the input is data; 'unreadable' when it
 * cannot be read or parsed (the spec reader then reports where). The file is read once.
 */
function specIn(path: string, flags: FlagValues): Spec | null | 'unreadable' {
  if (path === '-' || extname(path).toLowerCase() !== '.json' || flags.load.format !== undefined)
    return null;
  let v: unknown;
  try {
    // Not a regular file, or larger than what is read whole: the bounded reader reports it.
    const st = statSync(path);
    const limit = flags.maxInputBytes ?? MAX_INPUT_BYTES;
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
  const m = /^(?:.*: )?\$\.(\w+)(?:\.(\w+))?(.*)$/.exec(e.where);
  const flag = m && flagOfPath(m[1]!, m[2] ?? null, overrides);
  if (!flag) return e;
  const rest = `${m[2] && m[1] !== 'colorbar' ? `.${m[2]}` : ''}${m[3]}`;
  return new HeatfigError(e.code, e.detail, `${flag}${rest ? ` (${rest})` : ''}`);
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
  const flags = flagValues(o);
  const { overrides, maxInputBytes } = flags;
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
    if (input === '-' && flags.load.format === undefined) {
      // Standard input of no given format: a spec, or data its first bytes tell.
      const got = loadStdin(flags.load, hints());
      return 'spec' in got ? run(got.spec, { ...common, source: '<stdin>' }) : withGrid(got.grid);
    }
    const spec = specIn(input, flags);
    if (spec === 'unreadable') return run(input, common);
    if (spec) return run(spec, { ...common, source: input });
    return withGrid(load(input, flags.load, '.', input, hints()));
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
    addFigureFlags(
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
    addFigureFlags(
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

/**
 * The heatfig command: parses arguments into a spec, calls the library, writes files.
 * Errors a user can cause print one line, `heatfig: error: WHERE: WHAT; WHAT WOULD BE RIGHT`,
 * and exit 2; --debug adds the stack trace.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { colormapNames, isHeatfigError, MAX_SCALE, OUTPUTS } from '../node.ts';
import { within } from './flag-parsers.ts';
import { addFigureFlags } from './flags.ts';
import { schemaText } from './schema-text.ts';

import {
  describeCommand,
  readCommand,
  renderCommand,
  sqlCommand,
  terminalSafe,
} from './commands.ts';

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

type Action = (input: string, o: Record<string, unknown>) => Promise<void>;
const INPUT_HELP =
  'spec file (JSON), or data file (.csv .tsv .json .npy .npz; - for standard input)';

/** `heatfig render`: its options beside the figure flags. */
function addRender(program: Command, action: Action): void {
  const formats = Object.values(OUTPUTS);
  addFigureFlags(
    program
      .command('render')
      .description('render a spec file (.json) or a data file to SVG, PNG, PDF, HTML or scene JSON')
      .argument('<input>', INPUT_HELP)
      .requiredOption(
        '-o, --output <file>',
        `output file; its extension picks the format (${formats.map((f) => f.extensions[0]).join(' ')}); - for standard output (give --format)`,
      )
      .addOption(
        new Option('--format <format>', 'output format, instead of the extension').choices(
          formats.map((f) => f.format),
        ),
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
    .action(action);
}

/** `heatfig describe`: its options beside the figure flags. */
function addDescribe(program: Command, action: Action): void {
  addFigureFlags(
    program
      .command('describe')
      .description('describe a figure in words whose every number is checked against the data')
      .argument('<input>', INPUT_HELP)
      .addOption(
        new Option('--format <format>', 'markdown, or JSON with the claims')
          .choices(['md', 'json'])
          .default('md'),
      )
      .option('-o, --output <file>', 'write to a file instead of standard output'),
  )
    .option('--debug', 'show stack traces')
    .action(action);
}

/** The exit code of a failed run, with its one line on standard error (and the stack with --debug). */
function failure(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError)
    return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)
      ? 0
      : 2;
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

export async function main(argv: readonly string[]): Promise<number> {
  let debug = argv.includes('--debug');
  const program = new Command('heatfig')
    .description(
      'Heatmaps for machine-learning matrices: SVG, PNG, PDF, HTML, scene JSON, and descriptions.',
    )
    .version(version(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(commanderError(s)) })
    .showSuggestionAfterError(true);
  // Only the command asked for is set up (its forty options are a few milliseconds of every
  // run); help, a typo or no command get them all, for the list and the suggestions.
  const only = ['render', 'describe', 'sql', 'read', 'schema', 'colormaps'].includes(argv[0] ?? '')
    ? argv[0]
    : null;
  const wanted = (name: string) => only === null || only === name;
  const withDebug =
    (command: Action): Action =>
    async (input, o) => {
      debug = Boolean(o['debug']);
      await command(input, o);
    };
  if (wanted('render')) addRender(program, withDebug(renderCommand));
  if (wanted('describe')) addDescribe(program, withDebug(describeCommand));
  if (wanted('sql'))
    addFigureFlags(
      program
        .command('sql')
        .description(
          'print the SQL heatfig sends a SQL engine for long data (running the small queries the last one is written from)',
        )
        .argument(
          '<input>',
          'spec file (JSON) with a query source, or a file or glob with --x --y …',
        ),
    )
      .option('--debug', 'show stack traces')
      .action(withDebug(sqlCommand));
  if (wanted('read'))
    program
      .command('read')
      .description(
        'read a heatmap image (PNG, JPEG or a PDF page) back into its grid: the numbers printed over its cells, else their colours through the colorbar, and its labels',
      )
      .argument('<image>', 'a PNG or JPEG of a heatmap with a colorbar, or a PDF (give --page)')
      .requiredOption(
        '-o, --output <file>',
        'data.csv (as pandas writes it) or spec.json; - for standard output (give --format)',
      )
      .addOption(
        new Option('--format <format>', 'csv or json, instead of the extension').choices([
          'csv',
          'json',
        ]),
      )
      .option(
        '--page <n>',
        'the page of a PDF to read (default 1; drawn by poppler-utils pdftoppm)',
        within('--page', 1, 100_000, false, true),
      )
      .option(
        '--panel <n>',
        'an image of several heatmaps: the one to read, numbered left to right, then top to bottom (default: the one that covers the most)',
        within('--panel', 1, 1000, false, true),
      )
      .option('-q, --quiet', 'no warnings')
      .option('--debug', 'show stack traces')
      .action(withDebug(readCommand));
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
    return failure(e, debug);
  }
}

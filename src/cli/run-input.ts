/**
 * Running the pipeline on the command's input: a spec file, a data file with the flags as
 * its spec, or standard input; an error about an option a flag set names the flag.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  type Grid,
  HeatfigError,
  load,
  type OutputFormat,
  type RenderFileOptions,
  type Spec,
  readHints,
  OUTPUTS,
  loadStdin,
  MAX_INPUT_BYTES,
  isQuerySource,
  queryData,
  readHeatmapFile,
  colorsOf,
} from '../node.ts';
import { type FlagValues, flagOfDataPath, flagOfPath, flagValues } from './flags.ts';
import * as msg from '../messages.ts';
import { progressBar } from './progress.ts';

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

/** An error about the query the flags made names the flag (`--value`), not `$.data.value`. */
function queryFlagWhere(e: unknown): unknown {
  if (!(e instanceof HeatfigError) || e.where === null) return e;
  const m = /^\$\.data(?:\.(\w+))?(?:\.(\w+))?/.exec(e.where);
  if (!m) return e;
  const flag = m[1] ? flagOfDataPath(m[1], m[2] ?? null) : null;
  return new HeatfigError(e.code, e.detail, flag ?? 'input');
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

/** A heatmap image read back (issue 20), by its extension: PNG, JPEG, or a page of a PDF. */
const IMAGE = /\.(png|jpe?g|pdf)$/i;

/** Where the SQL an engine is sent goes (--verbose, `heatfig sql`). */
export type SqlLog = (sql: string, engine: string) => void;

/**
 * Runs the pipeline (`run`: renderSpec, or describeFile) on the input: a spec file, a data
 * file with the flags as the spec, or standard input. Long data for a SQL engine (a spec's
 * query source, or a file only an engine reads, or the engine flags) is queried first.
 */
export async function runInput<T>(
  run: (spec: string | Spec, options: RenderFileOptions) => T,
  input: string,
  o: Record<string, unknown>,
  format: OutputFormat,
  ratio?: number,
  read: string[] = [],
  log?: SqlLog,
): Promise<T> {
  read.push(input);
  const flags = flagValues(o);
  const { overrides, maxInputBytes } = flags;
  // A PNG's scale, or the description's own ratio, when given; else the output's.
  const pixelRatio = ratio ?? OUTPUTS[format].pixelRatio;
  const bar = progressBar(`reading ${basename(input)}`, Boolean(o['quiet']));
  const progress = (f: number) => bar.update(f);
  const bounds = maxInputBytes ? { maxInputBytes } : {};
  const common = { format, overrides, pixelRatio, progress, read, ...bounds };
  // Data read here (not named by a spec): the flags are the spec.
  const withGrid = (grid: Grid) =>
    run({ ...overrides } as Spec, { format, pixelRatio, grid, read });
  const hints = () => readHints(overrides as Spec, format, { pixelRatio, progress, ...bounds });
  const queried = async (spec: Spec, source: string | null) => ({
    ...common,
    ...(source ? { source } : {}),
    loadQuery: await queryData(spec, { source, ...(log ? { log } : {}) }),
  });
  try {
    if (input === '-' && flags.load.format === undefined) {
      // Standard input of no given format: a spec, or data its first bytes tell.
      const got = loadStdin(flags.load, hints());
      return 'spec' in got
        ? run(got.spec, { ...(await queried(got.spec, null)), source: '<stdin>' })
        : withGrid(got.grid);
    }
    // A heatmap image: read back into its grid, which is then described (or drawn anew).
    if (IMAGE.test(input)) {
      const r = await readHeatmapFile(input, maxInputBytes, {
        ...(flags.page !== undefined ? { page: flags.page } : {}),
        ...(flags.panel !== undefined ? { panel: flags.panel } : {}),
      });
      // Its colour scale as the image showed it (flags still win). (A grid no value was read
      // for, valuesUnread, is refused by heatfig/node's renderSpec and describeFile.)
      return run({ ...colorsOf(r), ...overrides } as Spec, {
        format,
        pixelRatio,
        grid: r.grid,
        read,
      });
    }
    if (flags.page !== undefined) throw new HeatfigError('bad-option', msg.pageNotPdf(), '--page');
    if (flags.panel !== undefined)
      throw new HeatfigError('bad-option', msg.panelNotImage(), '--panel');
    const spec = specIn(input, flags);
    if (spec === 'unreadable') return run(input, common);
    if (spec) return run(spec, await queried(spec, input));
    // A data file for an engine: the input (a file or glob, or a ClickHouse table) is the query's source.
    const engine = flags.query.engine;
    const ch = engine !== undefined && /^clickhouses?:/.test(engine);
    const data = { ...(ch ? { table: input } : { file: input }), ...flags.load, ...flags.query };
    if (isQuerySource(data as Spec['data'] & object)) {
      const asSpec = { ...overrides, data } as Spec;
      try {
        return run(asSpec, await queried(asSpec, null));
      } catch (e) {
        throw queryFlagWhere(e);
      }
    }
    return withGrid(load(input, flags.load, '.', input, hints()));
  } catch (e) {
    throw flagWhere(e, overrides);
  } finally {
    bar.done();
  }
}

import { HeatfigError } from '../errors.ts';
import { parseJsonText } from './json-text.ts';
import { DelimitedReader, detectDelimiter, parseDelimited } from './csv.ts';
import type { Grid } from './grid.ts';
import { gridFromJson, type JsonOrient } from './json.ts';
import { gridFromWide } from './wide.ts';
import { gridFromNpy } from './npy.ts';
import { gridFromNpz } from './npz.ts';
import {
  type Aggregate,
  type LabelOrder,
  type LongOptions,
  pivot,
  recordsFromTable,
  sortGrid,
} from './table.ts';
import * as msg from '../messages.ts';

export type InputFormat = 'csv' | 'tsv' | 'json' | 'npy' | 'npz';
export const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'tsv', 'json', 'npy', 'npz'];

/** How to read a data file; every field is optional. */
export interface LoadOptions {
  /** Default: from the file's extension (.csv .tsv .txt .json .npy .npz). */
  readonly format?: InputFormat;
  /** CSV/TSV delimiter. Default: tab for .tsv, else detected. */
  readonly sep?: string;
  /** Long (tidy) data: the column holding x labels (→ columns), y labels (→ rows), values. */
  readonly x?: string;
  readonly y?: string;
  readonly value?: string;
  /** How duplicate (x, y) pairs combine; without it a duplicate is an error. */
  readonly agg?: Aggregate;
  /** Order of labels. Default: first appearance. */
  readonly sort?: LabelOrder;
  /** Long data: columns whose values split the records into rows and columns of facets. */
  readonly facetRow?: string;
  readonly facetCol?: string;
  /** .npz: the array to draw. Default: the first. */
  readonly key?: string;
  /** CSV/TSV: the column of row labels (0-based), or 'none'. Default: decided as pandas' index_col=0 round trip would (see data/wide.ts). */
  readonly indexCol?: number | 'none';
  /** .npz: the most bytes an array may inflate to. Default NPZ_MAX_BYTES. */
  readonly maxBytes?: number;
  /** JSON: pandas' to_json orient. Default: told from the shape (an object of objects is 'columns', as pandas reads it). */
  readonly orient?: JsonOrient;
}

const BY_EXTENSION: Record<string, InputFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'csv',
  json: 'json',
  npy: 'npy',
  npz: 'npz',
};

/** The format a file name implies, or null. */
export function formatOfName(name: string): InputFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? (BY_EXTENSION[m[1]!.toLowerCase()] ?? null) : null;
}

/** The columns long data is read from: x, y, the value, and the facet columns. */
export const longColumns = (o: LongOptions): string[] => [
  o.x,
  o.y,
  o.value,
  ...(o.facetRow !== undefined ? [o.facetRow] : []),
  ...(o.facetCol !== undefined ? [o.facetCol] : []),
];

function longOptions(o: LoadOptions, source: string): LongOptions | null {
  const given = [o.x, o.y, o.value].filter((v) => v !== undefined).length;
  if (given === 0) return null;
  if (given < 3) throw new HeatfigError('bad-option', msg.longDataNeedsColumns(), source);
  return {
    x: o.x!,
    y: o.y!,
    value: o.value!,
    ...(o.agg ? { agg: o.agg } : {}),
    ...(o.sort ? { sort: o.sort } : {}),
    ...(o.facetRow !== undefined ? { facetRow: o.facetRow } : {}),
    ...(o.facetCol !== undefined ? { facetCol: o.facetCol } : {}),
  };
}

/**
 * A Grid from a data file's bytes. `source` names the file in messages (and gives the format
 * by its extension unless options.format is set). Throws one HeatfigError for anything wrong.
 */
export function gridFromBytes(bytes: Uint8Array, source: string, options: LoadOptions = {}): Grid {
  const format = options.format ?? formatOfName(source);
  if (!format) {
    throw new HeatfigError('bad-format', msg.unknownInputFormat(JSON.stringify(source)), source);
  }
  const long = longOptions(options, source);
  const sorted = (g: Grid) =>
    options.sort && options.sort !== 'appearance' && !long ? sortGrid(g, options.sort) : g;
  switch (format) {
    case 'npy':
      return sorted(gridFromNpy(bytes, source));
    case 'npz':
      return sorted(gridFromNpz(bytes, source, options.key ?? null, options.maxBytes));
    case 'json':
      return sorted(
        gridFromJson(
          parseJsonText(decodeUtf8(bytes, source), source),
          source,
          long,
          options.orient,
        ),
      );
    default: {
      const text = decodeUtf8(bytes, source);
      const sep = options.sep ?? (format === 'tsv' ? '\t' : detectDelimiter(text));
      if (long)
        return pivot(
          recordsFromTable(parseDelimited(text, sep, source), source, longColumns(long)),
          long,
        );
      return sorted(
        gridFromWide(new DelimitedReader(text, sep, source), source, {
          sep,
          ...(options.indexCol !== undefined ? { indexCol: options.indexCol } : {}),
        }),
      );
    }
  }
}

/** The longest text heatfig decodes: past about 512 MB a string no longer fits V8. */
const MAX_TEXT_BYTES = 500_000_000;

function decodeUtf8(bytes: Uint8Array, source: string): string {
  if (bytes.length > MAX_TEXT_BYTES)
    throw new HeatfigError(
      'too-large',
      msg.textTooLarge(
        bytes.length.toLocaleString('en-US'),
        MAX_TEXT_BYTES.toLocaleString('en-US'),
      ),
      source,
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HeatfigError('bad-encoding', msg.notUtf8(), source);
  }
}

import { HeatfigError } from '../errors.ts';
import type { Grid, Panel } from './grid.ts';
import { arrayShapeOf, elementReader, facetTitle, type NpyHeader, panelShape } from './npy.ts';
import { BlockReducer, type Reduce, reductionOf } from './reduce.ts';
import { streamedPercentiles } from './percentile.ts';
import { SummaryAccumulator } from './summary.ts';
import * as msg from '../messages.ts';

/** Reads `length` bytes at byte `position` of the file into `into` (from its start); returns the bytes read. */
export type ReadAt = (into: Uint8Array, length: number, position: number) => number;

/** About how many bytes one read takes (whole rows or columns). */
const FILE_CHUNK_BYTES = 8 << 20;
/** About how many bytes of values in memory are looked at at once. */
const IN_MEMORY_CHUNK_BYTES = 256 << 10;

/** A visitor of a chunk's values: `n` whole lines from line `first`, or (segmented) `len` values of line `first` from position `start`. */
type Visit = (
  values: ArrayLike<number>,
  first: number,
  n: number,
  start: number,
  len: number,
) => void;

/**
 * How the file is read in chunks of about FILE_CHUNK_BYTES (IN_MEMORY_CHUNK_BYTES for values in memory): whole lines (rows in C order, columns
 * in Fortran order) per chunk, or a line longer than a chunk (a 1-D array of 10⁸ values) in
 * segments; `scan` reads the whole file once, handing each chunk's values to `visit`.
 */
function chunkScanner(
  h: NpyHeader,
  data: ReadAt | Float32Array | Float64Array,
  source: string,
  R: number,
  C: number,
  P: number,
) {
  const byRow = !h.fortranOrder;
  const lineLen = byRow ? C : R; // values per row (C order) or per column (Fortran order)
  const lines = byRow ? P * R : C;
  // Values in memory already (a typed array mounted in a page) are looked at where they are,
  // in chunks small enough to stay in the processor's cache between the summary's look at a
  // chunk and the reducer's.
  const inMemory = typeof data !== 'function';
  const chunkBytes = inMemory ? IN_MEMORY_CHUNK_BYTES : FILE_CHUNK_BYTES;
  // A line longer than a chunk (a 1-D array of 10⁸ values) is read in segments.
  const segmented = lineLen * h.itemSize > chunkBytes;
  const segLen = segmented ? Math.floor(chunkBytes / h.itemSize) : lineLen;
  const linesPerChunk = segmented
    ? 1
    : Math.max(1, Math.floor(chunkBytes / (lineLen * h.itemSize)));
  const chunkValues = segmented ? segLen : linesPerChunk * lineLen;
  const buffer = new Uint8Array(inMemory ? 0 : chunkValues * h.itemSize);
  const fast = h.kind === 'f' && h.itemSize === 4 && h.littleEndian;
  const f64 = fast || inMemory ? null : new Float64Array(chunkValues);
  /** Reads `count` values at value index `at` of the data into the chunk buffer. */
  const readValues = (at: number, count: number): ArrayLike<number> => {
    if (inMemory) return data.subarray(at, at + count);
    const readAt = data;
    const bytes = count * h.itemSize;
    const got = readAt(buffer, bytes, h.dataOffset + at * h.itemSize);
    if (got < bytes)
      throw new HeatfigError(
        'bad-npy',
        msg.npyCutShort(h.dataOffset + at * h.itemSize + got),
        source,
      );
    if (fast) return new Float32Array(buffer.buffer, buffer.byteOffset, count);
    const read = elementReader(h, new DataView(buffer.buffer, buffer.byteOffset, bytes));
    for (let i = 0; i < count; i++) f64![i] = read(i);
    return f64!.subarray(0, count);
  };
  /**
   * Reads the file chunk by chunk, handing each chunk's values to `visit`: `n` whole lines
   * from line `first`, or (segmented) `len` values of line `first` from position `start`.
   */
  const scan = (visit: Visit) => {
    for (let first = 0; first < lines; first += linesPerChunk) {
      if (segmented) {
        for (let start = 0; start < lineLen; start += segLen) {
          const len = Math.min(segLen, lineLen - start);
          visit(readValues(first * lineLen + start, len), first, 1, start, len);
        }
        continue;
      }
      const n = Math.min(linesPerChunk, lines - first);
      visit(readValues(first * lineLen, n * lineLen), first, n, 0, n * lineLen);
    }
  };
  return { scan, byRow, lineLen, lines, segmented };
}

/**
 * Reads a .npy file's data in blocks of rows (C order) or columns (Fortran order) through
 * `readAt` — positioned reads, never the whole file in memory — and reduces it as it streams
 * to at most out.rows × out.cols cells per panel, each axis on its own. It summarises every
 * value on the way (the colour range comes from them, not from the blocks), and with
 * `robust` reads the file again to find seaborn's 2nd and 98th percentiles exactly (of the
 * positive values for 'log'); `log` (a log scale) also finds the positive extremes. Memory: one chunk plus the reduced grid. `progress` is called
 * with the fraction read.
 */
export function streamNpy(
  h: NpyHeader,
  /** The file's bytes, read where asked; or its values, in memory (the header's shape and order). */
  data: ReadAt | Float32Array | Float64Array,
  source: string,
  out: { readonly rows: number; readonly cols: number },
  how: Reduce,
  progress: (fraction: number) => void = () => {},
  robust: 'linear' | 'log' | null = null,
  log = robust === 'log',
): Grid {
  const [P, R, C] = panelShape(h);
  if (h.fortranOrder && P > 1) {
    throw new HeatfigError('bad-npy', msg.fortranOrder3d(), source);
  }
  const outR = Math.max(1, Math.min(R, out.rows));
  const outC = Math.max(1, Math.min(C, out.cols));
  const reducers = Array.from({ length: P }, () => new BlockReducer(R, C, outR, outC, how));
  const { scan, byRow, lineLen, lines, segmented } = chunkScanner(h, data, source, R, C, P);
  // The positive extremes cost a second look at runs of both signs: for a log scale only.
  const summary = new SummaryAccumulator(log);
  scan((values, first, n, start, len) => {
    summary.add(values, 0, len);
    if (segmented) {
      const p = byRow ? Math.floor(first / R) : 0;
      reducers[p]!.addSegment(values, 0, byRow ? first - p * R : first, start, len, byRow);
    } else if (byRow) {
      // Rows first..first+n run across panels: row k belongs to panel floor(k / R).
      let k = 0;
      while (k < n) {
        const line = first + k;
        const p = Math.floor(line / R);
        const r = line - p * R;
        const take = Math.min(n - k, R - r);
        reducers[p]!.add(values, k * lineLen, r, take, true);
        k += take;
      }
    } else reducers[0]!.add(values, 0, first, n, false);
    progress((first + (segmented ? (start + len) / lineLen : n)) / lines);
  });
  const all = summary.result();
  const range = robust
    ? streamedPercentiles(
        (visit) => scan((values, _first, _n, _start, len) => visit(values, len)),
        all,
        robust === 'log',
      )
    : null;
  const rowLabels = BlockReducer.blockPositions(R, outR);
  const panels: Panel[] = reducers.map((red, p) => ({
    title: facetTitle(h.shape, p),
    rows: outR,
    rowLabels,
    values: red.result(),
  }));
  const arrayShape = arrayShapeOf(h);
  return {
    cols: outC,
    colLabels: BlockReducer.blockPositions(C, outC),
    panels,
    ...(arrayShape ? { arrayShape } : {}),
    reduced: {
      ...reductionOf(R, C, outR, outC, how),
      summary: all,
      ...(range ? { robust: { ...range, log: robust === 'log' } } : {}),
    },
  };
}

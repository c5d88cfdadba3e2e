/**
 * A .npy file or standard input read for an output: refused from its header when the output
 * cannot take it, streamed and reduced when it is larger than the output needs (Node only).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Grid } from '../data/grid.ts';
import { gridFromBytes, type LoadOptions } from '../data/load.ts';
import { NPY_HEADER_MAX, type NpyHeader, panelShape, parseNpyHeader } from '../data/npy.ts';
import { MAX_INPUT_BYTES, readBounded, readFully, readPieces } from './read-file.ts';
import { streamNpy } from '../data/npy-stream.ts';
import { largeGridArea, reductionFor } from '../figure/fit-to-pixels.ts';
import { sortGrid } from '../data/table.ts';
import { DEFAULTS } from '../spec/defaults.ts';
import { HeatfigError } from '../errors.ts';

import type { ReadHints } from './read-hints.ts';
import * as msg from '../messages.ts';

/** Files smaller than this are read whole even when their grid will be reduced. */
const STREAM_BYTES = 16 << 20;

/** The header of a .npy file (the first 1 MiB at most), or null when it cannot be opened. */
function npyHeaderOf(
  full: string,
  source: string,
): { h: NpyHeader; size: number; fd: number } | null {
  let fd: number;
  try {
    fd = openSync(full, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, NPY_HEADER_MAX + 16));
    readSync(fd, head, 0, head.length, 0);
    return { h: parseNpyHeader(head, source, size), size, fd };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Refuses a .npy with more cells than the output takes, from its header, before reading it. */
export function checkCells(
  full: string,
  where: string,
  source: string,
  max: { readonly cells: number; readonly why: string },
): void {
  const r = npyHeaderOf(full, source);
  if (!r) return;
  closeSync(r.fd);
  checkCellsOf(
    r.h.shape.reduce((a, b) => a * b, 1),
    max,
    where,
  );
}

function checkCellsOf(
  cells: number,
  max: { readonly cells: number; readonly why: string },
  where: string,
): void {
  if (cells > max.cells)
    throw new HeatfigError(
      'too-large',
      msg.tooManyArrayCells(
        cells.toLocaleString('en-US'),
        max.cells.toLocaleString('en-US'),
        max.why,
      ),
      where,
    );
}

/**
 * A .npy on standard input: streamed and reduced as it arrives when the figure will reduce it
 * (one pass: standard input cannot be read twice, so a robust range reads it whole, bounded);
 * else read whole, bounded.
 */
export function stdinNpy(options: LoadOptions, hints: ReadHints): Grid {
  const source = '<stdin>';
  const lead = new Uint8Array(12);
  const got = readFully(0, lead);
  const headerLen =
    lead[6] === 1 ? lead[8]! | (lead[9]! << 8) : new DataView(lead.buffer).getUint32(8, true);
  const start = lead[6] === 1 ? 10 : 12;
  const headBytes = got < 12 || headerLen > NPY_HEADER_MAX ? 0 : start + headerLen - got;
  const prefix = new Uint8Array(got + Math.max(0, headBytes));
  prefix.set(lead.subarray(0, got));
  if (headBytes > 0) readFully(0, prefix.subarray(got), headBytes);
  const whole = () =>
    gridFromBytes(
      readPieces(0, hints.maxInputBytes ?? MAX_INPUT_BYTES, 'standard input', '-', prefix),
      source,
      options,
    );
  if (hints.raster === 'never') return whole();
  let h: NpyHeader;
  try {
    h = parseNpyHeader(prefix, source, Number.MAX_SAFE_INTEGER);
  } catch {
    return whole(); // reports what is wrong with it, from all of it
  }
  if (hints.maxCells) {
    const cells = h.shape.reduce((a, b) => a * b, 1);
    if (cells > hints.maxCells.cells) checkCellsOf(cells, hints.maxCells, '-');
  }
  const to = streamTarget(h, hints);
  if (!to) return whole();
  if (hints.robust) {
    const bytes = h.shape.reduce((a, c) => a * c, 1) * h.itemSize;
    if (bytes > (hints.maxInputBytes ?? MAX_INPUT_BYTES))
      throw new HeatfigError('too-large', msg.robustOnStdin(), '-');
    return whole();
  }
  let position = h.dataOffset;
  const grid = streamNpy(
    h,
    (into, length, at) => {
      if (at !== position) throw new HeatfigError('bad-option', msg.stdinOnce(), '-');
      const n = readFully(0, into, length);
      position += n;
      return n;
    },
    source,
    to,
    hints.reduce ?? DEFAULTS.reduce,
    hints.progress,
    null,
    hints.log ?? false,
  );
  return options.sort && options.sort !== 'appearance' ? sortGrid(grid, options.sort) : grid;
}

/** The blocks a .npy is streamed down to for the figure (see reductionFor), or null: read it whole. */
function streamTarget(h: NpyHeader, hints: ReadHints): { rows: number; cols: number } | null {
  const [P, R, C] = panelShape(h);
  const free = { width: null, height: null, cellWidth: null, cellHeight: null };
  const area = largeGridArea(P * R, C, hints.size ?? free);
  const panelRows = Array.from({ length: P }, () => R);
  return area ? reductionFor(panelRows, C, area, hints.pixelRatio ?? 2) : null;
}

export function streamIfLarge(
  full: string,
  where: string,
  source: string,
  hints: ReadHints,
): Grid | null {
  const opened = npyHeaderOf(full, source);
  if (!opened) {
    readBounded(full, where); // reports the missing file
    return null;
  }
  const fd = opened.fd;
  try {
    const { h, size } = opened;
    if (size < STREAM_BYTES) return null;
    const to = streamTarget(h, hints);
    if (!to) return null;
    return streamNpy(
      h,
      (into, length, position) => readSync(fd, into, 0, length, position),
      source,
      to,
      hints.reduce ?? DEFAULTS.reduce,
      hints.progress,
      hints.robust ?? null,
      hints.log ?? false,
    );
  } finally {
    closeSync(fd);
  }
}

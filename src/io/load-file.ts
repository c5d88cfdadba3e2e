import { dirname, join, resolve as resolvePath } from 'node:path';
import type { DataFileLoader } from '../figure/grid-from-spec.ts';
import type { Grid } from '../data/grid.ts';
import { formatOfName, gridFromBytes, INPUT_FORMATS, type LoadOptions } from '../data/load.ts';
import { readBounded } from './read-file.ts';
import { sortGrid } from '../data/table.ts';
import { HeatfigError } from '../errors.ts';
import type { Spec } from '../spec/spec-type.ts';
import { parseJsonText } from '../data/json-text.ts';

import { checkCells, stdinNpy, streamIfLarge } from './npy-file.ts';
import type { ReadHints } from './read-hints.ts';
import * as msg from '../messages.ts';

/**
 * Standard input of unknown format, as `cat spec.json | heatfig render - -o x.svg` gives it:
 * a JSON spec (an object with data, panels or $schema) is returned to render; anything else
 * is read as data whose format its first bytes tell (.npy's magic, a zip, JSON, else
 * CSV/TSV). Bounded by maxInputBytes like every whole read.
 */
export function loadStdin(
  options: LoadOptions = {},
  hints: ReadHints = {},
): { readonly spec: Spec } | { readonly grid: Grid } {
  const bytes = readBounded('-', '-', hints.maxInputBytes);
  const at = (i: number) => bytes[i] ?? -1;
  let format: LoadOptions['format'] = 'csv';
  if (at(0) === 0x93 && at(1) === 0x4e) format = 'npy';
  else if (at(0) === 0x50 && at(1) === 0x4b) format = 'npz';
  else {
    let i = at(0) === 0xef ? 3 : 0; // a UTF-8 byte-order mark
    while (
      i < bytes.length &&
      (at(i) === 0x20 || at(i) === 0x0a || at(i) === 0x0d || at(i) === 0x09)
    )
      i++;
    if (at(i) === 0x7b || at(i) === 0x5b) format = 'json';
  }
  if (format === 'json') {
    const value = parseJsonText(new TextDecoder().decode(bytes), '<stdin>');
    if (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      ('data' in value || 'panels' in value || '$schema' in value)
    )
      return { spec: value as Spec };
  }
  return {
    grid: gridFromBytes(bytes, '<stdin>', {
      ...options,
      format,
      ...(hints.maxInputBytes ? { maxBytes: hints.maxInputBytes } : {}),
    }),
  };
}

/**
 * Loads a data file into a Grid: CSV/TSV (wide, or long with x/y/value), JSON, NumPy .npy
 * and .npz. Relative paths are resolved against `baseDir`; `-` reads standard input (give
 * options.format). A .npy larger than its output needs is streamed in blocks of rows and
 * reduced as it is read, never held whole.
 */
export function load(
  path: string,
  options: LoadOptions = {},
  baseDir = '.',
  where: string = path,
  hints: ReadHints = {},
): Grid {
  if (path === '-') {
    if (!options.format)
      throw new HeatfigError('bad-option', msg.stdinNeedsFormat(INPUT_FORMATS.join('|')), '-');
    if (options.format === 'npy') return stdinNpy(options, hints);
    return gridFromBytes(readBounded('-', '-', hints.maxInputBytes), '<stdin>', {
      ...options,
      ...(hints.maxInputBytes ? { maxBytes: hints.maxInputBytes } : {}),
    });
  }
  const full = resolvePath(baseDir, path);
  const source = where === path ? path : `${where} (${path})`;
  const format = options.format ?? formatOfName(path) ?? undefined;
  if (format === 'npy' && hints.raster !== 'never') {
    const streamed = streamIfLarge(full, where, source, hints);
    if (streamed)
      return options.sort && options.sort !== 'appearance'
        ? sortGrid(streamed, options.sort)
        : streamed;
  }
  if (format === 'npy' && hints.maxCells) checkCells(full, where, source, hints.maxCells);
  const bytes = readBounded(full, where, hints.maxInputBytes);
  return gridFromBytes(bytes, source, {
    ...options,
    ...(format ? { format } : {}),
    ...(hints.maxInputBytes ? { maxBytes: hints.maxInputBytes } : {}),
  });
}

/** A loader for data files named in a spec, relative to the spec's folder. */
export function fileLoader(
  specPath: string | null,
  hints: ReadHints = {},
  read: string[] = [],
): DataFileLoader {
  const base = specPath ? dirname(specPath) : '.';
  return (path, _where, options) => {
    read.push(resolvePath(base, path));
    return load(path, options, base, specPath ? join(dirname(specPath), path) : path, hints);
  };
}

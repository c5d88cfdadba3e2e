import { HeatfigError } from '../errors.ts';
import type { Grid } from './grid.ts';
import { gridFromNpy } from './npy.ts';
import { zipEntries, zipRead } from './zip.ts';
import * as msg from '../messages.ts';

/** The largest array an .npz member may inflate to, unless the reader is told otherwise. */
export const NPZ_MAX_BYTES = 128 << 20;

/** The array names in an .npz archive, in archive order (without ".npy"). */
export function npzKeys(bytes: Uint8Array, source: string): string[] {
  return zipEntries(bytes, source).map((e) => e.name.replace(/\.npy$/, ''));
}

/**
 * A Grid from one array of an .npz archive (plain or compressed): the one named `key`
 * (with or without ".npy"), or the first. Only that member is inflated, bounded by its
 * declared size and `maxBytes`, and its CRC-32 is checked (see zip.ts).
 */
export function gridFromNpz(
  bytes: Uint8Array,
  source: string,
  key: string | null = null,
  maxBytes = NPZ_MAX_BYTES,
): Grid {
  const entries = zipEntries(bytes, source);
  const keys = entries.map((e) => e.name.replace(/\.npy$/, ''));
  if (keys.length === 0) throw new HeatfigError('bad-npz', msg.emptyNpz(), source);
  const name = key === null ? keys[0]! : key.replace(/\.npy$/, '');
  const i = keys.indexOf(name);
  if (i < 0) {
    throw new HeatfigError(
      'bad-npz',
      msg.noSuchArray(JSON.stringify(name), keys.map((k) => JSON.stringify(k)).join(', ')),
      source,
    );
  }
  return gridFromNpy(zipRead(bytes, entries[i]!, source, maxBytes), `${source}[${name}]`);
}

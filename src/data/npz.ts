import { unzipSync } from 'fflate';
import { HeatfigError } from '../errors.ts';
import type { Grid } from './grid.ts';
import { gridFromNpy } from './npy.ts';

/** The array names in an .npz archive, in archive order (without ".npy"). */
export function npzKeys(bytes: Uint8Array, source: string): string[] {
  return Object.keys(unzipNpz(bytes, source, () => false)).map((k) => k.replace(/\.npy$/, ''));
}

function unzipNpz(
  bytes: Uint8Array,
  source: string,
  want: (name: string) => boolean,
): Record<string, Uint8Array> {
  try {
    const names: string[] = [];
    const files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return want(f.name);
      },
    });
    for (const n of names) if (!(n in files)) files[n] = new Uint8Array(0);
    return files;
  } catch (e) {
    throw new HeatfigError(
      'bad-npz',
      `not a readable .npz (zip) archive (${(e as Error).message}); save it with numpy.savez or numpy.savez_compressed`,
      source,
    );
  }
}

/**
 * A Grid from one array of an .npz archive (plain or compressed): the one named `key`
 * (with or without ".npy"), or the first.
 */
export function gridFromNpz(bytes: Uint8Array, source: string, key: string | null = null): Grid {
  const keys = npzKeys(bytes, source);
  if (keys.length === 0) throw new HeatfigError('bad-npz', 'the archive holds no arrays', source);
  const name = key === null ? keys[0]! : key.replace(/\.npy$/, '');
  if (!keys.includes(name)) {
    throw new HeatfigError(
      'bad-npz',
      `no array named ${JSON.stringify(name)}; the archive holds ${keys.map((k) => JSON.stringify(k)).join(', ')}`,
      source,
    );
  }
  const files = unzipNpz(bytes, source, (n) => n === `${name}.npy` || n === name);
  const data = files[`${name}.npy`] ?? files[name]!;
  return gridFromNpy(data, `${source}[${name}]`);
}

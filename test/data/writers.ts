/** Writers used by the property tests to make valid files of every kind. */
import { zipSync } from 'fflate';

export type NpyDtype =
  | 'f2'
  | 'f4'
  | 'f8'
  | 'i1'
  | 'i2'
  | 'i4'
  | 'i8'
  | 'u1'
  | 'u2'
  | 'u4'
  | 'u8'
  | 'b1';

function floatToHalf(v: number): number {
  const f32 = new Float32Array([v]);
  const x = new Uint32Array(f32.buffer)[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = ((x >>> 23) & 0xff) - 127 + 15;
  const mant = x & 0x7fffff;
  if (((x >>> 23) & 0xff) === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) return sign | (exp < -10 ? 0 : (mant | 0x800000) >> (1 - exp + 13));
  return sign | (exp << 10) | (mant >> 13);
}

/** A .npy file (format 1.0) of `values` (C order, row-major over `shape`). */
export function writeNpy(
  values: readonly number[],
  shape: readonly number[],
  dtype: NpyDtype,
  bigEndian = false,
  fortran = false,
  version: 1 | 2 | 3 = 1,
): Uint8Array {
  const size = Number(dtype.slice(1));
  const descr = `${dtype === 'b1' || size === 1 ? '|' : bigEndian ? '>' : '<'}${dtype}`;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const pre = version === 1 ? 10 : 12;
  header += ' '.repeat(63 - ((pre + header.length) % 64)) + '\n';
  const n = values.length;
  const out = new Uint8Array(pre + header.length + n * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const dv = new DataView(out.buffer);
  if (version === 1) dv.setUint16(8, header.length, true);
  else dv.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[pre + i] = header.charCodeAt(i);
  const le = !bigEndian;
  const base = pre + header.length;
  // Fortran order stores index (i0, i1, …) at i0 + s0·(i1 + s1·…).
  const pos = (k: number) => {
    if (!fortran) return k;
    const idx: number[] = [];
    let rest = k;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rest % shape[d]!;
      rest = Math.floor(rest / shape[d]!);
    }
    let p = 0;
    for (let d = shape.length - 1; d >= 0; d--) p = p * shape[d]! + idx[d]!;
    return p;
  };
  values.forEach((v, k) => {
    const o = base + pos(k) * size;
    switch (dtype) {
      case 'f8':
        dv.setFloat64(o, v, le);
        break;
      case 'f4':
        dv.setFloat32(o, v, le);
        break;
      case 'f2':
        dv.setUint16(o, floatToHalf(v), le);
        break;
      case 'i1':
        dv.setInt8(o, v);
        break;
      case 'i2':
        dv.setInt16(o, v, le);
        break;
      case 'i4':
        dv.setInt32(o, v, le);
        break;
      case 'i8':
        dv.setBigInt64(o, BigInt(v), le);
        break;
      case 'u1':
      case 'b1':
        dv.setUint8(o, v);
        break;
      case 'u2':
        dv.setUint16(o, v, le);
        break;
      case 'u4':
        dv.setUint32(o, v, le);
        break;
      case 'u8':
        dv.setBigUint64(o, BigInt(v), le);
        break;
    }
  });
  return out;
}

/** An .npz archive of named .npy files. */
export function writeNpz(arrays: Record<string, Uint8Array>, compressed: boolean): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(arrays)) files[`${k}.npy`] = v;
  return zipSync(files, { level: compressed ? 6 : 0, mtime: new Date('2000-01-01T00:00:00Z') });
}

/** CSV text, quoting fields that hold the delimiter, quotes, newlines or edge spaces. */
export function writeCsv(rows: readonly (readonly string[])[], sep = ',', eol = '\n'): string {
  const q = (f: string) =>
    /["\r\n]/.test(f) || f.includes(sep) || f === '' ? `"${f.replace(/"/g, '""')}"` : f;
  return rows.map((r) => r.map(q).join(sep)).join(eol) + eol;
}

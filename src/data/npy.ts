import { HeatfigError } from '../errors.ts';
import type { Grid, Panel } from './grid.ts';
import { positionLabels } from './grid.ts';
import { parsePyLiteral } from './pyliteral.ts';
import * as msg from '../messages.ts';

/** The header of a NumPy .npy file. */
export interface NpyHeader {
  readonly version: 1 | 2 | 3;
  /** Bytes before the data. */
  readonly dataOffset: number;
  readonly kind: 'f' | 'i' | 'u' | 'b';
  readonly itemSize: number;
  readonly littleEndian: boolean;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  readonly descr: string;
}

/**
 * The header a .npy of a float typed array's values would have, in C order (`shape` its
 * dimensions): what streamNpy needs to reduce the values in memory as it reduces a file's.
 * Typed arrays are in the platform's byte order: little-endian in every browser and Node.
 */
export function typedArrayHeader(
  v: Float32Array | Float64Array,
  shape: readonly number[],
): NpyHeader {
  return {
    version: 1,
    dataOffset: 0,
    kind: 'f',
    itemSize: v.BYTES_PER_ELEMENT,
    littleEndian: true,
    fortranOrder: false,
    shape,
    descr: v instanceof Float32Array ? '<f4' : '<f8',
  };
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const SUPPORTED = 'float16/32/64, int8…int64, uint8…uint64 or bool';

/** The longest .npy header read (numpy's own default limit is 10,000 bytes; larger v2/v3 headers are valid). */
export const NPY_HEADER_MAX = 1 << 20;

/** What a dtype that cannot be drawn is, by name. */
function dtypeName(descr: string): string {
  const k = /^[<>|=]?([a-zA-Z])/.exec(descr)?.[1];
  const names: Record<string, string> = {
    O: 'is an object array, which cannot be read safely (numpy needs allow_pickle)',
    U: 'is a unicode string array',
    S: 'is a bytes array',
    a: 'is a bytes array',
    c: 'is a complex array (draw its abs() or .real)',
    M: 'is a datetime array',
    m: 'is a timedelta array',
    V: 'is a void (raw bytes) array',
  };
  return (k && names[k]) ?? 'is not supported';
}

function bad(message: string, source: string): HeatfigError {
  return new HeatfigError('bad-npy', message, source);
}

/** Reads and checks a .npy header (versions 1, 2 and 3). `total` is the file's size. */
export function parseNpyHeader(bytes: Uint8Array, source: string, total = bytes.length): NpyHeader {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b))
    throw bad(msg.numpyNpyFileX93numpy(), source);
  const major = bytes[6]!;
  if (major < 1 || major > 3) throw bad(msg.npyFormatVersionSupported(major), source);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen =
    major === 1 ? dv.getUint16(8, true) : bytes.length >= 12 ? dv.getUint32(8, true) : Number.NaN;
  const start = major === 1 ? 10 : 12;
  if (headerLen > NPY_HEADER_MAX)
    throw bad(msg.headerClaimsBytesMore(headerLen, NPY_HEADER_MAX), source);
  if (!(start + headerLen <= bytes.length)) throw bad(msg.headerClaimsBytesBut(headerLen), source);
  const raw = bytes.subarray(start, start + headerLen);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(raw);
  const parsed = parsePyLiteral(text.replace(/[\s\x00]+$/, ''));
  const dict =
    parsed !== null && typeof parsed === 'object' && 'dict' in parsed ? parsed.dict : null;
  const descrValue = dict?.get('descr');
  const fortranValue = dict?.get('fortran_order');
  const shapeValue = dict?.get('shape');
  if (
    !dict ||
    descrValue === undefined ||
    typeof fortranValue !== 'boolean' ||
    shapeValue === undefined
  ) {
    throw bad(msg.headerNumpyHeaderDict(JSON.stringify(text.slice(0, 80))), source);
  }
  if (typeof descrValue !== 'string') throw bad(msg.structuredDtypeNamedFields(), source);
  const descr = descrValue;
  const items =
    shapeValue !== null && typeof shapeValue === 'object' && 'tuple' in shapeValue
      ? shapeValue.tuple
      : null;
  const shape = (items ?? []).map((v) => (typeof v === 'number' && v >= 0 ? v : Number.NaN));
  if (!items || shape.some((n) => !Number.isSafeInteger(n)))
    throw bad(msg.shapeTupleWholeNumbers(JSON.stringify(shapeValue)), source);
  const m = /^([<>|=])([fiub])(\d+)$/.exec(descr);
  if (!m) throw bad(msg.dtypeUse(JSON.stringify(descr), dtypeName(descr), SUPPORTED), source);
  const kind = m[2] as NpyHeader['kind'];
  const itemSize = Number(m[3]);
  const ok =
    kind === 'f'
      ? [2, 4, 8].includes(itemSize)
      : kind === 'b'
        ? itemSize === 1
        : [1, 2, 4, 8].includes(itemSize);
  if (!ok) throw bad(msg.dtypeSupportedUse(JSON.stringify(descr), SUPPORTED), source);
  if (shape.length === 0 || shape.length > 4) {
    throw bad(msg.arrayDimensionsCannotDrawn(shape.length), source);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const need = start + headerLen + count * itemSize;
  if (need > total) {
    throw bad(
      msg.headerClaimsShapeValues(
        shape.join(', '),
        count,
        count * itemSize,
        Math.max(0, total - start - headerLen),
      ),
      source,
    );
  }
  return {
    version: major as 1 | 2 | 3,
    dataOffset: start + headerLen,
    kind,
    itemSize,
    littleEndian: m[1] === '<' || m[1] === '|' || m[1] === '=',
    fortranOrder: fortranValue,
    shape,
    descr,
  };
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? Number.NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** A reader of element i (counted from the start of `dv`) as a double. */
export function elementReader(h: NpyHeader, dv: DataView): (i: number) => number {
  const le = h.littleEndian;
  const s = h.itemSize;
  switch (`${h.kind}${s}`) {
    case 'f8':
      return (i) => dv.getFloat64(i * 8, le);
    case 'f4':
      return (i) => dv.getFloat32(i * 4, le);
    case 'f2':
      return (i) => halfToFloat(dv.getUint16(i * 2, le));
    case 'i1':
      return (i) => dv.getInt8(i);
    case 'i2':
      return (i) => dv.getInt16(i * 2, le);
    case 'i4':
      return (i) => dv.getInt32(i * 4, le);
    case 'i8':
      return (i) => Number(dv.getBigInt64(i * 8, le));
    case 'u1':
    case 'b1':
      return (i) => dv.getUint8(i);
    case 'u2':
      return (i) => dv.getUint16(i * 2, le);
    case 'u4':
      return (i) => dv.getUint32(i * 4, le);
    default:
      return (i) => Number(dv.getBigUint64(i * 8, le));
  }
}

/** The array as panels × rows × cols: 1-D is one row, 2-D one panel. */
export function panelShape(h: NpyHeader): [number, number, number] {
  const s = h.shape;
  return s.length === 1
    ? [1, 1, s[0]!]
    : s.length === 2
      ? [1, s[0]!, s[1]!]
      : s.length === 3
        ? [s[0]!, s[1]!, s[2]!]
        : [s[0]! * s[1]!, s[2]!, s[3]!];
}

/** The leading dimensions of a 3-D or 4-D array (its facets), or undefined. */
export const arrayShapeOf = (h: NpyHeader): number[] | undefined =>
  h.shape.length >= 3 ? h.shape.slice(0, -2) : undefined;

/** A facet's title from its panel index: "3" of a 3-D array, "1, 2" of a 4-D one. */
export function facetTitle(shape: readonly number[], p: number): string | null {
  if (shape.length < 3) return null;
  if (shape.length === 3) return String(p);
  const B = shape[1]!;
  return `${Math.floor(p / B)}, ${p % B}`;
}

/**
 * A Grid from the bytes of a .npy file: 1-D is one row, 2-D a matrix, 3-D one panel per
 * leading index, 4-D one per pair of leading indices (facet rows × facet columns). C and Fortran order, either byte order. Values become doubles (int64 beyond
 * 2^53 loses precision, as in any float plot).
 */
export function gridFromNpy(bytes: Uint8Array, source: string): Grid {
  const h = parseNpyHeader(bytes, source);
  const [P, R, C] = panelShape(h);
  if (P * R * C === 0)
    throw new HeatfigError('empty-grid', msg.emptyArray(h.shape.join(', ')), source);
  const dv = new DataView(bytes.buffer, bytes.byteOffset + h.dataOffset, P * R * C * h.itemSize);
  const read = elementReader(h, dv);
  const panels: Panel[] = [];
  for (let p = 0; p < P; p++) {
    const values = new Float64Array(R * C);
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C; c++) {
        // C order: index (p, r, c) = (p·R + r)·C + c; Fortran order: p + P·(r + R·c), where a
        // 4-D array's panel (a, b) = a·B + b is a + A·b.
        values[r * C + c] = read(
          h.fortranOrder ? fortranPanel(h, p) + P * (r + R * c) : (p * R + r) * C + c,
        );
      }
    }
    panels.push({
      title: facetTitle(h.shape, p),
      rows: R,
      rowLabels: positionLabels(R),
      values,
    });
  }
  const arrayShape = arrayShapeOf(h);
  return { cols: C, colLabels: positionLabels(C), panels, ...(arrayShape ? { arrayShape } : {}) };
}

/** Where panel p = a·B + b of a Fortran-order array starts: a + A·b for 4-D, p for 3-D. */
function fortranPanel(h: NpyHeader, p: number): number {
  if (h.shape.length < 4) return p;
  const [A, B] = h.shape as [number, number];
  return Math.floor(p / B) + A * (p % B);
}

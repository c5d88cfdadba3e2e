import { Inflate } from 'fflate';
import { HeatfigError } from '../errors.ts';
import { crc32 } from '../util/crc32.ts';
import * as msg from '../messages.ts';

/** One member of a zip archive, as its central directory records it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_ENTRIES = 65_536;
const PIECE = 4096;

const bad = (what: string, source: string) =>
  new HeatfigError('bad-npz', msg.notAnNpz(what), source);

/** A uint64 from a DataView, refused above 2⁵³ (no real archive here is that large). */
function u64(dv: DataView, at: number, source: string): number {
  const v = dv.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw bad(msg.zip64SizeOffsetOut(), source);
  return Number(v);
}

/**
 * The members of a zip archive, from its central directory (zip64 records included, as
 * numpy.savez writes them). Refuses what it cannot read safely, in one line each.
 */
export function zipEntries(bytes: Uint8Array, source: string): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (dv.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad(msg.zipArchiveEndCentral(), source);
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && dv.getUint32(locator, true) === SIG_ZIP64_LOCATOR) {
    const at = u64(dv, locator + 8, source);
    if (at + 56 > bytes.length || dv.getUint32(at, true) !== SIG_ZIP64_EOCD)
      throw bad(msg.damagedZip64EndCentral(), source);
    count = u64(dv, at + 32, source);
    cdSize = u64(dv, at + 40, source);
    cdOffset = u64(dv, at + 48, source);
  }
  if (count > MAX_ENTRIES) throw bad(msg.archiveListsMembersMore(count, MAX_ENTRIES), source);
  if (cdOffset + cdSize > bytes.length) throw bad(msg.centralDirectoryLiesPast(), source);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== SIG_CENTRAL)
      throw bad(msg.damagedCentralDirectoryEntry(), source);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > bytes.length)
      throw bad(msg.damagedCentralDirectoryEntry(), source);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // zip64: the fields set to 0xffffffff come, in this order, from the extra field 0x0001.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = dv.getUint16(e, true);
      const len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + len ? u64(dv, q, source) : Number.NaN;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
        if ([size, compressedSize, localOffset].some(Number.isNaN))
          throw bad(msg.zip64ExtraFieldShorter(), source);
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * A member's bytes: refused if encrypted, compressed by a method other than stored or
 * deflate, named with a path (`..`, `/`), or larger than `maxBytes` uncompressed, before any
 * work; inflated in pieces and stopped as soon as it passes its declared size (a zip bomb
 * costs no more than that); its CRC-32 checked.
 */
export function zipRead(
  bytes: Uint8Array,
  entry: ZipEntry,
  source: string,
  maxBytes: number,
): Uint8Array {
  const where = `${source}[${entry.name}]`;
  if (entry.flags & 1)
    throw bad(msg.memberEncryptedWhichHeatfig(JSON.stringify(entry.name)), source);
  if (/(^|[\\/])\.\.([\\/]|$)|^[\\/]/.test(entry.name))
    throw bad(msg.memberPathArrayName(JSON.stringify(entry.name)), source);
  if (entry.method !== 0 && entry.method !== 8)
    throw bad(msg.memberUsesCompressionMethod(JSON.stringify(entry.name), entry.method), source);
  if (entry.size > maxBytes)
    throw new HeatfigError(
      'too-large',
      msg.npzMemberTooLarge(entry.size.toLocaleString('en-US'), maxBytes.toLocaleString('en-US')),
      where,
    );
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== SIG_LOCAL)
    throw bad(msg.damagedLocalFileHeader(), where);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw bad(msg.archiveCutShort(), where);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else {
    out = new Uint8Array(entry.size);
    let filled = 0;
    const inflate = new Inflate((chunk) => {
      if (filled + chunk.length > entry.size)
        throw bad(msg.memberInflatesPastDeclared(entry.size), where);
      out.set(chunk, filled);
      filled += chunk.length;
    });
    try {
      // 4 kB at a time: deflate expands at most 1032 times, so no piece inflates past 4 MB.
      for (let i = 0; i < data.length; i += PIECE)
        inflate.push(data.subarray(i, i + PIECE), i + PIECE >= data.length);
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof HeatfigError) throw e;
      throw bad(msg.memberDoesInflate((e as Error).message), where);
    }
    if (filled !== entry.size)
      throw bad(msg.memberInflatesBytesDeclared(filled, entry.size), where);
  }
  if (crc32(out) !== entry.crc) throw bad(msg.crcMismatchArchiveDamaged(), where);
  return out;
}

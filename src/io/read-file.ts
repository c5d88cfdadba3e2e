/**
 * Reading an input whole, bounded (Node only): a regular file larger than the limit is
 * refused before it is read; standard input, a FIFO or a device (/dev/zero) is read in
 * pieces and refused as soon as it passes the limit. Memory is never more than the limit.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';

/** What heatfig reads whole by default (a streamed .npy is read in pieces, and has no limit). */
export const MAX_INPUT_BYTES = 128 << 20;
/** The most `--max-input-bytes` may allow: past it a text file no longer fits in a string. */
export const MAX_INPUT_BYTES_CEILING = 1 << 30;

const tooLarge = (what: string, size: number | null, limit: number, where: string) =>
  new HeatfigError(
    'too-large',
    msg.inputTooLarge(
      what,
      size === null ? 'holds more than' : `is ${size.toLocaleString('en-US')} bytes, more than`,
      limit.toLocaleString('en-US'),
      MAX_INPUT_BYTES_CEILING.toLocaleString('en-US'),
    ),
    where,
  );

function cannotRead(path: string, e: unknown, where: string): HeatfigError {
  const code = (e as NodeJS.ErrnoException).code;
  const what =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : `cannot read it (${code})`;
  return new HeatfigError('no-file', msg.notAFile(JSON.stringify(path), what), where);
}

/**
 * Reads up to `length` bytes of `fd` at its current position into `into` at `offset`,
 * waiting on a non-blocking pipe that has nothing yet; 0 at the end.
 */
export function readSome(fd: number, into: Uint8Array, offset: number, length: number): number {
  for (;;) {
    try {
      return readSync(fd, into, offset, length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') return 0;
      throw e;
    }
  }
}

/** Fills `into` from `fd` (sequentially) as far as the input goes; the bytes read. */
export function readFully(fd: number, into: Uint8Array, length = into.length): number {
  let got = 0;
  while (got < length) {
    const n = readSome(fd, into, got, length - got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Reads all of `fd` (not a regular file) in pieces, up to `limit` bytes, after `prefix`. */
export function readPieces(
  fd: number,
  limit: number,
  what: string,
  where: string,
  prefix: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const parts: Uint8Array[] = [prefix];
  let total = prefix.length;
  // One buffer to read into; each read's bytes are copied out at their own size (a pipe gives
  // 64 kB at a time, and a view would keep the whole buffer alive).
  const buf = new Uint8Array(1 << 20);
  if (total > limit) throw tooLarge(what, null, limit, where);
  for (;;) {
    let n: number;
    try {
      n = readSome(fd, buf, 0, Math.min(buf.length, limit + 1 - total));
    } catch (e) {
      throw cannotRead(what, e, where);
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw tooLarge(what, null, limit, where);
    parts.push(buf.slice(0, n));
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** All the bytes of a file (or of standard input, for `-`), at most `limit`. */
export function readBounded(path: string, where: string, limit = MAX_INPUT_BYTES): Uint8Array {
  if (path === '-') return readPieces(0, limit, 'standard input', where);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw cannotRead(path, e, where);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw cannotRead(path, { code: 'EISDIR' }, where);
    if (!st.isFile()) return readPieces(fd, limit, JSON.stringify(path), where);
    if (st.size > limit) throw tooLarge(JSON.stringify(path), st.size, limit, where);
    const out = new Uint8Array(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, out, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === st.size ? out : out.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

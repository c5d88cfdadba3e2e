/**
 * Writing an output without damaging what is at its path (Node only): a regular file is
 * replaced whole or not at all (a temporary file beside it, unpredictably named, opened
 * exclusively with the final file's mode, then renamed over it); a symlink is followed to
 * its target, as every Unix tool does; a device or FIFO (`/dev/stdout`, a pipe) is written
 * through, never replaced by a file; `-` is standard output; and a path that is one of the
 * inputs is refused.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';

/**
 * Temporary files being written, removed if the process is interrupted (SIGINT, SIGTERM):
 * the one piece of process-wide state here, because a signal handler has nothing else.
 */
const pending = new Set<string>();
let handlersInstalled = false;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      for (const p of pending) rmSync(p, { force: true });
      process.exit(code);
    });
  }
}

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return null;
  }
}

/** Writes all of `bytes` to an open file descriptor. */
function writeAll(fd: number, bytes: Uint8Array | string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  let at = 0;
  while (at < data.length) at += writeSync(fd, data, at, data.length - at);
}

const failed = (path: string, e: unknown) =>
  new HeatfigError(
    'write-failed',
    msg.cannotWrite(JSON.stringify(path), (e as NodeJS.ErrnoException).code ?? String(e)),
    path,
  );

/**
 * Refuses an output that is one of the inputs (the same file, by device and inode, through
 * any link): writing it would destroy the data the figure was made from.
 */
export function checkNotInput(path: string, inputs: readonly string[]): void {
  if (path === '-') return;
  const out = statOrNull(path, true);
  if (!out?.isFile()) return;
  for (const input of inputs) {
    if (input === '-') continue;
    const s = statOrNull(input, true);
    if (s && s.dev === out.dev && s.ino === out.ino)
      throw new HeatfigError(
        'output-is-input',
        msg.outputWouldDestroy(
          JSON.stringify(path),
          input === path ? 'the input' : `the input ${JSON.stringify(input)}`,
        ),
        path,
      );
  }
}

/**
 * Writes an output as described above. `inputs` are the files the figure was read from
 * (the spec, its data files, fonts); an output that is one of them is refused.
 */
export function writeOutput(
  path: string,
  bytes: Uint8Array | string,
  inputs: readonly string[] = [],
): void {
  if (path === '-') {
    try {
      writeAll(1, bytes);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw failed('-', e);
    }
    return;
  }
  checkNotInput(path, inputs);
  const link = statOrNull(path, false);
  let target = path;
  if (link?.isSymbolicLink()) target = linkTarget(path);
  const st = statOrNull(target, true);
  if (st?.isDirectory())
    throw new HeatfigError('write-failed', msg.outputIsDirectory(JSON.stringify(path)), path);
  if (st && !st.isFile()) {
    // A device, a FIFO or a socket: written through, as a shell's redirection would.
    let fd: number | null = null;
    try {
      fd = openSync(target, 'w');
      writeAll(fd, bytes);
    } catch (e) {
      throw failed(path, e);
    } finally {
      if (fd !== null) closeSync(fd);
    }
    return;
  }
  writeRegular(target, bytes, st ? st.mode & 0o7777 : null, path);
}

/**
 * Where a symlink leads, followed link by link (at most 40, as the kernel does): an existing
 * file, or, for a link to nothing yet, the path it names, which is then created (as a shell's
 * redirection creates it).
 */
function linkTarget(path: string): string {
  let p = path;
  for (let i = 0; i < 40; i++) {
    const st = statOrNull(p, false);
    if (!st?.isSymbolicLink()) return p;
    try {
      return realpathSync(p);
    } catch {
      p = resolve(dirname(p), readlinkSync(p));
    }
  }
  throw new HeatfigError('write-failed', msg.outputSymlinkLoop(JSON.stringify(path)), path);
}

/** A regular file, whole or not at all, keeping the mode of the file it replaces. */
function writeRegular(
  target: string,
  bytes: Uint8Array | string,
  mode: number | null,
  shown: string,
): void {
  installHandlers();
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    pending.add(tmp);
    // openSync's mode is masked by the umask; an existing file's mode is kept exactly.
    if (mode !== null) fchmodSync(fd, mode);
    writeAll(fd, bytes);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
    pending.delete(tmp);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    pending.delete(tmp);
    throw failed(shown, e);
  }
}

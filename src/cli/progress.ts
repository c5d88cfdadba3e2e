/**
 * A progress bar on standard error for work that takes more than about a second: shown only
 * on a terminal, never under CI or --quiet, redrawn at most ten times a second, and erased
 * when the work is done.
 */
import { isatty } from 'node:tty';

export interface Progress {
  update(fraction: number): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

export function progressBar(label: string, quiet: boolean, stream?: NodeJS.WriteStream): Progress {
  // Asks the descriptor rather than process.stderr, whose stream Node builds on first touch
  // (a few milliseconds of every short render otherwise).
  const tty = stream ? stream.isTTY : isatty(2);
  if (quiet || !tty || process.env['CI']) return SILENT;
  const out = stream ?? process.stderr;
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(fraction) {
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      const width = 30;
      const f = Math.max(0, Math.min(1, fraction));
      const full = Math.round(f * width);
      out.write(
        `\rheatfig: ${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${Math.round(f * 100)}%`,
      );
    },
    done() {
      if (shown) out.write('\r\x1b[2K');
    },
  };
}

/**
 * A progress bar on standard error for work that takes more than about a second: shown only
 * on a terminal, never under CI or --quiet, redrawn at most ten times a second, and erased
 * when the work is done.
 */
export interface Progress {
  update(fraction: number): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

export function progressBar(label: string, quiet: boolean, stream?: NodeJS.WriteStream): Progress {
  if (quiet || process.env['CI']) return SILENT;
  const start = Date.now();
  let last = 0;
  let shown = false;
  // Whether standard error is a terminal is asked only once a second has passed: Node builds
  // process.stderr on first touch, a few milliseconds every short render would pay.
  let out: NodeJS.WriteStream | null | undefined;
  const terminal = () => {
    if (out === undefined) {
      const s = stream ?? process.stderr;
      out = s.isTTY ? s : null;
    }
    return out;
  };
  return {
    update(fraction) {
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      const tty = terminal();
      if (!tty) return;
      last = now;
      shown = true;
      const width = 30;
      const f = Math.max(0, Math.min(1, fraction));
      const full = Math.round(f * width);
      tty.write(
        `\rheatfig: ${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${Math.round(f * 100)}%`,
      );
    },
    done() {
      if (shown) terminal()?.write('\r\x1b[2K');
    },
  };
}

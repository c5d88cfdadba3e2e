/**
 * The one error type a user can cause: a bad file, a bad spec, an impossible option.
 * `where` is `file:line:col`, `file`, or a JSON path (`$.colorbar.ticks[2]`); the CLI prints
 * `heatfig: error: WHERE: MESSAGE` and exits 2. Anything else thrown is a bug.
 */
export class HeatfigError extends Error {
  readonly code: string;
  readonly where: string | null;
  /** What is wrong and what would be right, without `where`. */
  readonly detail: string;

  constructor(code: string, message: string, where: string | null = null) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'HeatfigError';
    this.code = code;
    this.where = where;
    this.detail = message;
  }
}

export function isHeatfigError(e: unknown): e is HeatfigError {
  return e instanceof HeatfigError;
}

/** Collects warnings once each, in the order first seen. */
export class Warnings {
  readonly #seen = new Set<string>();
  readonly list: string[] = [];

  add(message: string): void {
    if (this.#seen.has(message)) return;
    this.#seen.add(message);
    this.list.push(message);
  }
}

/**
 * The words detectors write with: names of rows, columns and cells as the reader sees them
 * (duplicated labels told apart), lists capped with "and others", and a claim's own numbers
 * by name, so a sentence can say nothing its claim does not.
 */
import type { Grid } from '../data/grid.ts';
import type { Figure } from '../figure/types.ts';
import type { ClaimNumber } from './claims.ts';
import { type CellKey, code, type GridView, type LineKey } from './view.ts';

/** A claim as its sentence reads it: the numbers by name. */
interface Numbered {
  readonly numbers: readonly ClaimNumber[];
}

/** At most this many labels or cells are listed; then "… and others (N in all)". */
export const LIST_CAP = 7;

export const n = (c: Numbered, name: string): ClaimNumber =>
  c.numbers.find((x) => x.name === name)!;
/** "p = 0.012", or "p < 1e-15". */
export const pText = (c: Numbered): string =>
  `p ${n(c, 'p').relation === '<' ? '<' : '='} ${t(c, 'p')}`;
export const t = (c: Numbered, name: string): string => n(c, name).text;
export const v = (c: Numbered, name: string): number => n(c, name).value;

/**
 * "a, b and c"; past LIST_CAP items, "a, b, … and others (N in all)". N (`total`) must be a
 * number the sentence's claims state, or how many claims (of one kind and finding) it cites:
 * checkClaims verifies it as any other numeral.
 */
export function listOf(items: readonly string[], total = items.length): string {
  const shown = items.slice(0, LIST_CAP);
  const more = total - shown.length;
  if (shown.length === 1 && more === 0) return shown[0]!;
  if (more > 0) return `${shown.join(', ')} and others (${total} in all)`;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export interface Writer {
  readonly grid: Grid;
  readonly figure: Figure;
  /** The view the claims were computed on (its rows are read once, for them and the tables). */
  readonly view: GridView;
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** "row `a`", or "the second row `0`" when several rows share the label. */
export function named(
  kind: 'row' | 'column',
  label: string,
  n: number,
  labels: readonly string[],
): string {
  const same = labels.filter((l) => l === label).length;
  if (same < 2) return `${kind} ${code(label)}`;
  return `the ${ORDINALS[n] ?? 'next'} ${kind} ${code(label)}`;
}

export function rowName(w: Writer, panel: number, key: LineKey): string {
  return named('row', key.label, key.n, w.grid.panels[panel]?.rowLabels ?? []);
}

/** A row or column of a panel; of a grid of facets, with the facet's title ("row `2` of `head = 3`"). */
export function lineName(w: Writer, panel: number, l: 'row' | 'col', key: LineKey): string {
  const title = w.grid.panels[panel]?.title;
  const of = w.figure.facets && w.grid.panels.length > 1 && title ? ` of ${code(title)}` : '';
  return `${l === 'row' ? rowName(w, panel, key) : named('column', key.label, key.n, w.grid.colLabels)}${of}`;
}

export function cell(w: Writer, k: CellKey): string {
  const panel = w.grid.panels.length > 1 ? `${code(w.grid.panels[k.panel]!.title ?? '')} ` : '';
  return `${panel}${rowName(w, k.panel, { label: k.row, n: k.rowN })} / ${named('column', k.col, k.colN, w.grid.colLabels)}`;
}

export const line = (l: 'row' | 'col') => (l === 'row' ? 'row' : 'column');
export const dirWord = (d: string) =>
  d === 'up' ? 'rises' : d === 'down' ? 'falls' : 'shows no consistent trend';

/** The text with its first letter in upper case. */
export const capitalised = (s: string): string => s.replace(/^./, (x) => x.toUpperCase());

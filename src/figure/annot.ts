/**
 * Cell text of one's own: seaborn's annot as a matrix (annot=array, fmt applied to numbers,
 * strings as they are), or a template in Python's str.format with the cell's fields, e.g.
 * "{value:d}\n({row_pct:.0%})" for a confusion matrix's count over its share of the true
 * class. The texts are made once, here, from the whole grid: a zoomed view slices them, and a
 * row's percentages stay those of the whole row.
 */
import type { Grid } from '../data/grid.ts';
import { HeatfigError } from '../errors.ts';
import { makeFormatter } from '../format/number.ts';
import * as msg from '../messages.ts';
import type { Spec } from '../spec/spec-type.ts';

/** A template's fields: the value, its share of its row, column and panel, and the labels. */
export const ANNOT_FIELDS = ['value', 'row_pct', 'col_pct', 'pct', 'row', 'col'] as const;
type Field = (typeof ANNOT_FIELDS)[number];

/** A template as literal text and fields with their format specs. */
type Part = string | { readonly field: Field; readonly format: ((v: number) => string) | null };

/** Parses a str.format template: `{field}` or `{field:spec}`, `{{` and `}}` for braces. */
export function parseTemplate(template: string, where: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if ((ch === '{' || ch === '}') && template[i + 1] === ch) {
      text += ch;
      i++;
      continue;
    }
    if (ch === '}')
      throw new HeatfigError(
        'bad-spec',
        msg.annotTemplate(template, 'a "}" that closes nothing'),
        where,
      );
    if (ch !== '{') {
      text += ch;
      continue;
    }
    const end = template.indexOf('}', i);
    if (end < 0)
      throw new HeatfigError(
        'bad-spec',
        msg.annotTemplate(template, 'a "{" that is never closed'),
        where,
      );
    const inner = template.slice(i + 1, end);
    const colon = inner.indexOf(':');
    const name = colon < 0 ? inner : inner.slice(0, colon);
    const spec = colon < 0 ? null : inner.slice(colon + 1);
    if (!(ANNOT_FIELDS as readonly string[]).includes(name))
      throw new HeatfigError(
        'bad-spec',
        msg.annotField(name, ANNOT_FIELDS.map((f) => `{${f}}`).join(', ')),
        where,
      );
    const field = name as Field;
    if (text) parts.push(text);
    text = '';
    const numeric = field !== 'row' && field !== 'col';
    parts.push({ field, format: numeric && spec ? makeFormatter(spec, where) : null });
    i = end;
  }
  if (text) parts.push(text);
  return parts;
}

/**
 * The text of every cell, per panel in row-major order (null: no text), from a matrix or a
 * template; null when the cells show their values (annot true).
 */
export function annotCells(
  spec: Spec,
  grid: Grid,
  mask: readonly (Uint8Array | null)[],
  fmt: string,
): (string | null)[][] | null {
  const a = spec.annot;
  // Categorical cells show their category's name.
  const names = spec.categories;
  if (a === true && names)
    return grid.panels.map((p, pi) =>
      Array.from(p.values, (v, k) => (mask[pi]?.[k] ? null : (names[v] ?? null))),
    );
  if (a === undefined || typeof a === 'boolean') return null;
  const C = grid.cols;
  const f = makeFormatter(fmt, '$.fmt');
  if (typeof a !== 'string') {
    // A matrix of the grid's shape (panels one under another), as seaborn's annot=array.
    const rows = grid.panels.reduce((s, p) => s + p.rows, 0);
    if (a.length !== rows)
      throw new HeatfigError('bad-spec', msg.annotShape(a.length, rows, C), '$.annot');
    let r0 = 0;
    return grid.panels.map((p) => {
      const out: (string | null)[] = [];
      for (let r = 0; r < p.rows; r++) {
        const row = a[r0 + r]!;
        if (row.length !== C)
          throw new HeatfigError('bad-spec', msg.annotRow(row.length, C), `$.annot[${r0 + r}]`);
        for (const v of row) out.push(v === null ? null : typeof v === 'number' ? f(v) : v);
      }
      r0 += p.rows;
      return out;
    });
  }
  const parts = parseTemplate(a, '$.annot');
  return grid.panels.map((p, pi) => {
    const v = p.values;
    const m = mask[pi];
    // Sums of each row, each column and the panel over its finite cells.
    const rowSum = new Float64Array(p.rows);
    const colSum = new Float64Array(C);
    let total = 0;
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (x - x !== 0) continue;
      rowSum[Math.floor(k / C)]! += x;
      colSum[k % C]! += x;
      total += x;
    }
    const out: (string | null)[] = [];
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (x !== x || m?.[k]) {
        out.push(null);
        continue;
      }
      const r = Math.floor(k / C);
      const c = k % C;
      const field = (name: Field): number | string =>
        name === 'value'
          ? x
          : name === 'row_pct'
            ? x / rowSum[r]!
            : name === 'col_pct'
              ? x / colSum[c]!
              : name === 'pct'
                ? x / total
                : name === 'row'
                  ? p.rowLabels[r]!
                  : grid.colLabels[c]!;
      let s = '';
      for (const part of parts) {
        if (typeof part === 'string') s += part;
        else {
          const got = field(part.field);
          s +=
            typeof got === 'string'
              ? got
              : (part.format ?? (part.field === 'value' ? f : makeFormatter('.0%')))(got);
        }
      }
      out.push(s);
    }
    return out;
  });
}

/** Cells to highlight (bold text and an outline), per panel: each row's, column's or the panel's largest (or smallest), ties all. */
export function highlightCells(
  how: Spec['highlight'],
  grid: Grid,
  mask: readonly (Uint8Array | null)[],
): Uint8Array[] | null {
  if (!how) return null;
  const C = grid.cols;
  return grid.panels.map((p, pi) => {
    const v = p.values;
    const m = mask[pi];
    const shown = (k: number) => v[k]! - v[k]! === 0 && !m?.[k];
    const out = new Uint8Array(v.length);
    const pick = (cells: number[], min: boolean) => {
      let best = min ? Infinity : -Infinity;
      for (const k of cells) if (shown(k) && (min ? v[k]! < best : v[k]! > best)) best = v[k]!;
      for (const k of cells) if (shown(k) && v[k] === best) out[k] = 1;
    };
    const all = Array.from({ length: v.length }, (_, k) => k);
    if (how === 'max' || how === 'min') pick(all, how === 'min');
    else if (how === 'row-max')
      for (let r = 0; r < p.rows; r++) pick(all.slice(r * C, (r + 1) * C), false);
    else
      for (let c = 0; c < C; c++)
        pick(
          Array.from({ length: p.rows }, (_, r) => r * C + c),
          false,
        );
    return out;
  });
}

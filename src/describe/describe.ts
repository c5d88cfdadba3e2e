import type { Grid, Panel } from '../data/grid.ts';
import type { Figure } from '../figure/types.ts';
import { makeFormatter } from '../format/number.ts';
import type { Sentence } from './check.ts';
import { type Claim, type ClaimKind, type ClaimOf, makeCtx, VALUE_FORMAT } from './claims.ts';
import { components, escapeLine } from './components.ts';
import type { Detector } from './detector.ts';
import { DETECTORS } from './detectors/index.ts';
import { observe } from './plan.ts';
import { dataTables } from './tables.ts';
import { code } from './view.ts';
import type { Writer } from './words.ts';

/** A description: the markdown, its sentences with the claims each cites, and the claims. */
export interface Description {
  readonly markdown: string;
  /** One or two sentences: what the figure is. */
  readonly summary: string;
  readonly sentences: readonly Sentence[];
  readonly claims: readonly Claim[];
  /** The data the claims are about (masked cells as missing): pass it to checkClaims. */
  readonly grid: Grid;
}

/** Key observations written, at most. */
const MAX_OBSERVATIONS = 8;

/** The figure's data as the reader sees it: masked cells are missing. */
export function describedGrid(figure: Figure): Grid {
  if (figure.mask.every((m) => m === null)) return figure.grid;
  const panels: Panel[] = figure.grid.panels.map((p, i) => {
    const m = figure.mask[i];
    if (!m) return p;
    return { ...p, values: p.values.map((v, k) => (m[k] ? Number.NaN : v)) };
  });
  return { ...figure.grid, panels };
}

/**
 * Describes a resolved figure in words a reader can check: observations computed from the
 * data (each a claim a program can verify with checkClaims), written in the sections the
 * seed descriptions use. Deterministic: the same figure gives the same text.
 */
export function describe(figure: Figure): Description {
  const grid = describedGrid(figure);
  const fmt = figure.annot?.fmt ?? null;
  const ctx = makeCtx(grid, fmt);
  const claims = observe(ctx, figure, grid);
  const w: Writer = { grid, figure, view: ctx.view };
  const summaryClaim = claims.find((c) => c.kind === 'summary')!;
  const sentences: Sentence[] = [];

  // Overview: what the figure is, then the top observations.
  const num = (name: string) => summaryClaim.numbers.find((x) => x.name === name);
  const rows = num('rows')!.text;
  const cols = num('cols')!.text;
  const P = grid.panels.length;
  const title = figure.title ? `${code(figure.title)}: a` : 'A';
  const shape =
    P > 1
      ? `${num('panels')!.text} panels of ${cols} columns (${rows} rows in all, ${num('cells')!.text} cells)`
      : `${rows} rows by ${cols} columns (${num('cells')!.text} cells)`;
  const blockRange = num('min')
    ? `values range from ${num('min')!.text} to ${num('max')!.text}, mean ${num('mean')!.text}`
    : 'no cell has a finite value';
  // A reduced grid: the data's own extremes first, then what the blocks show.
  const range = num('dataMin')
    ? `; the data range from ${num('dataMin')!.text} to ${num('dataMax')!.text}; the blocks' ${blockRange}`
    : `; ${blockRange}`;
  const axes = [
    figure.ylabel ? `rows are ${code(figure.ylabel)}` : '',
    figure.xlabel ? `columns are ${code(figure.xlabel)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const red = grid.reduced;
  const reduced = red
    ? `, reduced from ${num('origRows')!.text} × ${num('origCols')!.text}: each cell is the ${red.how === 'absmax' ? 'value of largest magnitude' : red.how} of blocks of up to ${num('blockRows')!.text} × ${num('blockCols')!.text} cells`
    : '';
  const overview = `${title} heatmap of ${shape}${reduced}${axes ? `; ${axes}` : ''}${range}.`;
  sentences.push({ section: 'overview', text: overview, claims: [summaryClaim.id] });

  // Candidates: one sentence per claim, except kinds whose claims read better together
  // (trends of a panel's lines, near-constant lines), which are grouped.
  const items: { claims: Claim[]; text: string; score: number; order: number }[] = [];
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const d = detectorOf(c);
    if (d.group) {
      const key = d.group.key(c, claims);
      if (key === null) continue;
      const k = `${c.kind}/${key}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    } else if (c.score > 0) {
      const text = d.sentence(w, c);
      if (text) items.push({ claims: [c], text, score: c.score, order: Number(c.id.slice(1)) });
    }
  }
  for (const cs of groups.values()) {
    const group = detectorOf(cs[0]!).group!;
    const score = group.score(cs);
    if (score === null) continue;
    items.push({
      claims: cs,
      text: group.sentence(w, cs),
      score,
      order: Number(cs[0]!.id.slice(1)),
    });
  }
  const chosen = items
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_OBSERVATIONS);
  const ids = (x: { claims: Claim[] }) => x.claims.map((c) => c.id);
  for (const x of chosen.slice(0, 2))
    sentences.push({ section: 'overview', text: x.text, claims: ids(x) });
  for (const x of chosen) sentences.push({ section: 'observations', text: x.text, claims: ids(x) });
  const readings = new Map<string, string[]>();
  for (const c of chosen.flatMap((x) => x.claims)) {
    const text = detectorOf(c).interpret?.(c);
    if (text) readings.set(text, [...(readings.get(text) ?? []), c.id]);
  }
  for (const [text, cited] of readings)
    sentences.push({ section: 'interpretation', text, claims: cited });

  const show = makeFormatter(fmt ?? VALUE_FORMAT);
  const md: string[] = [];
  md.push(
    `## Heatmap${figure.title ? `: ${escapeLine(figure.title)}` : ''}`,
    '',
    '### Overview',
    '',
  );
  md.push(
    sentences
      .filter((s) => s.section === 'overview')
      .map((s) => s.text)
      .join(' '),
    '',
  );
  md.push('### Components/Axes', '', ...components(figure, grid), '');
  md.push('### Detailed Analysis', '', dataTables(w, show));
  md.push('### Key Observations', '');
  sentences
    .filter((s) => s.section === 'observations')
    .forEach((s, i) => {
      md.push(`${i + 1}. ${s.text}`);
    });
  const interp = sentences.filter((s) => s.section === 'interpretation');
  if (interp.length) md.push('', '### Interpretation', '', ...interp.map((s) => `- ${s.text}`));
  return {
    markdown: `${md.join('\n').replace(/\n{3,}/g, '\n\n')}\n`,
    summary: overview,
    sentences,
    claims,
    grid,
  };
}

/** The detector of a claim's kind, typed for it. */
function detectorOf<K extends ClaimKind>(claim: ClaimOf<K>): Detector<K> {
  return DETECTORS[claim.kind] as unknown as Detector<K>;
}

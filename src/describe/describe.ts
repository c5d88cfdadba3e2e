import { colormapNames } from '../color/colormap.ts';
import type { Grid, Panel } from '../data/grid.ts';
import { makeFormatter } from '../format/number.ts';
import type { Figure } from '../figure/types.ts';
import { type Claim, makeCtx } from './claims.ts';
import type { Sentence } from './check.ts';
import {
  dataTables,
  groupSentence,
  interpretations,
  sentenceFor,
  type Writer,
} from './markdown.ts';
import { observe } from './observe.ts';
import { code } from './view.ts';
import { normCenter } from '../color/norm.ts';

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

  // Candidates: one sentence per claim, except trends and near-constant lines, which are
  // grouped per panel and axis; a shared trend direction replaces its rows' trends.
  const items: { claims: Claim[]; text: string; score: number; order: number }[] = [];
  const families = claims.filter((c) => c.kind === 'trend_family');
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.kind === 'trend') {
      if (
        families.some(
          (f) => f.params['panel'] === c.params['panel'] && f.params['line'] === c.params['line'],
        )
      )
        continue;
      const k = `trend/${c.params['panel']}/${c.params['line']}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    } else if (c.kind === 'low_variance') {
      groups.set('low_variance', [...(groups.get('low_variance') ?? []), c]);
    } else if (c.score > 0) {
      const text = sentenceFor(w, c);
      if (text) items.push({ claims: [c], text, score: c.score, order: Number(c.id.slice(1)) });
    }
  }
  for (const [k, cs] of groups) {
    const kind = k.startsWith('trend') ? 'trend' : 'low_variance';
    if (kind === 'trend' && cs.every((c) => c.facts['direction'] === 'none') && cs.length < 2)
      continue;
    const score =
      kind === 'trend' ? (cs.some((c) => c.facts['direction'] !== 'none') ? 72 : 25) : 50;
    items.push({
      claims: cs,
      text: groupSentence(w, kind, cs),
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
  for (const i of interpretations(chosen.flatMap((x) => x.claims)))
    readings.set(i.text, [...(readings.get(i.text) ?? []), ...i.claims]);
  for (const [text, cited] of readings)
    sentences.push({ section: 'interpretation', text, claims: cited });

  const show = makeFormatter(fmt ?? '.3g');
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

function escapeLine(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]#<>&|])/g, '\\$1');
}

/** How the figure is built: titles, labels (all, or capped), colour scale, panels, missing cells. */
function components(figure: Figure, grid: Grid): string[] {
  const out: string[] = [];
  if (figure.title) out.push(`- **Title**: ${code(figure.title)}, centred above the grid.`);
  const labels = (ls: readonly string[], shown: boolean) => {
    if (!shown) return 'not shown';
    const counts = new Map<string, number>();
    for (const l of ls) counts.set(l, (counts.get(l) ?? 0) + 1);
    const dups = [...counts].filter(([, k]) => k > 1).map(([l, k]) => `${code(l)} ×${k}`);
    const list =
      ls.length <= 30
        ? ls.map(code).join(', ')
        : `${ls.slice(0, 7).map(code).join(', ')}, …, ending with ${code(ls[ls.length - 1]!)}`;
    return `${ls.length} labels: ${list}${dups.length ? ` (repeated: ${dups.join(', ')}; each is its own row or column)` : ''}`;
  };
  const xTitle = figure.xlabel ? ` (${code(figure.xlabel)})` : '';
  out.push(
    `- **Columns**${xTitle}, labelled ${figure.xaxis === 'top' ? 'above' : 'below'} the grid: ${labels(figure.xticks.labels, figure.xticks.mode !== 'none')}.`,
  );
  const yTitle = figure.ylabel ? ` (${code(figure.ylabel)})` : '';
  grid.panels.forEach((p, i) => {
    const which =
      grid.panels.length > 1 ? ` of panel ${i + 1}${p.title ? ` ${code(p.title)}` : ''}` : '';
    out.push(
      `- **Rows${which}**${yTitle}, labelled at the left: ${labels(figure.yticks[i]!.labels, figure.yticks[i]!.mode !== 'none')}.`,
    );
  });
  if (grid.panels.length > 1) {
    out.push(
      `- **Panels**: ${grid.panels.length}, stacked top to bottom, sharing the columns and the colour scale: ${grid.panels.map((p) => code(p.title ?? '')).join(', ')}.`,
    );
  }
  const norm = figure.norm;
  const f = makeFormatter(figure.annot?.fmt ?? '.3g');
  const named = colormapNames().includes(figure.cmap.name.replace(/_r$/, ''));
  const cmap = named ? `the ${code(figure.cmap.name)} colormap` : 'a custom colormap';
  const center = normCenter(norm);
  const scale =
    center !== null
      ? `diverging around ${f(center)}, from ${f(norm.vmin)} to ${f(norm.vmax)}`
      : norm.kind === 'log'
        ? `logarithmic from ${f(norm.vmin)} to ${f(norm.vmax)}`
        : norm.kind === 'symlog'
          ? `symmetric-logarithmic from ${f(norm.vmin)} to ${f(norm.vmax)}`
          : `linear from ${f(norm.vmin)} to ${f(norm.vmax)}`;
  if (figure.colorbar) {
    const cb = figure.colorbar;
    const ticks = Array.isArray(cb.ticks)
      ? `; ticks at ${cb.ticks.map((x) => f(x)).join(', ')}`
      : cb.ticks && 'step' in cb.ticks
        ? `; a tick every ${f(cb.ticks.step)}`
        : '';
    const ext =
      cb.extend === 'neither'
        ? ''
        : `; triangles at the ${cb.extend === 'both' ? 'two ends' : cb.extend === 'max' ? 'top' : 'bottom'} mark values beyond the range`;
    out.push(
      `- **Colour scale**: ${cmap}, ${scale}, shown as a colorbar at the right${cb.label ? ` titled ${code(cb.label)}` : ''}${ticks}${ext}.`,
    );
  } else out.push(`- **Colour scale**: ${cmap}, ${scale}; no colorbar is drawn.`);
  if (figure.annot)
    out.push(`- **Annotations**: each cell shows its value (format ${code(figure.annot.fmt)}).`);
  out.push('- **Missing cells** are left blank: no colour and no text.');
  return out;
}

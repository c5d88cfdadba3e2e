import type { Grid, Panel } from '../data/grid.ts';
import type { Figure } from '../figure/types.ts';
import { numeralsIn, type Sentence } from './check.ts';
import { type Claim, type ClaimKind, type ClaimOf, makeCtx, wordsFormat } from './claims.ts';
import { components, escapeLine } from './components.ts';
import type { Detector } from './detector.ts';
import { DETECTORS } from './detectors/index.ts';
import { observe } from './plan.ts';
import { dataTables } from './tables.ts';
import type { Writer } from './words.ts';

/** A description: the markdown, its sentences with the claims each cites, and the claims. */
export interface Description {
  readonly markdown: string;
  /**
   * The same findings as plain sentences, for a screen reader (an SVG's <desc>, a PDF's
   * Subject): no Markdown syntax, labels in quotation marks as they are, and no table (the
   * data table is the markdown's, or the HTML page's real table).
   */
  readonly plain: string;
  /** One or two sentences: what the figure is. */
  readonly summary: string;
  readonly sentences: readonly Sentence[];
  readonly claims: readonly Claim[];
  /** The data the claims are about (masked cells as missing): pass it to checkClaims. */
  readonly grid: Grid;
}

/** Key observations written, at most. */
const MAX_OBSERVATIONS = 8;
/** Observations at the top of the list said in the overview instead (not repeated below). */
const IN_OVERVIEW = 2;
/**
 * Numerals the observations (overview and list) may carry together: the seed texts carry 3
 * to 15; the rest of the numbers are in the table. An observation that would go past it is
 * left out, and a shorter one further down may take its place; the first is always said.
 */
const MAX_NUMERALS = 20;

/** The figure's data as the reader sees it: masked cells hold no value, and are marked as masked (not missing). */
export function describedGrid(figure: Figure): Grid {
  // The labels the reader sees: the figure's tick labels (an xticklabels or yticklabels list
  // relabels the axes), which are the grid's own unless a list was given.
  const relabelled = (g: Grid): Grid =>
    figure.xticks.labels === g.colLabels &&
    g.panels.every((p, i) => figure.yticks[i]?.labels === p.rowLabels)
      ? g
      : {
          ...g,
          colLabels: figure.xticks.labels,
          panels: g.panels.map((p, i) => ({
            ...p,
            rowLabels: figure.yticks[i]?.labels ?? p.rowLabels,
          })),
        };
  if (figure.mask.every((m) => m === null)) return relabelled(figure.grid);
  const panels: Panel[] = figure.grid.panels.map((p, i) => {
    const m = figure.mask[i];
    if (!m) return p;
    return { ...p, values: p.values.map((v, k) => (m[k] ? Number.NaN : v)), masked: m };
  });
  return relabelled({ ...figure.grid, panels });
}

/**
 * Describes a resolved figure in words a reader can check: observations computed from the
 * data (each a claim a program can verify with checkClaims), written in the sections the
 * seed descriptions use. Deterministic: the same figure gives the same text.
 */
export function describe(figure: Figure): Description {
  const grid = describedGrid(figure);
  const fmt = wordsFormat(figure);
  const ctx = makeCtx(grid, fmt);
  const claims = observe(ctx, figure, grid);
  const w: Writer = { grid, figure, view: ctx.view };
  // Overview: what the figure is, then the top observations.
  const summaryClaim = claims.find((c) => c.kind === 'summary')!;
  const overview = detectorOf(summaryClaim).sentence(w, summaryClaim)!;
  const sentences: Sentence[] = [
    { section: 'overview', text: overview, claims: [summaryClaim.id] },
  ];
  const chosen = observations(w, claims);
  const ids = (x: Observation) => x.claims.map((c) => c.id);
  // The top observations open the overview; the list goes on from there, so nothing is said twice.
  for (const x of chosen.slice(0, IN_OVERVIEW))
    sentences.push({ section: 'overview', text: x.text, claims: ids(x) });
  for (const x of chosen.slice(IN_OVERVIEW))
    sentences.push({ section: 'observations', text: x.text, claims: ids(x) });
  const readings = new Map<string, string[]>();
  for (const c of chosen.flatMap((x) => x.claims)) {
    const text = detectorOf(c).interpret?.(c);
    if (text) readings.set(text, [...(readings.get(text) ?? []), c.id]);
  }
  for (const [text, cited] of readings)
    sentences.push({ section: 'interpretation', text, claims: cited });
  return {
    markdown: markdownOf(w, sentences, tableValue(figure, ctx.show)),
    plain: plainOf(figure, sentences),
    summary: overview,
    sentences,
    claims,
    grid,
  };
}

/** How the data table shows a value: a categorical cell by its category's name. */
function tableValue(figure: Figure, show: (v: number) => string): (v: number) => string {
  const names = figure.categories;
  return names ? (v) => names[v] ?? show(v) : show;
}

/** A sentence worth writing: the claims it says, its rank, and the order its first claim was found in. */
interface Observation {
  readonly claims: Claim[];
  readonly text: string;
  readonly score: number;
  readonly order: number;
}

/**
 * The observations written, best first: one sentence per claim, except kinds whose claims
 * read better together (trends of a panel's lines, near-constant lines), which are grouped.
 */
function observations(w: Writer, claims: readonly Claim[]): Observation[] {
  const items: Observation[] = [];
  const groups = new Map<string, Claim[]>();
  const order = (c: Claim) => Number(c.id.slice(1));
  for (const c of claims) {
    const d = detectorOf(c);
    if (d.group) {
      const key = d.group.key(c, claims);
      if (key === null) continue;
      const k = `${c.kind}/${key}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    } else if (c.score > 0) {
      const text = d.sentence(w, c);
      if (text) items.push({ claims: [c], text, score: c.score, order: order(c) });
    }
  }
  for (const cs of groups.values()) {
    const group = detectorOf(cs[0]!).group!;
    const score = group.score(cs);
    if (score !== null)
      items.push({ claims: cs, text: group.sentence(w, cs), score, order: order(cs[0]!) });
  }
  items.sort((a, b) => b.score - a.score || a.order - b.order);
  const out: Observation[] = [];
  let numerals = 0;
  for (const x of items) {
    if (out.length === MAX_OBSERVATIONS) break;
    const n = numeralsIn(x.text).length;
    if (out.length > 0 && numerals + n > MAX_NUMERALS) continue;
    out.push(x);
    numerals += n;
  }
  return out;
}

/** A code span's label as a reader hears it: in quotation marks, as it is. */
const unquoteLabels = (text: string): string =>
  text.replace(/(`+)([\s\S]*?)\1/g, (_, _fence, inner: string) => {
    const label =
      inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== ''
        ? inner.slice(1, -1)
        : inner === ' '
          ? ''
          : inner;
    return `“${label}”`;
  });

/** The description as plain sentences: the overview, the key observations, the interpretation. */
function plainOf(figure: Figure, sentences: readonly Sentence[]): string {
  const said = (section: Sentence['section']) =>
    sentences.filter((s) => s.section === section).map((s) => unquoteLabels(s.text));
  const overview = said('overview');
  const observations = said('observations').filter((t) => !overview.includes(t));
  const reading = said('interpretation');
  return [
    `Heatmap${figure.title ? `: ${figure.title.replace(/\s+/g, ' ')}` : ''}.`,
    ...overview,
    ...(observations.length ? ['Further observations:', ...observations] : []),
    ...(reading.length ? ['Interpretation:', ...reading] : []),
  ].join(' ');
}

/** The description as markdown, in the sections the seed descriptions use. */
function markdownOf(
  w: Writer,
  sentences: readonly Sentence[],
  show: (v: number) => string,
): string {
  const { figure, grid } = w;
  const said = (section: Sentence['section']) => sentences.filter((s) => s.section === section);
  const listed = said('observations');
  const md: string[] = [
    `## Heatmap${figure.title ? `: ${escapeLine(figure.title)}` : ''}`,
    '',
    '### Overview',
    '',
    said('overview')
      .map((s) => s.text)
      .join(' '),
    '',
    '### Components/Axes',
    '',
    ...components(figure, grid),
    '',
    '### Detailed Analysis',
    '',
    dataTables(w, show),
    '### Key Observations',
    '',
    ...(listed.length
      ? listed.map((s, i) => `${i + 1}. ${s.text}`)
      : [
          'Nothing further: the overview says what the data shows, and the table holds every value.',
        ]),
  ];
  const interp = said('interpretation');
  if (interp.length) md.push('', '### Interpretation', '', ...interp.map((s) => `- ${s.text}`));
  return `${md.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** The detector of a claim's kind, typed for it. */
function detectorOf<K extends ClaimKind>(claim: ClaimOf<K>): Detector<K> {
  return DETECTORS[claim.kind] as unknown as Detector<K>;
}

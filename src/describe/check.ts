import { sharePlace } from '../util/share.ts';
import type { Grid } from '../data/grid.ts';
import { type ClaimInput, type ClaimKind, type Ctx, type Found, makeCtx } from './claims.ts';
import { DETECTORS } from './detectors/index.ts';
import { detect } from './plan.ts';
import { oneLine } from './view.ts';

/** A sentence of a description and the claims it rests on. */
export interface Sentence {
  readonly section: 'overview' | 'observations' | 'interpretation';
  readonly text: string;
  readonly claims: readonly string[];
}

export interface CheckResult {
  readonly ok: boolean;
  readonly failures: readonly { readonly id: string; readonly reason: string }[];
}

const NUMERAL = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?%?/gi;

/** The value a shown number stands for, and half a unit of its last digit. */
export function parseShown(text: string): { value: number; half: number } | null {
  const t = text.replace(/,/g, '').trim();
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?(%?)$/i.exec(t);
  if (!m) {
    if (t === 'inf' || t === '-inf') return { value: t === 'inf' ? Infinity : -Infinity, half: 0 };
    if (t === 'nan') return { value: Number.NaN, half: 0 };
    return null;
  }
  const decimals = m[3]?.length ?? 0;
  const exp = Number(m[4] ?? 0) - (m[5] ? 2 : 0);
  return {
    value: Number(`${m[1]}${m[2]}.${m[3] ?? '0'}e${exp}`),
    half: 0.5 * 10 ** (exp - decimals),
  };
}

function close(shown: string, actual: number, share?: number): boolean {
  const p = parseShown(shown);
  if (!p) return false;
  if (!Number.isFinite(p.value) || !Number.isFinite(actual))
    return Object.is(p.value, actual) || (Number.isNaN(p.value) && Number.isNaN(actual));
  // Half a unit of the last digit shown, plus a few ulps for the decimal-to-binary conversion.
  // Numbers written to a share of themselves (Grid.readShare: values read from a logarithmic
  // colorbar) are good to half a unit of the place that share gives them: 3200 to the
  // hundred where it is written so (its zeros do not say it).
  const half =
    share !== undefined && p.value !== 0
      ? Math.max(p.half, 0.5 * 10 ** -sharePlace(p.value, share))
      : p.half;
  return Math.abs(p.value - actual) <= half * (1 + 1e-9) + Math.abs(actual) * 4e-16 + 1e-300;
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

function checkOne(grid: Grid, ctx: Ctx, claim: ClaimInput): string | null {
  if (!Object.hasOwn(DETECTORS, claim.kind)) return `unknown kind ${JSON.stringify(claim.kind)}`;
  const actual = detect(ctx, claim.kind as ClaimKind, claim.params) as Found | null;
  if (!actual) return 'does not hold: the detector finds nothing for these parameters';
  for (const [k, v] of Object.entries(claim.facts)) {
    const found = (actual.facts as Record<string, unknown>)[k];
    if (canonical(v) !== canonical(found))
      return `${k} is ${canonical(found)}, not ${canonical(v)}`;
  }
  const cells = new Set(actual.cells.map(canonical));
  for (const c of claim.cells)
    if (!cells.has(canonical(c))) return `cell ${canonical(c)} is not one the claim rests on`;
  // A claim about one panel of several may name it (as observe does: see plan.ts).
  const panel = (actual.params as { panel?: unknown }).panel;
  const labels = new Set([
    ...actual.labels,
    ...actual.cells.map((c) => grid.panels[c.panel]?.title ?? ''),
    ...(typeof panel === 'number' && grid.panels.length > 1 && grid.panels[panel]
      ? [grid.panels[panel].title ?? '']
      : []),
  ]);
  for (const l of claim.labels)
    if (!labels.has(l)) return `label ${JSON.stringify(l)} is not part of this claim`;
  for (const n of claim.numbers) {
    if (n.at) {
      // A number bound to a cell is that cell's value, whatever the detector found.
      const loc = ctx.view.locate(n.at);
      if (!loc) return `${n.name}: no cell ${canonical(n.at)}`;
      const held = ctx.view.value(n.at.panel, loc[0], loc[1]);
      if (!close(n.text, held, grid.readShare))
        return `${n.name} is ${n.text}, but ${canonical(n.at)} holds ${held}`;
    }
    const a = actual.numbers.find((x) => x.name === n.name);
    if (!a) return `no number named ${n.name}`;
    if (n.relation === '<') {
      const bound = parseShown(n.text);
      if (!bound || !(a.value < bound.value)) return `${n.name} is ${a.value}, not below ${n.text}`;
      continue;
    }
    if (!close(n.text, a.value, grid.readShare)) return `${n.name} is ${a.value}, not ${n.text}`;
    if (Number.isFinite(n.value) && !close(n.text, n.value, grid.readShare))
      return `${n.name}: the value ${n.value} does not match its text ${n.text}`;
  }
  return null;
}

/** Code spans (labels) and the text outside them. */
function split(text: string): { labels: string[]; prose: string } {
  const labels: string[] = [];
  const prose = text.replace(/(`+)([\s\S]*?)\1/g, (_, _f, inner: string) => {
    labels.push(
      inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== ''
        ? inner.slice(1, -1)
        : inner === ' '
          ? ''
          : inner,
    );
    return ' ';
  });
  return { labels, prose };
}

/** The numerals of a sentence's prose, as the check reads them (labels in code spans are not numerals). */
export const numeralsIn = (text: string): string[] => split(text).prose.match(NUMERAL) ?? [];

/**
 * Verifies claims against the data: each is recomputed by its detector and its facts, cells,
 * labels and numbers compared (a number shown with d decimals must be within half a unit of
 * its last digit). With sentences, every numeral and every `label` in a sentence must belong
 * to one of the claims it cites. Pure.
 */
export function checkClaims(
  grid: Grid,
  claims: readonly ClaimInput[],
  sentences: readonly Sentence[] = [],
): CheckResult {
  const failures: { id: string; reason: string }[] = [];
  const byId = new Map(claims.map((c) => [c.id, c]));
  const ctx = makeCtx(grid);
  for (const c of claims) {
    const reason = checkOne(grid, ctx, c);
    if (reason) failures.push({ id: c.id, reason });
  }
  sentences.forEach((s, i) => {
    const cited = s.claims.map((id) => byId.get(id)).filter((c): c is ClaimInput => !!c);
    if (cited.length !== s.claims.length)
      failures.push({ id: `sentence ${i + 1}`, reason: 'cites a claim that is not in the list' });
    const { labels, prose } = split(s.text);
    const numerals = new Set(
      cited.flatMap((c) => c.numbers.flatMap((n) => n.text.match(NUMERAL) ?? [])),
    );
    // How many claims the sentence cites, in all and of each kind and finding, may be said
    // too ("… and others (12 in all)"): a sentence that groups claims counts them.
    const partitions = new Map<string, number>();
    for (const c of cited) {
      const simple = Object.entries(c.facts).filter(([, v]) => v === null || typeof v !== 'object');
      for (const k of [c.kind, ...simple.map(([f, v]) => `${c.kind} ${f} ${canonical(v)}`)])
        partitions.set(k, (partitions.get(k) ?? 0) + 1);
    }
    for (const n of [cited.length, ...partitions.values()]) numerals.add(String(n));
    // (A label of several lines is written on one, as code spans are; given as it is, too.)
    const known = new Set(cited.flatMap((c) => [...c.labels, ...c.labels.map(oneLine)]));
    for (const tok of prose.match(NUMERAL) ?? []) {
      if (!numerals.has(tok))
        failures.push({
          id: `sentence ${i + 1}`,
          reason: `the number ${tok} is not stated by a cited claim: ${s.text}`,
        });
    }
    for (const l of labels) {
      if (!known.has(l))
        failures.push({
          id: `sentence ${i + 1}`,
          reason: `the label ${JSON.stringify(l)} is not part of a cited claim: ${s.text}`,
        });
    }
  });
  return { ok: failures.length === 0, failures };
}

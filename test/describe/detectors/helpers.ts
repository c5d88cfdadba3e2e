/**
 * Running one detector as the describer does: its plan on a figure, then detect, its
 * sentence, and checkClaims on what it found (which must pass, and fail once tampered with).
 */
import assert from 'node:assert/strict';
import { checkClaims } from '../../../src/describe/check.ts';
import type { ClaimKind, ClaimOf, LooseParams, Params } from '../../../src/describe/claims.ts';
import { makeCtx } from '../../../src/describe/claims.ts';
import { describedGrid } from '../../../src/describe/describe.ts';
import type { Detector, PlanScope } from '../../../src/describe/detector.ts';
import { DETECTORS } from '../../../src/describe/detectors/index.ts';
import { observe, pairs } from '../../../src/describe/plan.ts';
import type { Writer } from '../../../src/describe/words.ts';
import { Warnings } from '../../../src/errors.ts';
import { gridFromSpec } from '../../../src/figure/grid-from-spec.ts';
import { resolveSpec } from '../../../src/figure/resolve.ts';
import type { Figure } from '../../../src/figure/types.ts';
import type { Spec } from '../../../src/spec/spec-type.ts';

/** A figure from a matrix, with row labels r0… and column labels c0… unless given. */
export function figureOf(
  values: (number | null)[][],
  options: Partial<Spec> & { rows?: string[]; cols?: string[] } = {},
): Figure {
  const { rows, cols, ...rest } = options;
  const spec: Spec = {
    data: {
      values,
      rows: rows ?? values.map((_, i) => `r${i}`),
      cols: cols ?? values[0]!.map((_, j) => `c${j}`),
    },
    ...rest,
  } as Spec;
  return resolveSpec(spec, gridFromSpec(spec, null), new Warnings());
}

export interface Run<K extends ClaimKind> {
  readonly figure: Figure;
  /** The parameters the detector's plan gives for the figure. */
  readonly plan: readonly Params<K>[];
  /** What it found for each planned parameter (null where the claim does not hold). */
  readonly found: readonly (ClaimOf<K> | null)[];
  /** The sentence of each found claim. */
  readonly sentences: readonly (string | null)[];
  readonly writer: Writer;
}

/** Plans and runs one kind of detector on a figure. */
export function run<K extends ClaimKind>(kind: K, figure: Figure): Run<K> {
  const grid = describedGrid(figure);
  const ctx = makeCtx(grid, figure.annot?.fmt ?? null);
  const d = DETECTORS[kind] as unknown as Detector<K>;
  const earlier = observe(ctx, figure, grid);
  const scope: PlanScope = {
    figure,
    grid,
    view: ctx.view,
    paired: pairs(grid),
    found: (k) => earlier.filter((c) => c.kind === k) as never,
  };
  const plan = d.plan(scope);
  const found = plan.map((p, i) => {
    const f = d.detect(ctx, p as LooseParams<K>);
    return f ? ({ id: `c${i + 1}`, ...f } as ClaimOf<K>) : null;
  });
  const writer: Writer = { grid, figure, view: ctx.view };
  return {
    figure,
    plan,
    found,
    sentences: found.map((c) => (c ? d.sentence(writer, c) : null)),
    writer,
  };
}

/** The claim passes checkClaims, and fails once its first number is changed. */
export function assertChecks(figure: Figure, claim: ClaimOf<ClaimKind>): void {
  const grid = describedGrid(figure);
  assert.deepEqual(checkClaims(grid, [claim]).failures, []);
  const first = claim.numbers.find((n) => n.relation === undefined && Number.isFinite(n.value));
  if (!first) return;
  const wrong = { ...first, value: first.value + 1000, text: String(first.value + 1000) };
  const tampered = { ...claim, numbers: claim.numbers.map((n) => (n === first ? wrong : n)) };
  assert.equal(
    checkClaims(grid, [tampered]).ok,
    false,
    `${claim.kind}: a changed ${first.name} passed`,
  );
}

/** The found claims, those that hold. */
export const held = <K extends ClaimKind>(r: Run<K>) =>
  r.found.filter((c): c is ClaimOf<K> => c !== null);

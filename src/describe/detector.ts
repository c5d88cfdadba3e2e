/**
 * What a detector is: one kind of observation, whole in one file (detectors/<kind>.ts) —
 * when it applies to a figure (plan), what it finds in the data (detect, which checkClaims
 * re-runs), how its claim is said (sentence), and what it may suggest (interpret).
 */
import type { Grid } from '../data/grid.ts';
import type { Figure } from '../figure/types.ts';
import type { Claim, ClaimKind, ClaimOf, Ctx, FoundOf, LooseParams, Params } from './claims.ts';
import type { GridView } from './view.ts';
import type { Writer } from './words.ts';

/** What a plan sees: the figure, its data, and the claims found so far. */
export interface PlanScope {
  readonly figure: Figure;
  readonly grid: Grid;
  readonly view: GridView;
  /** Adjacent panels that pair targets with outputs (compared, not searched for trends). */
  readonly paired: readonly (readonly [number, number])[];
  /** The claims of a kind found so far (a plan may depend on an earlier detector's finding). */
  readonly found: <K extends ClaimKind>(kind: K) => readonly FoundOf<K>[];
}

/** Claims of one kind written together in one sentence. */
export interface Grouping<K extends ClaimKind> {
  /** Claims with the same key share a sentence; null: left out (another claim says it). */
  readonly key: (claim: ClaimOf<K>, claims: readonly Claim[]) => string | null;
  /** Whether a group is worth a sentence, and its rank among the observations. */
  readonly score: (claims: readonly ClaimOf<K>[]) => number | null;
  readonly sentence: (w: Writer, claims: readonly ClaimOf<K>[]) => string;
}

export interface Detector<K extends ClaimKind> {
  /** The parameters it runs with on a figure, in order; none when it does not apply. */
  readonly plan: (scope: PlanScope) => readonly Params<K>[];
  /** What it finds for the parameters, or null when the claim does not hold. */
  readonly detect: (ctx: Ctx, params: LooseParams<K>) => FoundOf<K> | null;
  /** Its claim in one sentence, from the claim's own numbers and labels; null: nothing worth saying. */
  readonly sentence: (w: Writer, claim: ClaimOf<K>) => string | null;
  /** A hedged reading, with no numbers; null when there is none. */
  readonly interpret?: (claim: ClaimOf<K>) => string | null;
  /** Its claims are said together (trends, near-constant lines) instead of one sentence each. */
  readonly group?: Grouping<K>;
}

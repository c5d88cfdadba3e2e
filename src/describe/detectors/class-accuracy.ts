import { count, share } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { lineKey } from '../scan.ts';
import { sameValue } from '../stats.ts';
import { type CellKey, code, type GridView } from '../view.ts';
import { listOf, t, v } from '../words.ts';
import type { Figure } from '../../figure/types.ts';

/** Axis titles that name the true classes, and the predicted ones. */
const TRUTH = /\b(true|actual|target|gold|label|ground)/i;
const PREDICTED = /pred|output|guess/i;

/** A row (or column) normalised over the true classes sums to 1 up to this (float rounding, 6-digit CSVs). */
const SUM_TOLERANCE = 1e-6;

/**
 * Whether an aligned square panel reads as a confusion matrix, and how: every cell finite and
 * non-negative, and either whole counts or normalised over the true classes (each line of
 * the truth axis summing to 1, or to 0 for a class with no cases, as scikit-learn's
 * `confusion_matrix(normalize="true")` writes them). null: it is not one.
 */
export function confusionKind(
  view: GridView,
  panel: number,
  truth: 'row' | 'col',
): { normalized: boolean } | null {
  if (!view.aligned(panel)) return null;
  const n = view.cols;
  if (n < 3) return null;
  const vals = view.grid.panels[panel]!.values;
  let whole = true;
  for (let k = 0; k < vals.length; k++) {
    const v = vals[k]!;
    if (!(v >= 0 && v < Infinity)) return null;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (whole) return vals.some((v) => v > 0) ? { normalized: false } : null;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++)
      sum += truth === 'row' ? view.value(panel, i, j) : view.value(panel, j, i);
    if (!(Math.abs(sum - 1) <= SUM_TOLERANCE || sum === 0)) return null;
  }
  return { normalized: true };
}

/** Which axis holds the true classes: rows (scikit-learn's and seaborn's way) unless the titles say columns. */
export function truthAxis(figure: Figure): 'row' | 'col' {
  const x = figure.xlabel ?? '';
  const y = figure.ylabel ?? '';
  return (TRUTH.test(x) && !TRUTH.test(y)) || (PREDICTED.test(y) && !PREDICTED.test(x))
    ? 'col'
    : 'row';
}

/** A symmetric matrix of counts is a co-occurrence table, not a classifier's confusions. */
function symmetric(view: GridView, panel: number): boolean {
  const n = view.cols;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (view.value(panel, i, j) !== view.value(panel, j, i)) return false;
  return true;
}

/**
 * A confusion matrix, read as one (issue 15: the weakest class is the story): per-class
 * accuracy (recall: the diagonal cell over its true class's cases), the weakest and strongest
 * classes with ties, what the weakest is most often taken for, and the overall accuracy
 * (counts) or the mean of the diagonal (balanced accuracy, when normalised). Planned for
 * aligned square panels of whole counts or normalised rows whose axis titles name true and
 * predicted classes, or, without such titles, that are not symmetric and hold most of their
 * total on the diagonal.
 */
export const classAccuracy: Detector<'class_accuracy'> = {
  plan: ({ figure, grid, view }) => {
    const truth = truthAxis(figure);
    const titled = TRUTH.test(`${figure.xlabel ?? ''} ${figure.ylabel ?? ''}`);
    return grid.panels.flatMap((_, panel) => {
      const kind = confusionKind(view, panel, truth);
      if (!kind) return [];
      if (!titled) {
        if (symmetric(view, panel)) return [];
        const vals = grid.panels[panel]!.values;
        let trace = 0;
        let total = 0;
        for (let k = 0; k < vals.length; k++) total += vals[k]!;
        for (let i = 0; i < view.cols; i++) trace += view.value(panel, i, i);
        if (!(trace > total / 2)) return [];
      }
      return [{ panel, truth }];
    });
  },

  detect(ctx, p) {
    const { view } = ctx;
    const panel = Number(p.panel ?? 0);
    const truth = p.truth === 'col' ? 'col' : 'row';
    const kind = confusionKind(view, panel, truth);
    if (!kind) return null;
    const n = view.cols;
    const at = (cls: number, pred: number) =>
      truth === 'row' ? view.value(panel, cls, pred) : view.value(panel, pred, cls);
    const key = (cls: number, pred: number) =>
      truth === 'row' ? view.cellKey(panel, cls, pred) : view.cellKey(panel, pred, cls);
    const recall: number[] = [];
    let trace = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      let support = 0;
      for (let j = 0; j < n; j++) support += at(i, j);
      trace += at(i, i);
      total += support;
      recall.push(support > 0 ? at(i, i) / support : Number.NaN);
    }
    const seen = recall.filter((r) => !Number.isNaN(r));
    if (seen.length < 2) return null;
    const lo = Math.min(...seen);
    const hi = Math.max(...seen);
    const classes = (target: number) => recall.flatMap((r, i) => (sameValue(r, target) ? [i] : []));
    const worst = classes(lo);
    const best = classes(hi);
    // What the (first) weakest class is taken for most often: its largest cell off the diagonal.
    const w = worst[0]!;
    let other = -1;
    for (let j = 0; j < n; j++)
      if (j !== w && at(w, j) > 0 && (other < 0 || at(w, j) > at(w, other))) other = j;
    const confusedWith: CellKey | null = other >= 0 ? key(w, other) : null;
    let support = 0;
    for (let j = 0; j < n; j++) support += at(w, j);
    const name = (i: number) => lineKey(view, panel, truth, i).label;
    return {
      kind: 'class_accuracy',
      params: { panel, truth },
      facts: {
        normalized: kind.normalized,
        worst: worst.map((i) => lineKey(view, panel, truth, i)),
        best: best.map((i) => lineKey(view, panel, truth, i)),
        confusedWith,
      },
      cells: confusedWith ? [confusedWith] : [],
      labels: [...worst.map(name), ...best.map(name), ...(other >= 0 ? [name(other)] : [])],
      numbers: [
        count('classes', seen.length),
        count('worstClasses', worst.length),
        count('bestClasses', best.length),
        kind.normalized
          ? share('balanced', seen.reduce((a, b) => a + b, 0) / seen.length)
          : share('accuracy', trace / total),
        ...(kind.normalized ? [] : [count('total', total)]),
        share('worst', lo),
        share('best', hi),
        ...(other < 0
          ? []
          : kind.normalized
            ? [share('confused', at(w, other))]
            : [count('confused', at(w, other)), count('support', support)]),
      ],
      rule: `a confusion matrix (${kind.normalized ? 'normalised over' : 'counts, by'} the true classes, on the ${truth === 'row' ? 'rows' : 'columns'}): per-class accuracy is the diagonal cell over its class's cases; the weakest and strongest classes with ties; the weakest class's largest cell off the diagonal`,
      score: 100,
    };
  },

  sentence(_w, c) {
    const truth = c.params.truth === 'col' ? 'columns' : 'rows';
    const names = (keys: readonly { label: string }[]) =>
      listOf(
        keys.map((k) => code(k.label)),
        keys.length,
      );
    const range =
      c.facts.worst.length === c.numbers.find((x) => x.name === 'classes')!.value
        ? `per-class accuracy is ${t(c, 'worst')} for every class`
        : `per-class accuracy ranges from ${t(c, 'worst')} (${names(c.facts.worst)}) to ${t(c, 'best')} (${names(c.facts.best)})`;
    const overall = c.facts.normalized
      ? ''
      : `, ${t(c, 'accuracy')} of all ${t(c, 'total')} cases are classified correctly;`;
    const average = c.facts.normalized ? `, ${t(c, 'balanced')} on average` : '';
    const confused = c.facts.confusedWith;
    const other = confused ? (c.params.truth === 'row' ? confused.col : confused.row) : null;
    const taken =
      other === null
        ? ''
        : `; ${code(c.facts.worst[0]!.label)} is most often taken for ${code(other)} (${c.facts.normalized ? t(c, 'confused') : `${t(c, 'confused')} of its ${t(c, 'support')}`})`;
    const as = c.facts.normalized
      ? `normalised over the true classes (the ${truth})`
      : `with the true classes as ${truth}`;
    return `Read as a confusion matrix ${as}${overall} ${range}${average}${taken}.`;
  },

  interpret: (c) => {
    if (v(c, 'worst') === v(c, 'best')) return null;
    const worst = code(c.facts.worst[0]!.label);
    const confused = c.facts.confusedWith;
    const other = confused ? code(c.params.truth === 'row' ? confused.col : confused.row) : null;
    return `If these are a classifier's predictions, it recognises ${worst} least reliably${other ? ` and most often mistakes it for ${other}` : ''}.`;
  },
};

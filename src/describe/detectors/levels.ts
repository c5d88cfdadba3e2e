import { count, num, share } from '../claims.ts';
import type { Detector, Grouping } from '../detector.ts';
import { eachCell } from '../scan.ts';
import { code, type GridView } from '../view.ts';
import { listOf, t } from '../words.ts';
import type { ClaimOf } from '../claims.ts';

/** A value is intermediate when it lies more than this share of the span from both levels. */
const MARGIN = 0.1;

/** The distinct finite values of a panel, up to `max + 1` of them (ascending). */
function distinct(view: GridView, panel: number, max: number): number[] {
  const seen = new Set<number>();
  eachCell(
    view,
    (_p, _r, _c, v) => {
      if (seen.size <= max) seen.add(v === 0 ? 0 : v);
    },
    panel,
  );
  return [...seen].sort((a, b) => a - b);
}

const panelName = (titles: readonly (string | null)[], panels: readonly number[]) => {
  const names = [...new Set(panels.map((p) => titles[p] ?? ''))];
  const which = panels.map((p) => String(p + 1));
  // Panel numbers only where the titles alone do not tell which panels are meant.
  const exact = titles.every((t, p) => panels.includes(p) === names.includes(t ?? ''));
  const list = listOf(names.map((n) => (n ? code(n) : 'untitled')));
  return exact && names.every(Boolean)
    ? list
    : `${list} (panel${panels.length > 1 ? 's' : ''} ${listOf(which)})`;
};

/** Binary and continuous panels are said together: which hold only two values, and how often the others fall between. */
const group: Grouping<'levels'> = {
  key: () => 'all',
  score: (cs) => (cs.some((c) => !c.facts.binary) ? 86 : 80),
  sentence(w, cs) {
    const titles = w.grid.panels.map((p) => p.title);
    const binary = cs.filter((c) => c.facts.binary);
    const other = cs.filter((c) => !c.facts.binary);
    const lo = t(cs[0]!, 'lo');
    const hi = t(cs[0]!, 'hi');
    if (w.grid.panels.length === 1) return `Every value is ${lo} or ${hi}.`;
    const parts = [
      `${panelName(
        titles,
        binary.map((c) => c.params.panel),
      )} hold${binary.length > 1 ? '' : 's'} only the values ${lo} and ${hi}`,
    ];
    if (other.length)
      parts.push(
        `${panelName(
          titles,
          other.map((c) => c.params.panel),
        )} take${other.length > 1 ? '' : 's'} values between them (more than ${t(other[0]!, 'margin')} from both) in ${listOf(other.map((c: ClaimOf<'levels'>) => t(c, 'between')))} of cells`,
      );
    return `${parts.join('; ')}.`;
  },
};

/**
 * Binary data: a panel whose finite values are only two (`lo` and `hi`, the levels of the
 * figure's first binary panel), and, beside it, how often another panel's values lie between
 * them (more than 10% of the span from both): targets that are 0 or 1 beside outputs that
 * are probabilities (seed 003). Planned when some panel holds exactly two values.
 */
export const levels: Detector<'levels'> = {
  plan: ({ grid, view }) => {
    for (let p = 0; p < grid.panels.length; p++) {
      const values = distinct(view, p, 2);
      if (values.length === 2) {
        const [lo, hi] = values as [number, number];
        return grid.panels.map((_, panel) => ({ panel, lo, hi }));
      }
    }
    return [];
  },

  detect(ctx, p) {
    const panel = Number(p.panel ?? 0);
    const lo = Number(p.lo);
    const hi = Number(p.hi);
    if (!(lo < hi) || panel < 0 || panel >= ctx.view.grid.panels.length) return null;
    const span = hi - lo;
    let finite = 0;
    let onLevels = 0;
    let between = 0;
    eachCell(
      ctx.view,
      (_p, _r, _c, v) => {
        finite++;
        if (v === lo || v === hi) onLevels++;
        else if (v > lo + MARGIN * span && v < hi - MARGIN * span) between++;
      },
      panel,
    );
    if (finite === 0) return null;
    const binary = onLevels === finite;
    const title = ctx.view.grid.panels[panel]!.title;
    return {
      kind: 'levels',
      params: { panel, lo, hi },
      facts: { binary },
      cells: [],
      labels: title ? [title] : [],
      numbers: [
        num(ctx, 'lo', lo),
        num(ctx, 'hi', hi),
        count('cells', finite),
        count('panel', panel + 1),
        ...(binary ? [] : [share('between', between / finite), num(ctx, 'margin', MARGIN * span)]),
      ],
      rule: `the panel's finite values are only ${lo} and ${hi}; otherwise the share of them more than ${MARGIN * 100}% of the span from both`,
      score: 86,
    };
  },

  sentence: (w, c) => group.sentence(w, [c]),
  group,
};

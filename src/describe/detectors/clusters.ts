import { clusterAxis } from '../../cluster/cluster.ts';
import type { Metric } from '../../cluster/distance.ts';
import { METHODS, type Method } from '../../cluster/linkage.ts';
import { makeFormatter } from '../../format/number.ts';
import { type ClaimOf, count, num } from '../claims.ts';
import type { Detector } from '../detector.ts';
import { lineKey } from '../scan.ts';
import { code, type LineKey } from '../view.ts';
import { listOf, t } from '../words.ts';

const fmtHeight = makeFormatter('.3g');

/**
 * A clustered figure's tree (spec cluster), said: the top split of the rows' (columns')
 * hierarchical clustering, recomputed from the grid as drawn with the same method and metric
 * (scipy's linkage), its height, the two groups, and each group's mean, so that a reader
 * learns which lines go together and how they differ. A tree given as a linkage is not
 * recomputed and not said, nor one of a grid drawn in blocks.
 */
export const clusters: Detector<'clusters'> = {
  plan: ({ figure, grid }) => {
    const d = figure.dendrograms;
    // A grid drawn in blocks: the blocks are not the lines the tree was made of.
    if (!d || grid.reduced) return [];
    return (['row', 'col'] as const).flatMap((lines) => {
      const tree = lines === 'row' ? d.rows : d.cols;
      return tree && !tree.given && tree.order.length >= 3
        ? [{ lines, method: d.method as string, metric: d.metric as string }]
        : [];
    });
  },

  detect(ctx, p) {
    const { view } = ctx;
    const lines = p.lines === 'col' ? 'col' : 'row';
    const method = String(p.method) as Method;
    const metric = String(p.metric) as Metric | 'precomputed';
    if (!METHODS.includes(method) || view.grid.panels.length !== 1) return null;
    const panel = view.grid.panels[0]!;
    const R = panel.rows;
    const C = view.cols;
    const [n, d] = lines === 'row' ? [R, C] : [C, R];
    if (n < 3) return null;
    const x = new Float64Array(n * d);
    for (let r = 0; r < R; r++)
      for (let c = 0; c < C; c++) {
        const v = panel.values[r * C + c]!;
        if (lines === 'row') x[r * C + c] = v;
        else x[c * R + r] = v;
      }
    let z: Float64Array;
    try {
      z = clusterAxis(x, n, d, { method, metric }, lines === 'row' ? 'rows' : 'columns', '$').z;
    } catch {
      return null;
    }
    // The top merge's two clusters, each as its leaves in the tree's order.
    const leaves = (c: number): number[] => {
      const out: number[] = [];
      const stack = [c];
      while (stack.length) {
        const k = stack.pop()!;
        if (k < n) out.push(k);
        else stack.push(z[(k - n) * 4 + 1]!, z[(k - n) * 4]!);
      }
      return out.sort((a, b) => a - b);
    };
    const top = (n - 2) * 4;
    let [first, second] = [leaves(z[top]!), leaves(z[top + 1]!)];
    if (second[0]! < first[0]!) [first, second] = [second, first];
    const mean = (group: readonly number[]) => {
      let s = 0;
      let k = 0;
      for (const i of group)
        for (let j = 0; j < d; j++) {
          const v = x[i * d + j]!;
          if (v - v === 0) {
            s += v;
            k++;
          }
        }
      return k ? s / k : Number.NaN;
    };
    const key = (i: number): LineKey => lineKey(view, 0, lines, i);
    const h = z[top + 2]!;
    return {
      kind: 'clusters',
      params: { lines, method, metric },
      facts: { first: first.map(key), second: second.map(key) },
      cells: [],
      labels: [...first, ...second].map((i) => key(i).label),
      numbers: [
        { name: 'height', value: h, text: fmtHeight(h) },
        count('n1', first.length),
        count('n2', second.length),
        num(ctx, 'mean1', mean(first)),
        num(ctx, 'mean2', mean(second)),
      ],
      rule: 'scipy’s linkage of the lines as drawn (method and metric as given); its last merge splits them in two',
      // What a clustered figure is drawn to show.
      score: 85,
    };
  },

  sentence(_w, c) {
    return splitSentence(c, c.params.lines === 'row' ? 'rows' : 'columns');
  },

  // A symmetric matrix's rows and columns split alike: said once.
  group: {
    key: (c) =>
      JSON.stringify([
        c.facts.first.map((k) => k.label),
        c.facts.second.map((k) => k.label),
        c.numbers.map((x) => x.text),
      ]),
    score: () => 85,
    sentence: (_w, cs) =>
      splitSentence(
        cs[0]!,
        cs.length > 1
          ? 'rows and the columns alike'
          : cs[0]!.params.lines === 'row'
            ? 'rows'
            : 'columns',
      ),
  },
};

function splitSentence(c: ClaimOf<'clusters'>, what: string): string {
  // Rows and columns alike: "17 (…)"; else "17 rows (…)".
  const noun = what.includes('alike') ? '' : what === 'rows' ? ' row' : ' column';
  const group = (keys: readonly LineKey[], n: string) =>
    `${t(c, n)}${noun}${noun && keys.length !== 1 ? 's' : ''} (${listOf(
      keys.slice(0, 4).map((k) => code(k.label)),
      keys.length,
    )})`;
  const how = `${c.params.method} linkage of ${c.params.metric === 'precomputed' ? 'the given distances' : `${c.params.metric} distances`}`;
  return `Clustering (${how}) splits the ${what} first, at height ${t(c, 'height')}, into ${group(c.facts.first, 'n1')} with mean ${t(c, 'mean1')} and ${group(c.facts.second, 'n2')} with mean ${t(c, 'mean2')}.`;
}

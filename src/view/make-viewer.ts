/**
 * The one viewer: its state over a figure and the elements it draws into. The HTML file's
 * script (view/viewer.ts, over the page's own elements and payload) and mount() (over the
 * elements it makes, from a spec) both make it here, and wire it with view/interact.ts.
 */
import type { Figure } from '../figure/types.ts';
import { makeFormatter } from '../format/number.ts';
import { draw, type Viewer } from './paint.ts';
import type { Payload } from './payload.ts';
import { type Style, wholeWindow } from './state.ts';

/** The elements a viewer draws into and speaks through. */
export interface ViewParts {
  readonly canvas: HTMLCanvasElement;
  readonly overlay: HTMLCanvasElement;
  readonly tip: HTMLElement;
  readonly live: HTMLElement;
}

/**
 * The figure, its grid labelled as its axes are: labels given by xticklabels/yticklabels
 * (a list) name the positions in the view and in its hover, as they do in the SVG.
 */
export const labelledAsAxes = (f: Figure): Figure => ({
  ...f,
  grid: {
    ...f.grid,
    colLabels: f.xticks.labels,
    panels: f.grid.panels.map((p, i) => ({ ...p, rowLabels: f.yticks[i]!.labels })),
  },
});

/** A viewer of `figure` (every cell of it) in `parts`, at its whole window, not yet drawn. */
export function makeViewer(
  parts: ViewParts,
  figure: Figure,
  more: { readonly payload?: Payload; readonly emit?: Viewer['emit'] } = {},
): Viewer {
  const doc = parts.canvas.ownerDocument;
  const base = labelledAsAxes(figure);
  const style: Style = { cmap: base.cmap, norm: base.norm, annot: base.annot };
  const v: Viewer = {
    doc,
    window: doc.defaultView!,
    base,
    ...(more.payload ? { payload: more.payload } : {}),
    // Values in the hover in the spec's format, as annotations would show them.
    fmt: makeFormatter(base.fmt),
    ...parts,
    initialStyle: style,
    s: {
      win: wholeWindow(base),
      style,
      drawn: null,
      first: null,
      cursor: { panel: 0, row: 0, col: 0 },
      hover: null,
      band: null,
      drag: null,
    },
    draw: () => draw(v),
    ...(more.emit ? { emit: more.emit } : {}),
  };
  return v;
}

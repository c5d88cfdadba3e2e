/**
 * The one viewer: a resolved figure mounted into an element. It makes the view's elements
 * (the figure's canvas, the overlay of hover and cursor above it, the tooltip, a visually
 * hidden live region for the keyboard cursor), wires the pointer and the keyboard
 * (view/interact.ts) and draws. mount() (view/mount.ts) puts it under a spec, its data and
 * its events; the HTML file's script (view/viewer.ts) under the page's payload and controls.
 * Its styles are set on its elements (CSSOM, which a strict CSP allows), so it needs no
 * stylesheet, in a page or in a shadow root.
 */
import type { Figure } from '../figure/types.ts';
import { makeFormatter } from '../format/number.ts';
import { wireKeyboard, wirePointer } from './interact.ts';
import { draw, type Viewer } from './paint.ts';
import type { At } from './state.ts';
import { type Style, wholeWindow } from './state.ts';

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

export type ViewEventName = 'hover' | 'click' | 'select' | 'zoom';

export interface FigureViewOptions {
  /** The elements' ids: `${ids}-canvas`, `-overlay`, `-tip`, `-live`. Default: the first free `hf-view-N`. */
  readonly ids?: string;
  /** The canvas's accessible name. */
  readonly label: string;
  /** The id of an element that explains the keys (aria-describedby). */
  readonly describedBy?: string;
  /** The figure's description, written into SVG downloads. */
  readonly description?: string;
  /** Told what happens: a cell hovered or clicked, a box selected, a zoom. */
  readonly emit?: (v: Viewer, event: ViewEventName, at: At | null, to?: At) => void;
}

export interface FigureView {
  /** The viewer now shown. */
  viewer(): Viewer;
  /** Shows `figure` instead (a new viewer at its whole window), in the same elements. */
  show(figure: Figure): void;
  /** Removes the elements and every listener; frees the canvases. */
  destroy(): void;
}

/** The first `hf-view-N` not yet taken in the element's document or shadow root. */
function freeIds(element: HTMLElement): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  let n = 1;
  while (root.getElementById(`hf-view-${n}-canvas`)) n++;
  return `hf-view-${n}`;
}

const HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

const TIP = {
  position: 'absolute',
  pointerEvents: 'none',
  background: 'rgba(20,20,20,0.92)',
  color: '#fff',
  padding: '4px 7px',
  borderRadius: '3px',
  font: '12px "DejaVu Sans", Verdana, sans-serif',
  lineHeight: 'normal',
  whiteSpace: 'nowrap',
  zIndex: '2',
};

/** Mounts the interactive view of `figure` into `element` (its content is replaced) and draws it. */
export function mountFigure(
  element: HTMLElement,
  figure: Figure,
  options: FigureViewOptions,
): FigureView {
  const doc = element.ownerDocument;
  const ids = options.ids ?? freeIds(element);
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, part: string) => {
    const e = doc.createElement(tag);
    e.id = `${ids}-${part}`;
    return e;
  };
  const box = doc.createElement('div');
  box.className = 'hf-view';
  Object.assign(box.style, { position: 'relative', display: 'inline-block', lineHeight: '0' });
  const canvas = make('canvas', 'canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'heatmap');
  canvas.setAttribute('aria-label', options.label);
  if (options.describedBy) canvas.setAttribute('aria-describedby', options.describedBy);
  const overlay = make('canvas', 'overlay');
  overlay.setAttribute('aria-hidden', 'true');
  Object.assign(overlay.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    pointerEvents: 'none',
  });
  const tip = make('div', 'tip');
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  Object.assign(tip.style, TIP);
  const live = make('div', 'live');
  live.setAttribute('aria-live', 'polite');
  Object.assign(live.style, HIDDEN);
  box.append(canvas, overlay, tip);
  element.replaceChildren(box, live);

  const viewerOf = (f: Figure): Viewer => {
    const base = labelledAsAxes(f);
    const style: Style = { cmap: base.cmap, norm: base.norm, annot: base.annot };
    const emit = options.emit;
    const v: Viewer = {
      doc,
      window: doc.defaultView!,
      base,
      ...(options.description !== undefined ? { description: options.description } : {}),
      // Values in the hover in the spec's format, as annotations would show them.
      fmt: makeFormatter(base.fmt),
      canvas,
      overlay,
      tip,
      live,
      initialStyle: style,
      s: {
        win: wholeWindow(base),
        style,
        drawn: null,
        first: null,
        cursor: { panel: 0, row: 0, col: 0 },
        hover: null,
        band: null,
        marked: false,
        drag: null,
      },
      draw: () => draw(v),
      ...(emit ? { emit: (event, at, to) => emit(v, event, at, to) } : {}),
    };
    return v;
  };
  // The listeners read the viewer now shown through `current`.
  let v = viewerOf(figure);
  const current = new Proxy({} as Viewer, { get: (_, k) => v[k as keyof Viewer] });
  const abort = new AbortController();
  wirePointer(current, abort.signal);
  wireKeyboard(current, abort.signal);
  v.draw();
  return {
    viewer: () => v,
    show(f) {
      // The overlay is the same canvas: what it holds is cleared by the new viewer's drawing.
      const marked = v.s.marked;
      v = viewerOf(f);
      v.s.marked = marked;
      v.draw();
    },
    destroy() {
      abort.abort();
      // Canvases are freed by giving them no pixels before they leave the page.
      for (const c of [canvas, overlay]) c.width = c.height = 0;
      box.remove();
      live.remove();
    },
  };
}

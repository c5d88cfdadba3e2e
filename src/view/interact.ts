/**
 * A viewer's interaction, for the HTML page and for mount() alike: hover and its tooltip,
 * box-drag and wheel zoom, double-click reset, and the keyboard cursor announced in the live
 * region. Every listener is added with `signal`, so aborting it removes them all; what
 * happens is told to `v.emit` (mount()'s events).
 */
import { keyAction } from './keys.ts';
import { drawOverlay, type Viewer } from './paint.ts';
import {
  type At,
  cellAt,
  describeCell,
  wholeWindow,
  type Win,
  zoomAround,
  zoomTo,
} from './state.ts';

const cellUnder = (v: Viewer, x: number, y: number) =>
  v.s.drawn ? cellAt(v.s.drawn.panels, x, y) : null;
const said = (v: Viewer, cell: At) =>
  v.s.drawn ? describeCell(v.base, v.s.drawn, cell, v.fmt) : '';

export function showTip(v: Viewer, cell: At | null, x: number, y: number): void {
  v.s.hover = cell;
  if (!cell) v.tip.hidden = true;
  else {
    v.tip.textContent = said(v, cell);
    v.tip.hidden = false;
    v.tip.style.left = `${x + 14}px`;
    v.tip.style.top = `${y + 14}px`;
  }
  drawOverlay(v);
}

const zoom = (v: Viewer, next: Win) => {
  v.s.win = next;
  v.draw();
  v.emit?.('zoom', null);
};

const same = (a: At | null, b: At | null) =>
  a === b || (!!a && !!b && a.panel === b.panel && a.row === b.row && a.col === b.col);

/** Hover, box-drag zoom, wheel zoom and double-click reset. */
export function wirePointer(v: Viewer, signal?: AbortSignal): void {
  const { s, canvas, base } = v;
  const pos = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const opts = { signal } as AddEventListenerOptions;
  canvas.addEventListener(
    'mousemove',
    (e) => {
      const p = pos(e);
      if (s.drag) {
        s.band = {
          x0: Math.min(s.drag.x, p.x),
          y0: Math.min(s.drag.y, p.y),
          x1: Math.max(s.drag.x, p.x),
          y1: Math.max(s.drag.y, p.y),
        };
      }
      const cell = cellUnder(v, p.x, p.y);
      if (!same(cell, s.hover) && cell) v.emit?.('hover', cell);
      showTip(v, cell, p.x, p.y);
    },
    opts,
  );
  canvas.addEventListener('mouseleave', () => showTip(v, null, 0, 0), opts);
  canvas.addEventListener(
    'mousedown',
    (e) => {
      const p = pos(e);
      const cell = cellUnder(v, p.x, p.y);
      if (cell) s.drag = { ...p, at: cell };
    },
    opts,
  );
  v.window.addEventListener(
    'mouseup',
    (e) => {
      if (!s.drag) return;
      const p = pos(e);
      const end = cellUnder(
        v,
        Math.min(Math.max(p.x, 0), canvas.clientWidth),
        Math.min(Math.max(p.y, 0), canvas.clientHeight),
      );
      const moved = Math.abs(p.x - s.drag.x) + Math.abs(p.y - s.drag.y) > 6;
      const start = s.drag.at;
      s.drag = null;
      s.band = null;
      if (moved && end && end.panel === start.panel && s.drawn) {
        v.emit?.('select', start, end);
        zoom(v, zoomTo(base, s.win, s.drawn, start, end));
      } else {
        if (!moved) v.emit?.('click', start);
        drawOverlay(v);
      }
    },
    opts,
  );
  canvas.addEventListener('dblclick', () => zoom(v, wholeWindow(base)), opts);
  canvas.addEventListener(
    'wheel',
    (e) => {
      const p = pos(e);
      const cell = cellUnder(v, p.x, p.y);
      if (!cell || !s.drawn) return;
      e.preventDefault();
      zoom(v, zoomAround(base, s.win, s.drawn, cell, e.deltaY < 0 ? 0.8 : 1.25));
    },
    { passive: false, signal } as AddEventListenerOptions,
  );
}

/** The keyboard cursor, announced in the live region as it moves. */
export function wireKeyboard(v: Viewer, signal?: AbortSignal): void {
  const { s, canvas } = v;
  const announce = () => {
    v.live.textContent = said(v, s.cursor);
  };
  const opts = { signal } as AddEventListenerOptions;
  canvas.addEventListener(
    'focus',
    () => {
      drawOverlay(v);
      announce();
    },
    opts,
  );
  canvas.addEventListener('blur', () => drawOverlay(v), opts);
  canvas.addEventListener(
    'keydown',
    (e) => {
      if (!s.drawn) return;
      const action = keyAction(e.key, e.ctrlKey, s.cursor, s.drawn.panels);
      if (!action) return;
      e.preventDefault();
      if ('zoom' in action)
        return zoom(v, zoomAround(v.base, s.win, s.drawn, s.cursor, action.zoom));
      s.cursor = action.move;
      drawOverlay(v);
      announce();
    },
    opts,
  );
}

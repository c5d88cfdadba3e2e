/** The view's keyboard, as a pure function of a key and the cursor (tested in Node). */
import type { PanelBox } from '../layout/types.ts';
import type { At } from './state.ts';

/** What a key does: moves the cursor, zooms about it, or nothing (the key is not ours). */
export type KeyAction = { readonly move: At } | { readonly zoom: number } | null;

/**
 * The panel next to panel `from` in a direction, by where the panels lie (stacked panels, or
 * a grid of facets): the nearest one past its edge that overlaps it across that direction;
 * -1 for none.
 */
function neighbour(panels: readonly PanelBox[], from: number, dx: number, dy: number): number {
  const a = panels[from]!;
  const w = (b: PanelBox) => b.cols * b.cw;
  const h = (b: PanelBox) => b.rows * b.ch;
  let best = -1;
  let bestGap = Infinity;
  panels.forEach((b, i) => {
    if (i === from) return;
    const overlapsX = b.x < a.x + w(a) && a.x < b.x + w(b);
    const overlapsY = b.y < a.y + h(a) && a.y < b.y + h(b);
    const gap =
      dy > 0 && overlapsX
        ? b.y - (a.y + h(a))
        : dy < 0 && overlapsX
          ? a.y - (b.y + h(b))
          : dx > 0 && overlapsY
            ? b.x - (a.x + w(a))
            : dx < 0 && overlapsY
              ? a.x - (b.x + w(b))
              : -1;
    if (gap >= 0 && gap < bestGap) {
      best = i;
      bestGap = gap;
    }
  });
  return best;
}

/**
 * The keyboard: arrows move the cursor (across panels and facets, to the one beside), Home and End go to the
 * ends of a row (with Ctrl, of the grid), Page Up and Down move by a quarter of the rows,
 * plus and minus zoom in and out.
 */
export function keyAction(
  key: string,
  ctrl: boolean,
  cursor: At,
  panels: readonly PanelBox[],
): KeyAction {
  const b = panels[cursor.panel]!;
  const page = Math.max(1, Math.floor(b.rows / 4));
  let { panel, row, col } = cursor;
  // An arrow that leaves the panel moves into the one beside it, if any.
  let step: [number, number] | null = null;
  switch (key) {
    case 'ArrowLeft':
      col--;
      step = [-1, 0];
      break;
    case 'ArrowRight':
      col++;
      step = [1, 0];
      break;
    case 'ArrowUp':
      row--;
      step = [0, -1];
      break;
    case 'ArrowDown':
      row++;
      step = [0, 1];
      break;
    case 'Home':
      col = 0;
      if (ctrl) row = 0;
      break;
    case 'End':
      col = b.cols - 1;
      if (ctrl) row = b.rows - 1;
      break;
    case 'PageUp':
      row -= page;
      break;
    case 'PageDown':
      row += page;
      break;
    case '+':
    case '=':
      return { zoom: 0.5 };
    case '-':
      return { zoom: 2 };
    default:
      return null;
  }
  if (step && (row < 0 || row >= b.rows || col < 0 || col >= b.cols)) {
    const next = neighbour(panels, panel, step[0], step[1]);
    if (next >= 0) {
      panel = next;
      if (step[0] > 0) col = 0;
      if (step[0] < 0) col = panels[next]!.cols - 1;
      if (step[1] > 0) row = 0;
      if (step[1] < 0) row = panels[next]!.rows - 1;
    }
  }
  const pb = panels[panel]!;
  return {
    move: {
      panel,
      row: Math.max(0, Math.min(pb.rows - 1, row)),
      col: Math.max(0, Math.min(pb.cols - 1, col)),
    },
  };
}

/** The view's keyboard, as a pure function of a key and the cursor (tested in Node). */
import type { PanelBox } from '../layout/types.ts';
import type { At } from './state.ts';

/** What a key does: moves the cursor, zooms about it, or nothing (the key is not ours). */
export type KeyAction = { readonly move: At } | { readonly zoom: number } | null;

/**
 * The keyboard: arrows move the cursor (up and down across panels), Home and End go to the
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
  switch (key) {
    case 'ArrowLeft':
      col--;
      break;
    case 'ArrowRight':
      col++;
      break;
    case 'ArrowUp':
      row--;
      if (row < 0 && panel > 0) {
        panel--;
        row = panels[panel]!.rows - 1;
      }
      break;
    case 'ArrowDown':
      row++;
      if (row >= b.rows && panel < panels.length - 1) {
        panel++;
        row = 0;
      }
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
  const pb = panels[panel]!;
  return {
    move: {
      panel,
      row: Math.max(0, Math.min(pb.rows - 1, row)),
      col: Math.max(0, Math.min(pb.cols - 1, col)),
    },
  };
}

/**
 * A label's crop, as text recognition is given it (dark on light, scaled up), and the box of
 * its ink: what the axes' labels (labels.ts) and the labels of one prefix (prefixed.ts) look
 * at.
 */
export type Crop = { rgba: Uint8Array; width: number; height: number };

/** The box of a level crop's ink (dark on white), in its pixels; null when it has none. */
export interface Ink {
  readonly x0: number;
  readonly x1: number;
  /** The ink's top row. */
  readonly y0: number;
  readonly w: number;
  readonly h: number;
  /** The grey under which a pixel is ink (inkBox): what looks at the pixels in the box tests by. */
  readonly level: number;
}

/**
 * The box of a crop's ink: its pixels darker than half way from its darkest to white, and
 * than 192 at most (128 for black text). Grey text set at fractions of a pixel draws each
 * stem as two paler pixels: Plotly's `#444` labels had none under 128 in "Fri", "dog" and
 * "plane", their boxes measured by their darkest strokes alone, and were refused as not as
 * high as their letters. `fixed`: that level instead.
 */
export function inkBox(c: Crop, fixed: number | null = null): Ink | null {
  const { rgba, width: w } = c;
  const level = fixed ?? inkLevel(c);
  const e = extentOf(0, 0, w, c.height, (x, y) => rgba[(y * w + x) * 4]! < level);
  return e && { x0: e.x0, x1: e.x1, y0: e.y0, w: e.x1 - e.x0 + 1, h: e.y1 - e.y0 + 1, level };
}

/**
 * Where the pixels of a box (x from `x0` to `x1`, y from `y0` to `y1`, ends exclusive) that
 * `ink` holds for lie: the first and last column and row of them (inclusive), and how many;
 * null for none.
 */
export function extentOf(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  ink: (x: number, y: number) => boolean,
): { x0: number; x1: number; y0: number; y1: number; n: number } | null {
  const e = { x0: x1, x1: x0 - 1, y0: y1, y1: y0 - 1, n: 0 };
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (ink(x, y)) {
        e.n++;
        e.x0 = Math.min(e.x0, x);
        e.x1 = Math.max(e.x1, x);
        e.y0 = Math.min(e.y0, y);
        e.y1 = Math.max(e.y1, y);
      }
  return e.n ? e : null;
}

/** The grey under which a crop's pixel is ink (inkBox): half way from its darkest to white, 128 to 192. */
export function inkLevel(c: Crop): number {
  let darkest = 255;
  for (let i = 0; i < c.rgba.length; i += 4) darkest = Math.min(darkest, c.rgba[i]!);
  return Math.min(192, Math.max(128, (darkest + 255) / 2));
}

/**
 * A crop as read `turn`: level (false), turned a quarter clockwise (true: text written
 * upwards), or anticlockwise ('down': text written downwards).
 */
export function turnedWay(c: Crop, turn: boolean | 'down'): Crop {
  return turn === 'down' ? turnedDown(c) : turn ? turned(c) : c;
}

/** A crop turned a quarter clockwise (text written upwards reads level). */
export function turned(c: { rgba: Uint8Array; width: number; height: number }) {
  const { width: w, height: h } = c;
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // (x, y) → (h − 1 − y, x) in a w-tall, h-wide image.
      const q = (x * h + (h - 1 - y)) * 4;
      rgba.set(c.rgba.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), q);
    }
  return { rgba, width: h, height: w };
}

/** A crop turned a quarter anticlockwise (text written downwards, Plotly's 90°, reads level). */
export function turnedDown(c: { rgba: Uint8Array; width: number; height: number }) {
  const { width: w, height: h } = c;
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // (x, y) → (y, w − 1 − x) in a w-tall, h-wide image.
      const q = ((w - 1 - x) * h + y) * 4;
      rgba.set(c.rgba.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), q);
    }
  return { rgba, width: h, height: w };
}

/**
 * A text's advance width in DejaVu Sans, per px of font size, from its characters' classes
 * (each letter's and digit's within 0.06 em of the font's own, test/read/labels.test.ts:
 * text/measure.ts has the table, which read/ may not import): narrow strokes, punctuation and
 * f; r and t; the lower case and digits; capitals in three widths (E F L P T Y 0.56 to 0.63,
 * D G H N O Q U 0.73 to 0.79, the others 0.63 to 0.70: all at 0.7, Plotly's "Feb" and "Fri"
 * were refused as narrower than read); m and W; w, M and the like. (With r and t at 0.35 and
 * m at 0.88, a bold header "ter" had measured a third wider than read, "comet" a sixth, and
 * been refused as letters gained. The capitals are not each at their own: so, GLUE's task
 * names measured 0.85 to 0.98 of their widths and passed for another font's.)
 */
export function advance(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[ijlIJ']/.test(ch)
      ? 0.28
      : /[ ,.:;/\\|!()[\]f-]/.test(ch)
        ? 0.35
        : /[rt]/.test(ch)
          ? 0.4
          : /[csz?_*`"]/.test(ch)
            ? 0.52
            : /[mW%@]/.test(ch)
              ? 0.97
              : /[wM#+<=>^~]/.test(ch)
                ? 0.85
                : /[EFLPTY]/.test(ch)
                  ? 0.6
                  : /[DGHNOQU]/.test(ch)
                    ? 0.76
                    : /[A-Z&]/.test(ch)
                      ? 0.69
                      : 0.62;
  return w;
}

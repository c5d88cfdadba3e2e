/** An image read back (issue 20), PNG or JPEG by its first bytes, as RGB on white. */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { decodeJpeg, isJpeg, smoothFlat } from './jpeg.ts';
import { background, distance } from './locate.ts';
import { decodePng, type Image, isPng } from './png.ts';
import { evenTable } from './table.ts';

export type { Image } from './png.ts';

export function decodeImage(bytes: Uint8Array, source: string): Image {
  if (isPng(bytes)) {
    const png = decodePng(bytes, source);
    const img = lightPage(resampled(png) ? smoothFlat(png) : png);
    return evenTable(img);
  }
  if (isJpeg(bytes)) return lightPage(smoothFlat(decodeJpeg(bytes, source)));
  throw new HeatfigError('bad-image', msg.notImage(), source);
}

/**
 * The image on a light page: one whose page is dark (its border's commonest colour darker
 * than mid-grey: matplotlib's `dark_background`, white text and marks on black) is turned
 * over, each channel 255 − itself, so that its text is dark ink on light as the reader looks
 * for it. Its cells and its colorbar are turned alike, so a cell's place on the colorbar is
 * the same; the colours it gives out are turned back (`inverted`). Its tick labels had not
 * been read (no values), and its labels, white, were said not shown.
 */
function lightPage(img: Image): Image {
  const [r, g, b] = background(img);
  if (r + g + b >= 3 * 128) return img;
  const turn = (a: Uint8Array) => a.map((v) => 255 - v);
  return { ...img, rgb: turn(img.rgb), ...(img.raw ? { raw: turn(img.raw) } : {}), inverted: true };
}

/**
 * Whether a PNG was resampled through a smoothing filter (resized in an editor, or by
 * Pillow's Lanczos): then no two flat runs of distinct colours along its rows meet within a
 * pixel, where a plot drawn to its pixels has most of its edges so (a cell's colour beside
 * the next one's, or a pixel of blend between). Flat runs are 4 px or more of one colour;
 * distinct colours 30 levels apart on a channel or more; the rows looked at every other one.
 * Fewer than 1 in 100 of 200 or more such meetings within a pixel: resampled, and read as a
 * JPEG is, its ringing taken out of flat colour (smoothFlat). Of the committed fixtures and
 * the probes of 2026-12-06 (249 clean PNGs, interpolated imshow and Plotly's gapped cells
 * among them), the fewest within a pixel was 4 in 100; of 12 seaborn PNGs resized 0.8 to 2
 * times, at most 1 in 1,000, and 6 of them had been read in another shape.
 */
export function resampled(img: Image): boolean {
  const { width: W, height: H, rgb } = img;
  let near = 0;
  let all = 0;
  const same = (p: number, q: number) =>
    rgb[p] === rgb[q] && rgb[p + 1] === rgb[q + 1] && rgb[p + 2] === rgb[q + 2];
  for (let y = 0; y < H; y += 2) {
    // The last flat run's end and its first pixel.
    let end = -1;
    let at = -1;
    for (let x = 0; x < W; ) {
      const p = (y * W + x) * 3;
      let e = x + 1;
      while (e < W && same(p, (y * W + e) * 3)) e++;
      if (e - x >= 4) {
        if (at >= 0 && x - end <= 10) {
          if (distance(img, p / 3, rgb[at]!, rgb[at + 1]!, rgb[at + 2]!) > 30) {
            all++;
            if (x - end <= 1) near++;
          }
        }
        end = e;
        at = p;
      }
      x = e;
    }
  }
  return all >= 200 && near < 0.01 * all;
}

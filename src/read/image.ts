/** An image read back (issue 20), PNG or JPEG by its first bytes, as RGB on white. */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { decodeJpeg, isJpeg, smoothFlat } from './jpeg.ts';
import { background } from './locate.ts';
import { decodePng, type Image, isPng } from './png.ts';

export type { Image } from './png.ts';

export function decodeImage(bytes: Uint8Array, source: string): Image {
  if (isPng(bytes)) return lightPage(decodePng(bytes, source));
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

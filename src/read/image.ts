/** An image read back (issue 20), PNG or JPEG by its first bytes, as RGB on white. */
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { decodeJpeg, isJpeg, smoothFlat } from './jpeg.ts';
import { decodePng, type Image, isPng } from './png.ts';

export type { Image } from './png.ts';

export function decodeImage(bytes: Uint8Array, source: string): Image {
  if (isPng(bytes)) return decodePng(bytes, source);
  if (isJpeg(bytes)) return smoothFlat(decodeJpeg(bytes, source));
  throw new HeatfigError('bad-image', msg.notImage(), source);
}

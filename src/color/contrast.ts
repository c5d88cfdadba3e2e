import { bytesFromHex } from '../util/hex.ts';

/**
 * Readable text on a fill: WCAG 2 relative luminance and contrast ratio. Black or white,
 * whichever contrasts more, always reaches at least 4.58:1 (the worst fill is the grey
 * where the two tie), so every annotation meets the 4.5:1 rule.
 */

function channel(byte: number): number {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an sRGB colour given as bytes. */
export function relativeLuminance(r: number, g: number, b: number): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two luminances, from 1 to 21. */
export function contrastRatio(l1: number, l2: number): number {
  const hi = Math.max(l1, l2);
  const lo = Math.min(l1, l2);
  return (hi + 0.05) / (lo + 0.05);
}

export { bytesFromHex };

/** `#000000` or `#ffffff`, whichever has the higher contrast with the fill. */
export function textColorOn(fillHex: string): '#000000' | '#ffffff' {
  return textColorOnBytes(...bytesFromHex(fillHex));
}

/** textColorOn of a fill given as bytes. */
export function textColorOnBytes(r: number, g: number, b: number): '#000000' | '#ffffff' {
  const l = relativeLuminance(r, g, b);
  return contrastRatio(l, 0) >= contrastRatio(l, 1) ? '#000000' : '#ffffff';
}

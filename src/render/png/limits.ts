/** The largest PNG scale (device pixels per CSS px); 16 × 96 = 1536 dpi. */
export const MAX_SCALE = 16;
/** The most pixels a PNG may have: 100 megapixels (400 MB of RGBA while it is drawn). */
export const MAX_PNG_PIXELS = 100_000_000;

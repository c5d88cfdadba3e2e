/**
 * Glyphs of made-up characters for the tests of read/'s glyph books (glyphs.test.ts,
 * letters.test.ts): GW columns by GH rows of random ink, 0 or 255, seeded.
 */
export const GW = 8;
export const GH = 12;

/**
 * Each character's glyph: ink at about 45% of its pixels, every column inked in a row at
 * least (so that it is one run), and (`framed`) its first and last rows inked (so that a
 * glyph trimmed to its ink keeps all its rows).
 */
export function shapes(seed: number, chars: string, framed = false): Map<string, Uint8Array> {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const out = new Map<string, Uint8Array>();
  for (const ch of chars) {
    const g = new Uint8Array(GW * GH);
    for (let i = 0; i < g.length; i++) g[i] = rand() < 0.45 ? 255 : 0;
    for (let x = 0; x < GW; x++) {
      g[Math.floor(rand() * GH) * GW + x] = 255;
      if (framed) g[x] = g[(GH - 1) * GW + x] = 255;
    }
    out.set(ch, g);
  }
  return out;
}

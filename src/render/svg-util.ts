/** A number for SVG: at most 3 decimals, no trailing zeros, no "-0". */
export function num(v: number): string {
  // Whole numbers (most positions on a grid of whole-pixel cells) need no rounding; String
  // writes -0 as "0".
  return String(Number.isInteger(v) ? v : Math.round(v * 1000) / 1000);
}

/** Escapes text for XML content and attribute values; drops characters XML forbids. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"']/;

export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

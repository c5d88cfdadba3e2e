import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { NAMED_COLORS } from './named.ts';

/** A colour as matplotlib's `to_rgba` sees it: r, g, b floats in [0, 1]. */
export type Rgb = readonly [number, number, number];

/** A colour a user may write: a name, hex, or [r, g, b] with components in 0..1. */
export type ColorInput = string | readonly number[];

/** True for the colours that mean "nothing drawn": `transparent`, `none`. */
export function isTransparent(input: ColorInput): boolean {
  return typeof input === 'string' && ['transparent', 'none'].includes(input.trim().toLowerCase());
}

/**
 * Parses a colour the way matplotlib does (hex bytes / 255), or throws a HeatfigError. An
 * alpha (`#rrggbbaa`, `[r, g, b, a]`) is accepted when it is opaque; a translucent colour,
 * `transparent` or `none` is refused, never silently drawn opaque (a background may be
 * transparent: see isTransparent).
 */
export function parseColor(input: ColorInput, where: string | null = null): Rgb {
  if (isTransparent(input))
    throw new HeatfigError('bad-color', msg.translucentColor(String(input).trim()), where);
  if (Array.isArray(input)) {
    const [r, g, b, a] = input as readonly number[];
    if (
      input.length >= 3 &&
      input.length <= 4 &&
      [r, g, b, a ?? 1].every((c) => typeof c === 'number' && c >= 0 && c <= 1)
    ) {
      if (a !== undefined && a < 1)
        throw new HeatfigError('bad-color', msg.translucentColor(JSON.stringify(input)), where);
      return [r!, g!, b!];
    }
    throw new HeatfigError('bad-color', msg.badColor(JSON.stringify(input)), where);
  }
  const text = String(input).trim();
  const css = cssFunction(text, where);
  if (css) return css;
  const hex = NAMED_COLORS[text.toLowerCase()] ?? matplotlibColor(text) ?? text;
  const m6 = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(hex);
  if (m6) {
    if (m6[2] !== undefined && m6[2].toLowerCase() !== 'ff')
      throw new HeatfigError('bad-color', msg.translucentColor(text), where);
    const n = Number.parseInt(m6[1]!, 16);
    return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
  }
  const m3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  if (m3) {
    return [m3[1]!, m3[2]!, m3[3]!].map((h) => Number.parseInt(h + h, 16) / 255) as unknown as Rgb;
  }
  throw new HeatfigError('bad-color', msg.badColor(text), where);
}

/** matplotlib's Tableau colours, the default cycle: C0 … C9 and tab:blue … tab:cyan. */
const TAB10 = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];
const TAB_NAMES = [
  'blue',
  'orange',
  'green',
  'red',
  'purple',
  'brown',
  'pink',
  'gray',
  'olive',
  'cyan',
];

/** matplotlib's own colour strings: "C0"…"C9", "tab:blue", and a grey level "0.5" (0 black, 1 white). */
function matplotlibColor(text: string): string | null {
  const c = /^C(\d)$/.exec(text);
  if (c) return TAB10[Number(c[1])]!;
  const tab = /^tab:(\w+)$/i.exec(text);
  if (tab) {
    const name = tab[1]!.toLowerCase() === 'grey' ? 'gray' : tab[1]!.toLowerCase();
    const i = TAB_NAMES.indexOf(name);
    return i >= 0 ? TAB10[i]! : null;
  }
  if (/^(0(\.\d*)?|1(\.0*)?|\.\d+)$/.test(text)) {
    const b = Math.round(Number(text) * 255);
    return hexFromBytes(b, b, b);
  }
  return null;
}

/**
 * CSS colour functions: rgb()/rgba() with numbers (0–255) or percentages, hsl()/hsla() with
 * degrees and percentages, commas or spaces, an optional alpha (which must be opaque).
 */
function cssFunction(text: string, where: string | null): Rgb | null {
  const m = /^(rgba?|hsla?)\(\s*([^)]*)\)$/i.exec(text);
  if (!m) return null;
  const parts = m[2]!.split(/\s*[,/]\s*|\s+/).filter((x) => x !== '');
  const bad = () => new HeatfigError('bad-color', msg.badColor(text), where);
  if (parts.length < 3 || parts.length > 4) throw bad();
  const value = (p: string, scale: number) => {
    const pct = p.endsWith('%');
    const n = Number(pct ? p.slice(0, -1) : p);
    if (!Number.isFinite(n)) throw bad();
    return pct ? n / 100 : n / scale;
  };
  if (parts[3] !== undefined && value(parts[3], 1) < 1)
    throw new HeatfigError('bad-color', msg.translucentColor(text), where);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  if (m[1]!.toLowerCase().startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((p) => clamp(value(p, 255)));
    return [Math.round(r! * 255) / 255, Math.round(g! * 255) / 255, Math.round(b! * 255) / 255];
  }
  const h = ((Number(parts[0]!.replace(/deg$/, '')) % 360) + 360) % 360;
  const sat = clamp(value(parts[1]!, 100));
  const l = clamp(value(parts[2]!, 100));
  if (!Number.isFinite(h)) throw bad();
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [Math.round(f(0) * 255) / 255, Math.round(f(8) * 255) / 255, Math.round(f(4) * 255) / 255];
}

/** `#rrggbb` from three bytes. */
export function hexFromBytes(r: number, g: number, b: number): string {
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** `#rrggbb` for a float colour, rounding each component as CSS does. */
export function hexFromRgb(c: Rgb): string {
  return hexFromBytes(Math.round(c[0] * 255), Math.round(c[1] * 255), Math.round(c[2] * 255));
}

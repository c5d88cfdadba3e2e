import { HeatfigError } from '../errors.ts';
import { msg } from '../messages.ts';
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
  const hex = NAMED_COLORS[text.toLowerCase()] ?? text;
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

/** `#rrggbb` from three bytes. */
export function hexFromBytes(r: number, g: number, b: number): string {
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** `#rrggbb` for a float colour, rounding each component as CSS does. */
export function hexFromRgb(c: Rgb): string {
  return hexFromBytes(Math.round(c[0] * 255), Math.round(c[1] * 255), Math.round(c[2] * 255));
}

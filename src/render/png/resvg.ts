/**
 * resvg, the PNG writer's vector renderer (Node only): loaded once, given only the shipped
 * font and the user's, and asked to draw the whole figure or only the strips around a block
 * of cells drawn directly.
 */
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { Primitive, RectPrimitive, Scene } from '../../scene/types.ts';
import { BOLD_FONT_FILE, FONT_FILE } from '../../text/shipped-font.ts';
import { num } from '../svg.ts';
import { type Box, type Canvas, copyIn, fillBox, packColor, pngRows } from './direct.ts';

const require = createRequire(import.meta.url);

interface RenderedImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}
type Draw = (svg: string, options: ResvgRenderOptions) => RenderedImage;

/**
 * resvg: a new Resvg(svg, options).render(). On glibc Linux the native class of its platform
 * package is used directly (it takes the options as JSON, as @resvg/resvg-js passes them):
 * that package's loader first asks whether libc is musl through process.report, 4–10 ms
 * of every PNG. Elsewhere, or if that fails (musl), @resvg/resvg-js decides.
 */
const resvg: Draw = (() => {
  if (process.platform === 'linux') {
    try {
      const native = require(`@resvg/resvg-js-linux-${process.arch}-gnu`) as {
        Resvg: new (svg: string, options: string) => { render(): RenderedImage };
      };
      return (svg, options) => new native.Resvg(svg, JSON.stringify(options)).render();
    } catch {
      // musl, or no such package: the generic loader below.
    }
  }
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return (svg, options) => new Resvg(svg, options).render();
})();

/**
 * resvg with only the shipped font, crisp shapes and nearest-neighbour images. Text drawn as
 * glyph outlines needs no font: it is loaded only for an SVG with `<text>` left in it.
 */
export function draw(svg: string, options: ResvgRenderOptions, scene: Scene) {
  const own = scene.fonts ?? [];
  const fontFiles = svg.includes('<text')
    ? [...own.flatMap((f) => (f.bold ? [f.file, f.bold] : [f.file])), FONT_FILE, BOLD_FONT_FILE]
    : [];
  const family = own[0]?.family ?? scene.fontFamily;
  return resvg(svg, {
    ...options,
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: family },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 1,
  });
}

/** resvg draws the whole figure. */
export function drawWhole(svg: string, scene: Scene, scale: number): Canvas {
  const img = draw(svg, { fitTo: { mode: 'zoom', value: scale } }, scene);
  const canvas = pngRows(img.width, img.height);
  copyIn(canvas, img.pixels, img.width, img.height, 0, 0);
  return canvas;
}

/**
 * resvg draws only around the block the cells cover (nothing else is drawn over it), or null
 * when that cannot be done exactly (a scale other than a power of two, so that a strip's
 * offset would not be exact; a canvas of fractional size) or would not pay (a block under a
 * million pixels).
 */
export function drawAround(
  svg: string,
  scene: Scene,
  rest: readonly Primitive[],
  block: Box,
  scale: number,
): Canvas | null {
  if (Math.log2(scale) % 1 !== 0) return null;
  const width = Number(num(scene.width)) * scale;
  const height = Number(num(scene.height)) * scale;
  if (!Number.isInteger(width) || !Number.isInteger(height)) return null;
  const x0 = Math.max(0, block[0]);
  const y0 = Math.max(0, block[1]);
  const x1 = Math.min(width, block[2]);
  const y1 = Math.min(height, block[3]);
  // Each strip costs resvg a parse and a font load (~2 ms): worth it for a large block only.
  if (x1 <= x0 || y1 <= y0 || (x1 - x0) * (y1 - y0) < 1_000_000) return null;
  const hole: Box = [x0, y0, x1, y1];
  const background = rest.find((p) => p.type === 'rect' && p.role === 'background') as
    | RectPrimitive
    | undefined;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background.fill)) return null;
  const canvas = pngRows(width, height);
  const strips: Box[] = [
    [0, 0, width, y0],
    [0, y1, width, height],
    [0, y0, x0, y1],
    [x1, y0, width, y1],
  ];
  const head = /^<svg [^>]*>/.exec(svg);
  if (!head) return null;
  const body = svg.slice(head[0].length);
  for (const [a, b, c, d] of strips) {
    if (c <= a || d <= b) continue;
    // The same drawing through a window: the strip's size in CSS px, its viewBox offset exact
    // (a power-of-two scale divides device pixels exactly).
    const w = (c - a) / scale;
    const h = (d - b) / scale;
    const root = head[0]
      .replace(/ width="[^"]*"/, ` width="${w}"`)
      .replace(/ height="[^"]*"/, ` height="${h}"`)
      .replace(/ viewBox="[^"]*"/, ` viewBox="${a / scale} ${b / scale} ${w} ${h}"`);
    const img = draw(root + body, { fitTo: { mode: 'zoom', value: scale } }, scene);
    if (img.width !== c - a || img.height !== d - b) return null;
    copyIn(canvas, img.pixels, img.width, img.height, a, b);
  }
  fillBox(canvas, hole, packColor(background.fill));
  return canvas;
}

import * as zlib from 'node:zlib';
import type {
  ImagePrimitive,
  Primitive,
  RectPrimitive,
  Scene,
  TextPrimitive,
} from '../../scene/types.ts';
import { glyphDefs, glyphRun, hasGlyphs } from './glyphs.ts';
import { deflateInParts } from './deflate.ts';
import { type Crc32, pngFile } from './encode.ts';
import { applyStamps, planStamps, stampable } from './stamp.ts';
import { renderSvg } from '../svg.ts';
import { blit, blockOf, deviceBox, fillRects, overlaps } from './direct.ts';
import { draw, drawAround, drawWhole } from './resvg.ts';

export interface PngOptions {
  /** Device pixels per CSS px. Default 2. */
  readonly scale?: number;
  /**
   * The resolution written in the file's pHYs chunk, in dots per inch. Default 96 × scale:
   * the figure opens at its size (96 CSS px to the inch) in LaTeX, Word and viewers.
   */
  readonly dpi?: number;
  /**
   * Fill cells and stamp annotations directly into the pixels (default true) rather than
   * have resvg draw thousands of them: the same cells pixel for pixel, the same annotations
   * but for a quarter pixel along glyph edges, and several times faster on annotated grids.
   * false has resvg draw everything (the reference the tests hold the fast path to).
   */
  readonly direct?: boolean;
  /**
   * Stamp annotations from this many on (default 100). Below it resvg draws them as glyph
   * outlines, which costs less than making the atlas: about 4 ms less for a 5×5 grid.
   */
  readonly stampFrom?: number;
  /** zlib level of the PNG. Default 3 (figures: within 1% of 4's size, a quarter faster), 1 when the cells are an image. */
  readonly level?: number;
}

/**
 * Draws a scene as PNG bytes. resvg draws the vector parts (text, lines, colorbar) with only
 * the shipped font loaded. Cells are filled and annotations stamped here (see `direct`), and
 * cell images copied in pixel for pixel (nearest neighbour, exact colours, no smoothing).
 * When those cover a block that nothing else is drawn over, resvg draws only the strips
 * around it, straight into the PNG's rows, which zlib then compresses.
 */
export async function renderPng(scene: Scene, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  const direct = options.direct !== false;
  // Annotations are stamped from a glyph atlas (render/stamp.ts): drawn last, as in the
  // scene, where only the cells and lines under them come before.
  // Fonts of the user's: resvg draws every text with them (the glyph outlines and atlas are
  // DejaVu Sans's).
  const ownFonts = (scene.fonts?.length ?? 0) > 0;
  const candidates =
    direct && !ownFonts
      ? scene.primitives.filter(
          (p): p is TextPrimitive => p.type === 'text' && p.role === 'annot' && stampable(p),
        )
      : [];
  const annots = candidates.length >= (options.stampFrom ?? 100) ? candidates : [];
  // Cells are filled and cell images copied here when nothing else is drawn over the block
  // they cover (no cell lines, separators or annotations left to resvg); else resvg draws
  // them in order with the rest.
  const cells = scene.primitives.filter(
    (p): p is RectPrimitive => p.type === 'rect' && p.role === 'cell',
  );
  const images = scene.primitives.filter(
    (p): p is ImagePrimitive => p.type === 'image' && p.role === 'cells',
  );
  const stamped = new Set<Primitive>(annots);
  const block = direct ? blockOf([...cells, ...images], scale) : null;
  const clear =
    block !== null &&
    !scene.primitives.some(
      (p) =>
        p.role !== 'background' &&
        p.role !== 'cell' &&
        p.role !== 'cells' &&
        !stamped.has(p) &&
        overlaps(deviceBox(p, scale), block),
    );
  const mine = new Set<Primitive>([...annots, ...(clear ? [...cells, ...images] : [])]);
  const rest = scene.primitives.filter((p) => !mine.has(p));
  const svg = renderSvg(mine.size ? { ...scene, primitives: rest } : scene, {
    imageRendering: 'resvg',
    ...(ownFonts ? {} : { glyphs: { has: hasGlyphs, run: glyphRun, defs: glyphDefs } }),
  });
  const canvas =
    (clear && block && drawAround(svg, scene, rest, block, scale)) || drawWhole(svg, scene, scale);
  // resvg scales the scene to whole pixels: these are its factors, a hair off `scale`.
  const sx = canvas.width / scene.width;
  const sy = canvas.height / scene.height;
  if (clear) {
    fillRects(canvas, cells, sx, sy);
    for (const p of images) blit(canvas, p, sx, sy);
  }
  if (annots.length) {
    const plan = planStamps(annots, sx, sy);
    const atlas = draw(plan.svg, {}, scene).pixels;
    applyStamps(
      canvas.data,
      canvas.width,
      canvas.height,
      plan,
      atlas,
      canvas.stride,
      canvas.offset,
    );
  }
  // Figures whose cells are an image are mostly those pixels: zlib level 1 writes them a
  // third faster than 4 for a file about a fifth larger. Otherwise 3: on an annotated 50×50
  // figure it deflates in 28 ms to 1.118 MB where 4 takes 38 ms for 1.110 MB and 6 60 ms.
  const level = options.level ?? (images.length ? 1 : 3);
  const compressed = await deflateInParts(canvas.data, level);
  // RGBA rows (no per-pixel repacking; the constant alpha costs nothing compressed), in the
  // core's PNG container.
  const dpi = options.dpi ?? 96 * scale;
  return pngFile(canvas.data, canvas.width, canvas.height, 6, () => compressed, nodeCrc32, dpi);
}

/** Node's native CRC-32 (Node 20.15 and later), else the core's. */
const nodeCrc32: Crc32 | undefined =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (bytes) => (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(bytes)
    : undefined;

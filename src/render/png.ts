import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { Scene } from '../scene/types.ts';
import { renderSvg } from './svg.ts';

const require = createRequire(import.meta.url);

/** The font file the package ships: every PNG is drawn with it, on every machine. */
export const FONT_FILE: string = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

export interface PngOptions {
  /** Device pixels per CSS px. Default 2. */
  readonly scale?: number;
}

/** Draws a scene as PNG bytes through resvg, with only the shipped font loaded. */
export function renderPng(scene: Scene, options: PngOptions = {}): Uint8Array {
  const svg = renderSvg(scene, { imageRendering: 'resvg' });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: scene.fontFamily },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 1,
  });
  return resvg.render().asPng();
}

/**
 * Drawing a scene on a canvas (the HTML view): every primitive but the cells, which the view
 * draws as one image per panel. Browser code.
 */
import type { Primitive, Scene } from '../scene/types.ts';

/** Draws the scene at `dpr` device pixels per px; `cells` is called once, where the cells would be drawn. */
export function paintScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  dpr: number,
  cells: () => void,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textBaseline = 'alphabetic';
  let cellsDrawn = false;
  const pen: Pen = { font: '', size: 0, bold: false, align: '', fill: '' };
  const all = scene.primitives;
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    if ((p.type === 'rect' && p.role === 'cell') || (p.type === 'image' && p.role === 'cells')) {
      if (!cellsDrawn) {
        cells();
        // The cells may have set the context's state: the pen starts anew.
        pen.font = pen.align = pen.fill = '';
        ctx.textBaseline = 'alphabetic';
      }
      cellsDrawn = true;
      continue;
    }
    drawPrimitive(ctx, p, pen);
  }
}

/** The canvas font of text `size` px high, bold or not: DejaVu Sans, as the SVG names it. */
export const canvasFont = (size: number, bold: boolean) =>
  `${bold ? 'bold ' : ''}${size}px "DejaVu Sans", Verdana, sans-serif`;

/**
 * The text state last set on the context, so that a scene's many texts (a scene's own
 * annotations, when it has them; the view draws its own apart) set the font, which the canvas
 * parses each time, once, not once each: a 50×50 annotated grid spent most of its drawing in
 * setting state and saving and restoring it.
 */
interface Pen {
  font: string;
  /** The size and weight `font` was made for. */
  size: number;
  bold: boolean;
  align: string;
  fill: string;
}

/** Draws an image (pixels or a decoded picture) into a box in CSS px, on device pixels, never smoothed. */
export function drawCrisp(
  ctx: CanvasRenderingContext2D,
  img: CanvasImageSource,
  x: number,
  y: number,
  w: number,
  h: number,
  dpr: number,
): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(
    img,
    Math.round(x * dpr),
    Math.round(y * dpr),
    Math.round((x + w) * dpr) - Math.round(x * dpr),
    Math.round((y + h) * dpr) - Math.round(y * dpr),
  );
  ctx.restore();
}

/** RGBA bytes as a canvas one pixel per byte quadruple. */
export function pixelsCanvas(rgba: Uint8Array, w: number, h: number): HTMLCanvasElement {
  const off = document.createElement('canvas');
  off.width = w;
  off.height = h;
  off
    .getContext('2d')!
    .putImageData(
      new ImageData(
        new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.byteLength),
        w,
        h,
      ),
      0,
      0,
    );
  return off;
}

function drawPrimitive(ctx: CanvasRenderingContext2D, p: Primitive, pen: Pen): void {
  switch (p.type) {
    case 'rect':
      ctx.fillStyle = pen.fill = p.fill;
      ctx.fillRect(p.x, p.y, p.w, p.h);
      return;
    case 'text': {
      if (p.size !== pen.size || (p.bold === true) !== pen.bold || !pen.font) {
        pen.size = p.size;
        pen.bold = p.bold === true;
        const font = canvasFont(p.size, p.bold === true);
        if (font !== pen.font) ctx.font = pen.font = font;
      }
      const align = p.anchor === 'middle' ? 'center' : p.anchor;
      if (align !== pen.align) ctx.textAlign = pen.align = align as CanvasTextAlign;
      if (p.fill !== pen.fill) ctx.fillStyle = pen.fill = p.fill;
      if (!p.rotate) {
        ctx.fillText(p.text, p.x, p.y);
        return;
      }
      ctx.save();
      ctx.translate(p.x, p.y);
      ctx.rotate((p.rotate * Math.PI) / 180);
      ctx.fillText(p.text, 0, 0);
      ctx.restore();
      return;
    }
    case 'line':
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.width;
      ctx.beginPath();
      ctx.moveTo(p.x1, p.y1);
      ctx.lineTo(p.x2, p.y2);
      ctx.stroke();
      return;
    case 'polygon':
      ctx.beginPath();
      p.points.forEach(([x, y], i) => {
        if (i) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
      });
      ctx.closePath();
      if (p.fill) {
        ctx.fillStyle = pen.fill = p.fill;
        ctx.fill();
      }
      if (p.stroke) {
        ctx.strokeStyle = p.stroke;
        ctx.lineWidth = p.width;
        ctx.stroke();
      }
      return;
    case 'image': {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(pixelsCanvas(p.rgba, p.pixelWidth, p.pixelHeight), p.x, p.y, p.w, p.h);
    }
  }
}

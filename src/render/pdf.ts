import PDFDocument from 'pdfkit';
import type { Scene } from '../scene/types.ts';
import { encodePng } from './png-encode.ts';
import { FONT_FILE } from './png.ts';

/** PDF points per CSS px: a figure keeps its physical size (96 px = 72 pt = 1 in). */
const PT_PER_PX = 0.75;

export interface PdfOptions {
  /** Stored as the document's Subject. Default: the scene's description. */
  readonly subject?: string;
}

/**
 * Draws a scene as a vector PDF: cells as filled rectangles, text as real (selectable)
 * text in the shipped font, the colorbar as an image. Deterministic: the creation date
 * is fixed, so the same scene gives the same bytes.
 */
export function renderPdf(scene: Scene, options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [scene.width * PT_PER_PX, scene.height * PT_PER_PX],
    margin: 0,
    compress: true,
    info: {
      Title: scene.title,
      Creator: 'heatfig',
      Producer: 'heatfig',
      CreationDate: new Date(0),
      ModDate: new Date(0),
      ...((options.subject ?? scene.description)
        ? { Subject: options.subject ?? scene.description }
        : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont('text', FONT_FILE);
  doc.scale(PT_PER_PX);
  for (const p of scene.primitives) {
    switch (p.type) {
      case 'rect':
        // Cells overlap their right and bottom neighbours by a hair so viewers that
        // anti-alias each fill show no seams; later cells cover the overlap.
        if (p.role === 'cell') doc.rect(p.x, p.y, p.w + 0.25, p.h + 0.25).fill(p.fill);
        else doc.rect(p.x, p.y, p.w, p.h).fill(p.fill);
        break;
      case 'text': {
        doc.save();
        if (p.rotate) doc.rotate(p.rotate, { origin: [p.x, p.y] });
        const start =
          p.x - (p.anchor === 'middle' ? p.width / 2 : p.anchor === 'end' ? p.width : 0);
        doc
          .font('text')
          .fontSize(p.size)
          .fillColor(p.fill)
          .text(p.text, start, p.y, { lineBreak: false, baseline: 'alphabetic' });
        doc.restore();
        break;
      }
      case 'line':
        doc.moveTo(p.x1, p.y1).lineTo(p.x2, p.y2).lineWidth(p.width).stroke(p.stroke);
        break;
      case 'polygon': {
        const pts = p.points.map(([x, y]) => [x, y] as [number, number]);
        doc.polygon(...pts);
        if (p.fill && p.stroke) doc.lineWidth(p.width).fillAndStroke(p.fill, p.stroke);
        else if (p.fill) doc.fill(p.fill);
        else if (p.stroke) doc.lineWidth(p.width).lineJoin('miter').stroke(p.stroke);
        break;
      }
      case 'image': {
        const png = encodePng(p.rgba, p.pixelWidth, p.pixelHeight, 1);
        doc.image(Buffer.from(png), p.x, p.y, { width: p.w, height: p.h });
        break;
      }
    }
  }
  doc.end();
  return done;
}

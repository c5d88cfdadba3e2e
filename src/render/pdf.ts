import PDFDocument from 'pdfkit';
import type { Scene } from '../scene/types.ts';
import { chainMeasurer, type FontFace } from '../text/chain.ts';
import { dejavuSansMeasurer, type TextMeasurer } from '../text/measure.ts';
import { encodePng } from './png/encode.ts';
import { BOLD_FONT_FILE, FONT_FILE } from '../text/shipped-font.ts';
import { textStart } from '../scene/text.ts';

/**
 * Runs of a text, each in the first font of the chain that has its characters (index into
 * the user's fonts; -1 for DejaVu Sans, the last), with where each starts in px.
 */
function fontRuns(
  text: string,
  size: number,
  faces: readonly FontFace[],
  m: TextMeasurer,
): { font: number; text: string; x: number }[] {
  const chars = [...text];
  const offsets = m.offsets(text, size);
  const runs: { font: number; text: string; x: number }[] = [];
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    const font = faces.findIndex((f) => f.advance(cp) !== undefined);
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch, x: offsets[i]! });
  });
  return runs;
}

/** PDF points per CSS px: a figure keeps its physical size (96 px = 72 pt = 1 in). */
const PT_PER_PX = 0.75;

export interface PdfOptions {
  /** Stored as the document's Subject. Default: the scene's description. */
  readonly subject?: string;
  /** The scene's font files (scene.fonts), read: each embedded, with its metrics. */
  readonly fonts?: readonly {
    readonly file: string;
    readonly postscriptName: string;
    readonly face: FontFace;
    /** Its bold face's file (highlighted cell text), if it has one. */
    readonly bold?: string;
  }[];
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
  doc.registerFont('text-bold', BOLD_FONT_FILE);
  // The user's fonts, tried in order before DejaVu Sans: each text is written in runs, each
  // run in the first font that has its characters, where the layout measured it.
  const own = options.fonts ?? [];
  own.forEach((f, i) => {
    // A collection (.ttc) names its face; a single font file is given alone.
    if (/\.(ttc|otc)$/i.test(f.file)) doc.registerFont(`own${i}`, f.file, f.postscriptName);
    else doc.registerFont(`own${i}`, f.file);
    if (f.bold) doc.registerFont(`own${i}-bold`, f.bold);
  });
  // Bold text in the bold face of the font each run is in; a user's font file has none, and
  // its runs stay regular.
  const fontName = (run: number, bold: boolean) =>
    run < 0
      ? bold
        ? 'text-bold'
        : 'text'
      : bold && own[run]!.bold
        ? `own${run}-bold`
        : `own${run}`;
  const faces = own.map((f) => f.face);
  const measurer = own.length ? chainMeasurer(faces, dejavuSansMeasurer()) : null;
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
        const start = textStart(p);
        const runs = measurer
          ? fontRuns(p.text, p.size, faces, measurer)
          : [{ font: -1, text: p.text, x: 0 }];
        for (const run of runs)
          doc
            .font(fontName(run.font, p.bold === true))
            .fontSize(p.size)
            .fillColor(p.fill)
            .text(run.text, start + run.x, p.y, { lineBreak: false, baseline: 'alphabetic' });
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

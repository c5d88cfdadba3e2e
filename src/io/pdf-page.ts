/**
 * A page of a PDF as a PNG, for reading a heatmap image back (issue 20), drawn by poppler's
 * pdftoppm when the machine has it (Debian's poppler-utils); heatfig ships no PDF rasteriser.
 * The PDF's bytes (already read, bounded) are given on standard input, not its path again.
 * The page is drawn at 150 dpi (less for a page so large that it would pass the pixels read),
 * its shapes without anti-aliasing.
 */
import { spawnSync } from 'node:child_process';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { MAX_IMAGE_PIXELS } from '../read/png.ts';

/** The resolution a page is drawn at: text of 8 pt is then 17 px high, clear to OCR. */
export const PDF_DPI = 150;
const TIMEOUT_MS = 120_000;

export function isPdf(bytes: Uint8Array): boolean {
  return String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

function poppler(
  tool: string,
  args: string[],
  pdf: Uint8Array,
  source: string,
  maxBuffer: number,
): Buffer {
  const r = spawnSync(tool, [...args, 'fd://0'], {
    input: pdf,
    maxBuffer,
    timeout: TIMEOUT_MS,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new HeatfigError('no-rasteriser', msg.noPdfRasteriser(tool), source);
  if (r.error || r.status !== 0)
    throw new HeatfigError('bad-image', msg.pdfUnreadable(tool, firstLine(r.stderr)), source);
  return r.stdout;
}

const firstLine = (b: Buffer | null) =>
  (b?.toString('utf8') ?? '').split('\n').find((l) => l.trim() !== '') ?? '';

/** Page `page` (1-based) of the PDF `pdf` as PNG bytes. */
export function pdfPagePng(pdf: Uint8Array, page: number, source: string): Uint8Array {
  const info = (args: string[]) =>
    poppler('pdfinfo', args, pdf, source, 1 << 20).toString('latin1');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info([]))?.[1] ?? Number.NaN);
  if (!(pages >= 1)) throw new HeatfigError('bad-image', msg.pdfUnreadable('pdfinfo', ''), source);
  if (page > pages) throw new HeatfigError('bad-option', msg.pdfNoPage(page, pages), '--page');
  // Its size in points (1/72 in), turned as it is shown.
  const size = new RegExp(`^Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+) pts`, 'm').exec(
    info(['-f', String(page), '-l', String(page)]),
  );
  const w = Number(size?.[1] ?? 612);
  const h = Number(size?.[2] ?? 792);
  const fits = 72 * Math.sqrt((0.5 * MAX_IMAGE_PIXELS) / Math.max(1, w * h));
  const dpi = Math.max(1, Math.min(PDF_DPI, Math.floor(fits)));
  const png = poppler(
    'pdftoppm',
    // Shapes drawn without anti-aliasing (text keeps it): a heatmap's cells and the thin
    // lines between them then land on whole pixels, as a PNG's do, not half-blended.
    [
      '-f',
      String(page),
      '-l',
      String(page),
      '-r',
      String(dpi),
      '-aaVector',
      'no',
      '-png',
      '-singlefile',
    ],
    pdf,
    source,
    // The PNG of the largest page drawn, uncompressed: RGB and a filter byte a row.
    MAX_IMAGE_PIXELS * 3 + (1 << 20),
  );
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

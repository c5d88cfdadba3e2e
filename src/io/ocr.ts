/**
 * Text recognition for reading heatmap images back: tesseract.js with the English model from
 * the npm package @tesseract.js-data/eng (both optional packages, loaded only to read an
 * image; nothing is downloaded, nothing is cached to disk).
 */
import type { Recognize, Word } from '../read/ticks.ts';
import { availableParallelism } from 'node:os';
import { requireOptional } from './optional.ts';
import { encodePng } from '../render/png/encode.ts';

export interface Recognizer {
  /** Reads a line of numbers (the numbers printed over a row of cells). */
  readonly recognize: Recognize;
  /** Reads one number as a word (a colorbar's tick label, an axis numbered). */
  readonly recognizeNumber: Recognize;
  /** Reads a line of any text (the axes' labels). */
  readonly recognizeText: Recognize;
  /** How many strips it reads at once. */
  readonly parallel: number;
  close(): Promise<void>;
}

type TessWord = {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  symbols?: { text: string; bbox: { x0: number; x1: number } }[];
};

/**
 * A word as tesseract gives it, parted where its characters are further apart than the word
 * is high: no space within a word is that wide (tesseract, given a line of numbers with only
 * their symbols allowed, can give the whole line as one word).
 */
function split(w: TessWord): Word[] {
  const box = { x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 };
  const symbols = w.symbols ?? [];
  const whole = { text: w.text, confidence: w.confidence, box };
  if (symbols.length < 2 || symbols.map((c) => c.text).join('') !== w.text) return [whole];
  const out: Word[] = [];
  let start = 0;
  for (let i = 1; i <= symbols.length; i++) {
    const apart =
      i === symbols.length || symbols[i]!.bbox.x0 - symbols[i - 1]!.bbox.x1 > box.y1 - box.y0;
    if (!apart) continue;
    const part = symbols.slice(start, i);
    out.push({
      text: part.map((c) => c.text).join(''),
      confidence: w.confidence,
      box: { x0: part[0]!.bbox.x0, y0: box.y0, x1: part[part.length - 1]!.bbox.x1, y1: box.y1 },
    });
    start = i;
  }
  return out;
}

type Mode = 'numbers' | 'number' | 'text';

/**
 * The largest image given to tesseract.js: 32,767 px a side (an image of 30,000 × 1,000 px is
 * read, one 35,092 px wide is not), 30 million pixels in all. A strip of the reader's is far
 * smaller (a row of 60 printed numbers, about 10,000 × 60 px); one this large comes of a grid
 * misfound.
 */
export const MAX_SIDE = 32_767;
export const MAX_PIXELS = 30_000_000;

/**
 * Workers by default: one a core, up to four. Each holds its own copy of the model (about
 * 100 MB) and reads a strip at a time; a grid's rows are read at once by as many.
 */
const defaultWorkers = () => Math.max(1, Math.min(4, availableParallelism()));

/**
 * tesseract.js workers that read numbers (the characters of numbers only), `workers` of them
 * reading at once: a call waits for a free one. What a strip is read as does not depend on
 * which worker reads it, or on what it read before (each is told the mode of the call).
 */
export async function numberRecognizer(workers = defaultWorkers()): Promise<Recognizer> {
  const what = 'reading a heatmap image';
  const t = requireOptional<typeof import('tesseract.js')>('tesseract.js', what, 'tesseract.js');
  const eng = requireOptional<{ langPath: string }>(
    '@tesseract.js-data/eng',
    what,
    '@tesseract.js-data/eng',
  );
  const start = async () => {
    // The LSTM model alone (the package's best_int, 2.9 MB): the default data holds the
    // legacy engine's too, which the LSTM engine does not use (10.9 MB, 100 MB more held).
    const worker = await t.createWorker('eng', t.OEM.LSTM_ONLY, {
      langPath: `${eng.langPath}_best_int`,
      gzip: true,
      cacheMethod: 'none',
      logger: () => {},
      errorHandler: () => {},
    });
    await worker.setParameters({
      // One line of text a call: the reader finds the lines itself (single digits are lost
      // when tesseract looks for sparse text in a larger image).
      tessedit_pageseg_mode: t.PSM.SINGLE_LINE,
      // Given, so that tesseract does not estimate it (and say so on standard error).
      user_defined_dpi: '300',
      // Text is given dark on light: a line read with low confidence is not read again
      // inverted (tesseract's default, a second recognition of it).
      tessedit_do_invert: '0',
    });
    return { worker, mode: null as Mode | null };
  };
  type Slot = Awaited<ReturnType<typeof start>>;
  const slots = await Promise.all(Array.from({ length: workers }, start));
  const free = [...slots];
  const waiting: ((s: Slot) => void)[] = [];
  const acquire = () =>
    free.length ? Promise.resolve(free.pop()!) : new Promise<Slot>((r) => waiting.push(r));
  const release = (s: Slot) => {
    const next = waiting.shift();
    if (next) next(s);
    else free.push(s);
  };
  const psm = (m: Mode) => (m === 'number' ? t.PSM.SINGLE_WORD : t.PSM.SINGLE_LINE);
  const read = async (want: Mode, rgba: Uint8Array, width: number, height: number) => {
    // Past what tesseract.js reads (a strip 35,092 px wide failed inside its worker with a
    // bare "Unexpected end of JSON input"): nothing is read, and the caller says so.
    if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) return [];
    const png = encodePng(rgba, width, height, 1);
    const slot = await acquire();
    const { worker } = slot;
    const wordsOf = async () => {
      // Tesseract's own messages (a line too narrow to scale: "Image too small to scale!!")
      // go to the result's debug text, not to the user's terminal.
      const r = await worker.recognize(Buffer.from(png), {}, { blocks: true, debug: true });
      const words: Word[] = [];
      for (const b of r.data.blocks ?? [])
        for (const p of b.paragraphs)
          for (const l of p.lines) for (const w of l.words) words.push(...split(w));
      return words;
    };
    try {
      if (slot.mode !== want) {
        // Unknown until set again: a call that fails part way leaves the worker's mode unsaid.
        slot.mode = null;
        await worker.setParameters({
          tessedit_char_whitelist: want === 'text' ? '' : '0123456789.,-+e%\u2212\u2013\u2014',
          // One number as a word: read as a line, a lone 6 was read as 0.
          tessedit_pageseg_mode: psm(want),
        });
        slot.mode = want;
      }
      const words = await wordsOf();
      if (words.some((w) => /[\p{L}\p{N}]/u.test(w.text))) return words;
      // Nothing read: a single character (a colorbar tick 2, a row label 7) that tesseract
      // does not take for a line; read as one character instead.
      slot.mode = null;
      await worker.setParameters({ tessedit_pageseg_mode: t.PSM.SINGLE_CHAR });
      const one = await wordsOf();
      await worker.setParameters({ tessedit_pageseg_mode: psm(want) });
      slot.mode = want;
      return one;
    } finally {
      release(slot);
    }
  };
  return {
    recognize: (rgba, width, height) => read('numbers', rgba, width, height),
    recognizeNumber: (rgba, width, height) => read('number', rgba, width, height),
    recognizeText: (rgba, width, height) => read('text', rgba, width, height),
    parallel: workers,
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

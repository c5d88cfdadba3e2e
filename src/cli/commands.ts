import {
  gridCsv,
  gridSpec,
  readHeatmapFile,
  HeatfigError,
  formatFromPath,
  type OutputFormat,
  outputData,
  renderSpec,
  describeFile,
  writeFileAtomic,
  checkNotInput,
  DESCRIBE_PIXEL_RATIO,
  OUTPUTS,
} from '../node.ts';

import { runInput } from './run-input.ts';
import * as msg from '../messages.ts';

export async function describeCommand(input: string, o: Record<string, unknown>): Promise<void> {
  const read: string[] = [];
  // The description alone: no layout, scene or output is made for it.
  const d = (await runInput(describeFile, input, o, 'svg', DESCRIBE_PIXEL_RATIO, read)).description;
  const text =
    o['format'] === 'json'
      ? `${JSON.stringify({ markdown: d.markdown, sentences: d.sentences, claims: d.claims }, null, 1)}\n`
      : d.markdown;
  const out = (o['output'] as string | undefined) ?? '-';
  // Labels are the data's words: on a terminal, their control characters are shown escaped.
  writeFileAtomic(out, out === '-' && process.stdout.isTTY ? terminalSafe(text, true) : text, read);
}

/**
 * Text from the data (file names, labels) made safe to print: control characters, escape
 * sequences and the C1 range are shown escaped (\x1b), so a label cannot move the cursor,
 * recolour or retitle a terminal. Newlines are kept in a document (describe's markdown).
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    keepNewlines && (c === '\n' || c === '\t')
      ? c
      : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** Milliseconds since the process started (process.uptime: `performance` would load perf_hooks). */
const msSinceStart = () => process.uptime() * 1000;

export async function renderCommand(input: string, o: Record<string, unknown>): Promise<void> {
  const out = o['output'] as string;
  if (out === '-' && o['format'] === undefined)
    throw new HeatfigError('bad-option', msg.stdoutNeedsFormat(), '-o');
  const format: OutputFormat = (o['format'] as OutputFormat | undefined) ?? formatFromPath(out);
  const dpi = o['dpi'] as number | undefined;
  if (dpi !== undefined && o['scale'] !== undefined)
    throw new HeatfigError('bad-option', msg.scaleAndDpi(), '--dpi');
  if (dpi !== undefined && format !== 'png')
    throw new HeatfigError('bad-option', msg.dpiNotPng(format), '--dpi');
  const scale = (o['scale'] as number | undefined) ?? (dpi !== undefined ? dpi / 96 : undefined);
  const read: string[] = [];
  if (out !== '-') checkNotInput(out, [input]);
  // --verbose shows the SQL an engine is sent, as it is sent.
  const log = o['verbose']
    ? (sql: string, engine: string) => process.stderr.write(`heatfig: ${engine}: ${sql}\n`)
    : undefined;
  const result = await runInput(
    renderSpec,
    input,
    o,
    format,
    format === 'png' ? scale : undefined,
    read,
    log,
  );
  const rendered = msSinceStart();
  const data = await outputData(result, format, {
    ...(scale ? { scale } : {}),
    ...(dpi !== undefined ? { dpi } : {}),
  });
  const encoded = msSinceStart();
  writeFileAtomic(out, data, read);
  const written = msSinceStart();
  if (!o['quiet'])
    for (const w of result.warnings) process.stderr.write(`heatfig: warning: ${terminalSafe(w)}\n`);
  if (o['verbose']) {
    const stages = [
      ...result.timings,
      ...(OUTPUTS[format].text ? [] : [[format.toUpperCase(), encoded - rendered] as const]),
      ['write', written - encoded] as const,
    ];
    process.stderr.write(
      `heatfig: wrote ${out} (${typeof data === 'string' ? Buffer.byteLength(data) : data.length} bytes, ${result.scene.width}×${result.scene.height} px)\n` +
        `heatfig: ${Math.round(written)} ms since start; ${stages.map(([s, ms]) => `${s} ${ms.toFixed(1)}`).join(', ')} ms\n`,
    );
  }
}

/**
 * `heatfig sql`: the SQL heatfig sends for the input's long data, each statement as it is
 * sent (the planning queries run, since the final GROUP BY is written from their answers).
 */
export async function sqlCommand(input: string, o: Record<string, unknown>): Promise<void> {
  let any = false;
  const log = (sql: string) => {
    any = true;
    process.stdout.write(`${sql};\n`);
  };
  // The queries run before the pipeline would: nothing more is needed of it.
  await runInput(() => undefined, input, o, 'svg', DESCRIBE_PIXEL_RATIO, [], log);
  if (!any) throw new HeatfigError('bad-option', msg.noQuery(), input);
}

/**
 * `heatfig read IMAGE -o data.csv|spec.json`: a heatmap image read back into its grid (CSV
 * as pandas writes it, or a spec with the values inline), rounded to what the pixels hold;
 * what could not be read is said as warnings.
 */
export async function readCommand(input: string, o: Record<string, unknown>): Promise<void> {
  const out = o['output'] as string;
  const format =
    (o['format'] as string | undefined) ??
    (/\.json$/i.test(out) ? 'json' : /\.csv$/i.test(out) ? 'csv' : null);
  if (!format) throw new HeatfigError('bad-option', msg.readOutputFormat(), '-o');
  if (out !== '-') checkNotInput(out, [input]);
  const page = o['page'] as number | undefined;
  const panel = o['panel'] as number | undefined;
  const r = await readHeatmapFile(input, undefined, {
    ...(page !== undefined ? { page } : {}),
    ...(panel !== undefined ? { panel } : {}),
  });
  const text = format === 'csv' ? gridCsv(r) : `${JSON.stringify(gridSpec(r), null, 1)}\n`;
  writeFileAtomic(out, text, [input]);
  if (!o['quiet'])
    for (const w of r.grid.notes ?? [])
      process.stderr.write(`heatfig: warning: ${terminalSafe(w)}\n`);
}

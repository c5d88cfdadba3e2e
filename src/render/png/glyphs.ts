import type { TextPrimitive } from '../../scene/types.ts';
import { DEJAVU_SANS_GLYPHS } from '../../text/dejavu-glyphs.ts';
import { DEJAVU_SANS } from '../../text/dejavu-metrics.ts';
import { dejavuSansMeasurer } from '../../text/measure.ts';
import { num } from '../svg-util.ts';
import { textStart } from '../../scene/text.ts';

const measurer = dejavuSansMeasurer();
const id = (ch: string) => `hfg${ch.codePointAt(0)}`;

/** True if every character of the text has an outline here (printable ASCII and spaces). */
export function hasGlyphs(text: string): boolean {
  for (const ch of text) if (ch !== ' ' && DEJAVU_SANS_GLYPHS[ch] === undefined) return false;
  return true;
}

/**
 * A text as shared glyph outlines: one `<use>` per character of a `<path>` defined once in
 * `<defs>`, placed with the same advances and kerning the layout measured. A renderer then
 * fills paths instead of shaping thousands of strings (resvg spends most of an annotated
 * figure's time shaping). `used` collects the glyphs to define.
 */
export function glyphRun(p: TextPrimitive, used: Set<string>): string {
  const k = p.size / DEJAVU_SANS.unitsPerEm;
  const start = textStart(p);
  const offsets = measurer.offsets(p.text, p.size);
  const uses: string[] = [];
  [...p.text].forEach((ch, i) => {
    if (ch === ' ') return;
    used.add(ch);
    uses.push(`<use href="#${id(ch)}" x="${num(offsets[i]! / k)}"/>`);
  });
  const rot = p.rotate ? `rotate(${num(p.rotate)} ${num(p.x)} ${num(p.y)}) ` : '';
  const fill = p.fill === '#000000' ? '' : ` fill="${p.fill}"`;
  return `<g${fill} transform="${rot}translate(${num(start)} ${num(p.y)}) scale(${k} ${-k})">${uses.join('')}</g>`;
}

/** The `<defs>` of the glyphs used. */
export function glyphDefs(used: ReadonlySet<string>): string {
  return `<defs>${[...used]
    .sort()
    .map((ch) => `<path id="${id(ch)}" d="${DEJAVU_SANS_GLYPHS[ch]}"/>`)
    .join('')}</defs>`;
}

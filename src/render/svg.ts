import { base64FromBytes } from '../util/base64.ts';
import type { Primitive, Scene, TextPrimitive } from '../scene/types.ts';
import { encodePng } from './png/encode.ts';
import { escapeXml, num } from './svg-util.ts';

export { escapeXml, num } from './svg-util.ts';

/**
 * The ids of a figure's title and description: `heatfig-` and a hash of what the figure shows,
 * so two figures on one page are announced each as itself, and the same figure gives the same
 * bytes (SvgOptions.idPrefix sets one of the page's choosing).
 */
export function figureId(scene: Scene): string {
  let h = 0x811c9dc5;
  // The title, the description's opening (its overview names the data's size and range) and
  // length, the size and the number of primitives: enough to tell figures apart, cheaply.
  const d = scene.description;
  const text = `${scene.title}\u0000${d.slice(0, 400)}\u0000${d.length}\u0000${scene.width}x${scene.height}\u0000${scene.primitives.length}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `heatfig-${(h >>> 0).toString(36)}`;
}

export interface SvgOptions {
  /** The prefix of the ids in the SVG (its title and description). Default: figureId(scene). */
  readonly idPrefix?: string;
  /** Leave out the cell images (the PNG writer copies them in itself, pixel for pixel). */
  readonly omitCellImages?: boolean;
  /**
   * Draws text as shared glyph outlines rather than `<text>` (fast in resvg; not selectable):
   * render/glyphs.ts provides it, passed in so that SVG alone does not carry the outlines.
   */
  readonly glyphs?: {
    has(text: string): boolean;
    run(p: TextPrimitive, used: Set<string>): string;
    defs(used: ReadonlySet<string>): string;
  };
  /**
   * How to spell nearest-neighbour scaling of images: browsers want `pixelated`, resvg
   * wants `optimizeSpeed` (and is smoothed by the other spellings). Default 'browser'.
   */
  readonly imageRendering?: 'browser' | 'resvg';
}

const GROUP_ATTRS: Partial<Record<Primitive['role'], string>> = {
  cell: ' shape-rendering="crispEdges"',
  annot: ' class="annot"',
  tick: ' shape-rendering="crispEdges"',
};

/**
 * Writes a scene as SVG text. Cells are `<rect>`s carrying `data-row`, `data-col` (0-based),
 * `data-panel` and `data-value` (full precision); text is real `<text>`. Deterministic:
 * the same scene gives the same string.
 */
export function renderSvg(scene: Scene, options: SvgOptions = {}): string {
  const rendering = options.imageRendering === 'resvg' ? 'optimizeSpeed' : 'pixelated';
  const id = escapeXml(options.idPrefix ?? figureId(scene));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(scene.width)}" height="${num(scene.height)}" ` +
      `viewBox="0 0 ${num(scene.width)} ${num(scene.height)}" role="img" aria-labelledby="${id}-title"${scene.description ? ` aria-describedby="${id}-desc"` : ''} ` +
      `font-family="${escapeXml(scene.fontFamily)}, ${/Serif"/.test(scene.fontFamily) ? 'serif' : 'Verdana, sans-serif'}" xml:space="preserve">`,
  );
  out.push(`<title id="${id}-title">${escapeXml(scene.title)}</title>`);
  if (scene.description) out.push(`<desc id="${id}-desc">${escapeXml(scene.description)}</desc>`);
  // Annotations share their size and anchor: said once on their group, not on each text.
  const shared = sharedAnnotationStyle(scene.primitives);
  const groupAttrs = (role: Primitive['role']) =>
    role === 'annot' && shared
      ? `${GROUP_ATTRS.annot} font-size="${num(shared.size)}"${shared.anchor === 'start' ? '' : ` text-anchor="${shared.anchor}"`}`
      : GROUP_ATTRS[role];
  let group: string | null = null;
  const used = new Set<string>();
  const defsAt = out.length;
  const primitives = scene.primitives;
  // Elements are joined into one string every few hundred: each is a tree of small strings
  // until joined, and thousands of them alive at once made every garbage collection copy them.
  let batch: string[] = [];
  for (let i = 0; i < primitives.length; i++) {
    const p = primitives[i]!;
    if (options.omitCellImages && p.type === 'image' && p.role === 'cells') continue;
    const g = p.role in GROUP_ATTRS ? p.role : null;
    if (g !== group) {
      if (group !== null) batch.push('</g>');
      if (g !== null) batch.push(`<g${groupAttrs(g as Primitive['role'])}>`);
      group = g;
    }
    const glyphs = options.glyphs;
    batch.push(
      glyphs && p.type === 'text' && !p.bold && glyphs.has(p.text)
        ? glyphs.run(p, used)
        : primitiveSvg(p, rendering, p.role === 'annot' ? shared : null),
    );
    if (batch.length >= 256) {
      out.push(batch.join('\n'));
      batch = [];
    }
  }
  if (group !== null) batch.push('</g>');
  if (batch.length) out.push(batch.join('\n'));
  if (used.size && options.glyphs) out.splice(defsAt, 0, options.glyphs.defs(used));
  // The last, empty part gives the final newline (joined once, with no copy after).
  out.push('</svg>', '');
  return out.join('\n');
}

/** The size and anchor every annotation has, or null if they differ (or there are none). */
function sharedAnnotationStyle(
  primitives: readonly Primitive[],
): { size: number; anchor: TextPrimitive['anchor'] } | null {
  let shared: { size: number; anchor: TextPrimitive['anchor'] } | null = null;
  for (let i = 0; i < primitives.length; i++) {
    const p = primitives[i]!;
    if (p.type !== 'text' || p.role !== 'annot') continue;
    if (shared === null) shared = { size: p.size, anchor: p.anchor };
    else if (p.size !== shared.size || p.anchor !== shared.anchor) return null;
  }
  return shared;
}

function primitiveSvg(
  p: Primitive,
  rendering: string,
  inherited: { size: number; anchor: string } | null,
): string {
  switch (p.type) {
    case 'rect': {
      const cell = p.cell;
      const data = cell
        ? ` data-panel="${cell.panel}" data-row="${cell.row}" data-col="${cell.col}" data-value="${cell.value}"`
        : '';
      return `<rect x="${num(p.x)}" y="${num(p.y)}" width="${num(p.w)}" height="${num(p.h)}" fill="${p.fill}"${data}/>`;
    }
    case 'text': {
      const anchor = inherited || p.anchor === 'start' ? '' : ` text-anchor="${p.anchor}"`;
      const size = inherited ? '' : ` font-size="${num(p.size)}"`;
      const rot = p.rotate ? ` transform="rotate(${num(p.rotate)} ${num(p.x)} ${num(p.y)})"` : '';
      const fill = p.fill === '#000000' ? '' : ` fill="${p.fill}"`;
      const weight = p.bold ? ' font-weight="bold"' : '';
      return `<text x="${num(p.x)}" y="${num(p.y)}"${size}${anchor}${fill}${weight}${rot}>${escapeXml(p.text)}</text>`;
    }
    case 'line':
      return `<line x1="${num(p.x1)}" y1="${num(p.y1)}" x2="${num(p.x2)}" y2="${num(p.y2)}" stroke="${p.stroke}" stroke-width="${num(p.width)}"/>`;
    case 'polygon': {
      const pts = p.points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
      const stroke = p.stroke
        ? ` stroke="${p.stroke}" stroke-width="${num(p.width)}" stroke-linejoin="miter"`
        : '';
      return `<polygon points="${pts}" fill="${p.fill ?? 'none'}"${stroke}/>`;
    }
    case 'image': {
      // Cell images deflate fast; the colorbar's few bytes are stored as they are.
      const png = encodePng(p.rgba, p.pixelWidth, p.pixelHeight, p.role === 'cells' ? 1 : 0);
      return (
        `<image x="${num(p.x)}" y="${num(p.y)}" width="${num(p.w)}" height="${num(p.h)}" preserveAspectRatio="none" ` +
        `image-rendering="${rendering}" href="data:image/png;base64,${base64FromBytes(png)}"/>`
      );
    }
  }
}

/**
 * The scene: a flat, serialisable list of primitives, the one contract between layout and
 * every renderer. All coordinates and sizes are CSS px (1/96 in) from the top-left corner;
 * colours are `#rrggbb`; angles are degrees clockwise (as SVG). Renderers draw it and
 * decide nothing.
 */

import type { TextRole } from '../layout/layout.ts';

export interface CellRef {
  readonly panel: number;
  /** 0-based position in the panel. */
  readonly row: number;
  readonly col: number;
  /** The value at full precision. */
  readonly value: number;
}

export interface RectPrimitive {
  readonly type: 'rect';
  /** marginal: a total beside the grid (spec marginals), outside the colour scale. */
  /** swatch: a category's colour in the legend of categorical data. */
  readonly role: 'background' | 'cell' | 'marginal' | 'masked' | 'swatch';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  readonly cell?: CellRef;
}

export interface TextPrimitive {
  readonly type: 'text';
  /** The layout's text roles, and the annotations the scene adds in cells. */
  readonly role: TextRole | 'annot' | 'marginal';
  readonly text: string;
  /** Anchor point on the baseline. */
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly rotate: number;
  readonly fill: string;
  /**
   * The measured line box before rotation: advance width, ascent above and descent below the
   * baseline. textBox (scene/text-box.ts) gives the axis-aligned bounds of the rotated box.
   */
  readonly width: number;
  readonly ascent: number;
  readonly descent: number;
  readonly cell?: CellRef;
  /** Drawn in the family's bold face (a highlighted cell's text), measured with it. */
  readonly bold?: true;
}

export interface LinePrimitive {
  readonly type: 'line';
  /** cbar-edge: a line between two of the colorbar's colours (colorbar.drawedges). */
  readonly role: 'tick' | 'cell-line' | 'separator' | 'cbar-edge' | 'hatch' | 'dendrogram';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: string;
  readonly width: number;
}

export interface PolygonPrimitive {
  readonly type: 'polygon';
  /** highlight: the outline of a cell marked as best (spec highlight). */
  readonly role: 'cbar-extend' | 'cbar-outline' | 'highlight';
  readonly points: readonly (readonly [number, number])[];
  readonly fill: string | null;
  readonly stroke: string | null;
  readonly width: number;
}

/**
 * A raster drawn into a box, never smoothed: the colorbar's gradient, or a panel's cells (one
 * pixel per cell, or per block of cells when the grid was reduced).
 */
export interface ImagePrimitive {
  readonly type: 'image';
  readonly role: 'colorbar' | 'cells';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** RGBA bytes, row-major from the top (base64 in scene JSON). Alpha 0 marks a missing cell. */
  readonly rgba: Uint8Array;
  readonly smoothing: 'nearest';
}

export type Primitive =
  | RectPrimitive
  | TextPrimitive
  | LinePrimitive
  | PolygonPrimitive
  | ImagePrimitive;

/** A font file a figure draws with: its family, and the file of its bold face if it has one. */
export interface FontRef {
  readonly family: string;
  readonly file: string;
  readonly bold?: string;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly fontFamily: string;
  /**
   * Font files of the figure (a shipped family the spec names, the user's files: a fallback
   * chain before the shipped DejaVu Sans), with their family names and bold faces where known:
   * the PNG and PDF writers draw with them. Absent: DejaVu Sans alone.
   */
  readonly fonts?: readonly FontRef[];
  /** Short accessible name of the figure. */
  readonly title: string;
  /** What the figure shows, in words (heatfig describe's text), for screen readers and metadata. */
  readonly description: string;
  readonly primitives: readonly Primitive[];
}

// The pixel decisions' constants: fitting a grid to pixels (figure/) and the layout share them.

/** Geometry of the layout, in px at font size 12 (text sizes scale with fontSize). */
export const GEOMETRY = {
  /** Space between the drawing and the edge of the canvas. */
  pad: 10,
  /** The grid's long side when nothing else decides the cell size. */
  targetGrid: 480,
  minCell: 2,
  maxCell: 64,
  /** Widest a grid may grow to make room for annotations or horizontal labels. */
  maxGridForAnnot: 1200,
  maxGridForLabels: 640,
  tickLength: 4,
  tickPad: 3,
  /** Space kept between neighbouring labels. */
  labelGap: 3,
  titleGap: 10,
  axisTitleGap: 6,
  colorbarGap: 16,
  colorbarWidth: 16,
  /** The colorbar asks for about one tick per this many px. */
  colorbarTickSpacing: 60,
  annotSize: 12,
  minAnnotSize: 6,
  /** Annotation text keeps this much room on each side inside its cell. */
  annotPadX: 3,
  annotPadY: 2,
  /** Long side of the cell area of a large grid (one over targetGrid cells), in px. */
  rasterGrid: 1000,
  /** "auto" draws cells as a raster from this many cells on… */
  rasterCells: 20_000,
  /** …or when a cell is narrower or shorter than this (px). */
  rasterCellSize: 3,
} as const;

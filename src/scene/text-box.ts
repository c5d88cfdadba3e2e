// The bounds of a text primitive's rotated line box, as layout placed it: a scene carries
// what the box is computed from, not the box itself (for thousands of annotations it was
// most of the scene's memory).
export { textBounds as textBox } from '../layout/text.ts';

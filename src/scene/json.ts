import { base64FromBytes } from '../util/base64.ts';
import type { Scene } from './types.ts';

/**
 * The scene as JSON text, stable for golden tests: coordinates rounded to 3 decimals,
 * cell values kept at full precision, image bytes as base64, keys in the order the scene
 * builds them.
 */
export function sceneToJson(scene: Scene): string {
  return `${JSON.stringify(
    scene,
    (key, value) =>
      value instanceof Uint8Array
        ? base64FromBytes(value)
        : typeof value === 'number' && key !== 'value'
          ? Math.round(value * 1000) / 1000 + 0
          : value,
    1,
  )}\n`;
}

/** JSON nested deeper than this is refused: no spec or data file needs more than a few levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * The JSON path of the first value nested deeper than `max` levels, or null. Iterative, so
 * a file of a million brackets cannot overflow the stack; only arrays and objects are
 * visited, so a grid of numbers costs one step per row.
 */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: [object, string, number][] = [[value, '$', 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (depth >= max) return path;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const x: unknown = v[i];
        if (x !== null && typeof x === 'object') stack.push([x, `${path}[${i}]`, depth + 1]);
      }
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const x: unknown = (v as Record<string, unknown>)[keys[i]!];
        if (x !== null && typeof x === 'object') stack.push([x, `${path}.${keys[i]}`, depth + 1]);
      }
    }
  }
  return null;
}

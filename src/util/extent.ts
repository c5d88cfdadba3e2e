/**
 * The largest and smallest of many numbers, in a loop: `Math.max(...values)` passes every
 * value as an argument and overflows the stack past about 125,000 of them.
 */
export function maxOf(values: ArrayLike<number>, start = -Infinity): number {
  let m = start;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  return m;
}

export function minOf(values: ArrayLike<number>, start = Infinity): number {
  let m = start;
  for (let i = 0; i < values.length; i++) if (values[i]! < m) m = values[i]!;
  return m;
}

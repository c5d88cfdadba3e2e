/**
 * Seeded uniform numbers in (0, 1): a linear congruential sequence (glibc's constants), the
 * same ones for the same seed on any machine. For what must be random yet deterministic
 * (a description's simulated calibrations and permutation tests, and their tests).
 */
export function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

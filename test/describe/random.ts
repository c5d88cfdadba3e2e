/** Seeded random numbers for the description tests: a linear congruential sequence. */

/** Uniform numbers in (0, 1), the same ones for the same seed. */
export function uniforms(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

/** Standard normal numbers (Box–Muller on uniforms(seed)). */
export function normals(seed: number): () => number {
  const u = uniforms(seed);
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

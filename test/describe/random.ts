/** Seeded random numbers for the description tests: a linear congruential sequence. */
import { uniforms } from '../../src/util/uniforms.ts';

/** Uniform numbers in (0, 1), the same ones for the same seed (the library's own). */
export { uniforms };

/** Standard normal numbers (Box–Muller on uniforms(seed)). */
export function normals(seed: number): () => number {
  const u = uniforms(seed);
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/**
 * Writes examples/seed-003.json: the "Targets / Outputs" figure of seed 003. The seed has no
 * numbers, so the data is synthetic and deterministic (a seeded PRNG): two samples of binary
 * targets (8 bits × 4 segments of 24 steps), and a model's outputs whose sharpness decays over
 * time, with errors that persist over a few steps (horizontal streaks), as the seed describes.
 *
 *     node --import tsx examples/generate-seed-003.ts
 */
import { writeFileSync } from 'node:fs';

/** mulberry32: a small seeded PRNG; the same seed gives the same numbers everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BITS = 8;
const SEGMENTS = 4;
const STEPS = 24;
const T = SEGMENTS * STEPS;

function sample(rand: () => number): { targets: number[][]; outputs: number[][] } {
  const gauss = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const targets = Array.from({ length: BITS }, () =>
    Array.from({ length: T }, () => (rand() < 0.5 ? 1 : 0)),
  );
  const outputs = targets.map((row) => {
    let drift = 0;
    return row.map((bit, t) => {
      const progress = t / (T - 1);
      const sharpness = 6 * (1 - progress) + 0.4; // confident early, hesitant late
      drift = 0.8 * drift + 0.6 * gauss(); // persistent error: streaks along time
      const logit = (2 * bit - 1) * sharpness + drift * (0.5 + 2.5 * progress);
      return Math.round(1000 / (1 + Math.exp(-logit))) / 1000;
    });
  });
  return { targets, outputs };
}

const rand = mulberry32(3);
const a = sample(rand);
const b = sample(rand);
const rows = (m: number[][]) =>
  `[\n${m.map((r) => `          ${JSON.stringify(r)}`).join(',\n')}\n        ]`;
const panel = (title: string, m: number[][]) =>
  `    { "title": "${title}", "data": {\n        "values": ${rows(m)}\n      } }`;
const spec = `{
  "$schema": "../schema/heatfig.schema.json",
  "panels": [
${[panel('Targets', a.targets), panel('Outputs', a.outputs), panel('Targets', b.targets), panel('Outputs', b.outputs)].join(',\n')}
  ],
  "xlabel": "Time \u2192",
  "xticklabels": false,
  "yticklabels": false,
  "cmap": "jet",
  "vmin": 0,
  "vmax": 1,
  "cellWidth": 7,
  "cellHeight": 7,
  "panelGap": 10,
  "separators": { "cols": [${Array.from({ length: SEGMENTS - 1 }, (_, i) => (i + 1) * STEPS).join(', ')}], "color": "white", "width": 2 },
  "colorbar": { "ticks": { "step": 0.1 } }
}
`;
writeFileSync(new URL('./seed-003.json', import.meta.url), spec);

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeatfigError } from '../src/errors.ts';
import { sceneToJson } from '../src/scene/json.ts';
import { decodePngRgba } from '../src/read/png.ts';
import { textCorners } from '../src/layout/text.ts';
import type { Scene, TextPrimitive } from '../src/scene/types.ts';
import { textBox } from '../src/scene/text.ts';

export const ROOT = new URL('..', import.meta.url).pathname;

/**
 * A new temporary folder, removed when the test process exits (each test file runs in a
 * process of its own): a run of the suite leaves nothing behind in /tmp. Before, the hostile
 * inputs' folder alone kept 415 MB a run, and 70 GB had piled up on one machine.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Compares `actual` with the golden file test/output/NAME. A missing golden is written (to
 * be looked at once and committed) except under CI, where it fails: a golden that CI writes
 * itself would pin nothing. A different one fails and leaves NAME-changed beside it. Set
 * UPDATE_GOLDEN=1 to accept changes.
 */
export function matchesGolden(name: string, actual: string): { ok: boolean; message: string } {
  const path = `${ROOT}test/output/${name}`;
  const changed = path.replace(/(\.[a-z]+)$/, '-changed$1');
  if (!existsSync(path) && process.env['CI'] && !process.env['UPDATE_GOLDEN'])
    return {
      ok: false,
      message: `${name} has no golden in test/output; write it locally, look at it, commit it`,
    };
  if (!existsSync(path) || process.env['UPDATE_GOLDEN']) {
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return { ok: true, message: '' };
  }
  if (readFileSync(path, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return { ok: true, message: '' };
  }
  writeFileSync(changed, actual);
  return { ok: false, message: `${name} differs from its golden; see ${changed}` };
}

/** A figure's SVG and scene JSON match their goldens, test/output/NAME.svg and NAME.scene.json. */
export function assertGoldens(name: string, r: { output: string; scene: Scene }): void {
  for (const [file, text] of [
    [`${name}.svg`, r.output],
    [`${name}.scene.json`, sceneToJson(r.scene)],
  ] as const) {
    const g = matchesGolden(file, text);
    assert.ok(g.ok, g.message);
  }
}

/** `run` throws a HeatfigError whose message matches and whose place is `where`. */
export function assertRefused(run: () => unknown, message: RegExp, where: string): void {
  assert.throws(
    run,
    (e: unknown) => e instanceof HeatfigError && message.test(e.message) && e.where === where,
  );
}

/** A PNG's pixels as RGBA (heatfig's reader of images, src/read/png.ts). */
export function decodePng(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  return decodePngRgba(bytes, '<png>');
}

type Pt = readonly [number, number];

/** Separating-axis test for two convex polygons; touching edges do not count as overlap. */
export function polygonsOverlap(a: readonly Pt[], b: readonly Pt[], tolerance = 0.01): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const nx = q[1] - p[1];
      const ny = p[0] - q[0];
      const len = Math.hypot(nx, ny) || 1;
      const proj = (s: readonly Pt[]) => s.map(([x, y]) => (x * nx + y * ny) / len);
      const pa = proj(a);
      const pb = proj(b);
      if (
        Math.max(...pa) <= Math.min(...pb) + tolerance ||
        Math.max(...pb) <= Math.min(...pa) + tolerance
      )
        return false;
    }
  }
  return true;
}

/** Every pair of texts in a scene whose rotated line boxes overlap. */
export function overlappingTexts(scene: Scene): [TextPrimitive, TextPrimitive][] {
  const texts = scene.primitives.filter((p): p is TextPrimitive => p.type === 'text');
  const polys = texts.map((t) => textCorners(t));
  const boxes = texts.map((t) => textBox(t));
  const out: [TextPrimitive, TextPrimitive][] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y) continue;
      if (polygonsOverlap(polys[i]!, polys[j]!)) out.push([texts[i]!, texts[j]!]);
    }
  }
  return out;
}

/** Texts whose rotated line box reaches outside the canvas. */
export function textsOutside(scene: Scene): TextPrimitive[] {
  return scene.primitives.filter(
    (p): p is TextPrimitive =>
      p.type === 'text' &&
      textCorners(p).some(
        ([x, y]) => x < -0.01 || y < -0.01 || x > scene.width + 0.01 || y > scene.height + 0.01,
      ),
  );
}

export function readJson<T>(relPath: string): T {
  return JSON.parse(readFileSync(`${ROOT}${relPath}`, 'utf8')) as T;
}

/** Debian's Chromium, as every browser test here launches it (headless, offline, no sandbox as root). */
export const CHROMIUM = '/usr/bin/chromium';
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Colormap, namedColormap, recenteredColormap } from '../../src/color/colormap.ts';
import { cutCentre, matchColormap, matchCut, matchScale } from '../../src/read/match.ts';

/** A colorbar of `n` colours as an image shows a colormap's 256: each pixel the colour at its place. */
function bar(cmap: Colormap, n = 200) {
  const colors = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const k = Math.min(cmap.n - 1, Math.floor((i / (n - 1)) * cmap.n));
    colors.set(cmap.lut.subarray(k * 3, k * 3 + 3), i * 3);
  }
  return { colors, n, start: 0, end: n - 1 };
}

describe('a colorbar’s colormap, whole or cut about a centre', () => {
  it('names a whole map, and a diverging one cut as seaborn’s center cuts it', () => {
    assert.equal(matchColormap(bar(namedColormap('viridis'))), 'viridis');
    // seaborn's correlation matrix of the diabetes features: center=0 over −0.74 to 1.
    const cut = recenteredColormap(namedColormap('coolwarm'), -0.74, 1, 0);
    assert.equal(matchColormap(bar(cut)), null);
    const m = matchCut(bar(cut));
    assert.equal(m?.name, 'coolwarm');
    assert.equal(m?.to, 1);
    assert.ok(Math.abs(m!.from - 0.13) <= 1 / 256, `${m!.from}`);
    assert.equal(cutCentre(-0.74, 1, m!.from, m!.to), 0);
    // Cut at its high end (the range reaching further below the centre), reversed.
    const low = recenteredColormap(namedColormap('RdBu_r'), -3, 1.2, 0);
    const m2 = matchCut(bar(low));
    assert.equal(m2?.name, 'RdBu_r');
    assert.equal(m2?.from, 0);
    assert.equal(cutCentre(-3, 1.2, m2!.from, m2!.to), 0);
  });

  it('finds the centre a diverging map was cut about, to the colours it shows', () => {
    const names = ['coolwarm', 'RdBu', 'vlag', 'icefire', 'PiYG', 'bwr'];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.boolean(),
        fc.integer({ min: -200, max: 200 }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        // How far the short side reaches against the long one: a cut of 0.02 to 0.4.
        fc.double({ min: 0.2, max: 0.95, noNaN: true }),
        fc.boolean(),
        (name, reversed, c0, r, short, lowShort) => {
          const center = c0 / 10;
          const lo = lowShort ? center - short * r : center - r;
          const hi = lowShort ? center + r : center + short * r;
          const cmap = recenteredColormap(
            namedColormap(reversed ? `${name}_r` : name),
            lo,
            hi,
            center,
          );
          const m = matchCut(bar(cmap));
          if (!m) return false;
          const c = cutCentre(lo, hi, m.from, m.to);
          // Within what a cut a colour of the map either way moves it (the range's 2r / 256).
          return c !== null && Math.abs(c - center) <= (4 * r) / 256 + 1e-9;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says no centre outside the range, and writes one as roundly as its colours allow', () => {
    assert.equal(cutCentre(0, 1, 0.45, 1) !== null, true);
    assert.equal(cutCentre(0, 1, 0.5, 1), null);
    // The end read 0.01 off: the slack keeps the centre at 0.
    assert.equal(cutCentre(-0.55, 1, 0.22, 1, 0.01), 0);
    assert.notEqual(cutCentre(-0.55, 1, 0.22, 1), 0);
  });

  it('names no cut of a map that is not diverging, nor of a bar too short to tell', () => {
    assert.equal(matchCut(bar(namedColormap('viridis'))), null);
    assert.equal(matchCut(bar(namedColormap('coolwarm'), 12)), null);
  });

  it('gives the colormap and centre as the reader writes them into a spec', () => {
    const cut = bar(recenteredColormap(namedColormap('coolwarm'), -0.74, 1, 0));
    assert.deepEqual(matchScale(cut, [-0.74, 1], 0.005), { cmap: 'coolwarm', center: 0 });
    // An end read a little off (as a 72-dpi bar's is): within a pixel and a half of the bar.
    assert.deepEqual(matchScale(cut, [-0.745, 1], 0.005), { cmap: 'coolwarm', center: 0 });
    // The ends not read: no centre can be told, and no cut is named.
    assert.deepEqual(matchScale(cut, null, 0.005), { cmap: null, center: null });
    assert.deepEqual(matchScale(bar(namedColormap('magma')), [0, 1], 0.01), {
      cmap: 'magma',
      center: null,
    });
  });
});

import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { progressBar } from '../../src/cli/progress.ts';

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return {
    out,
    stream: { isTTY, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream,
  };
}

describe('progressBar', () => {
  it('draws on a terminal once the work has taken a second, and erases itself when done', () => {
    const env = process.env['CI'];
    delete process.env['CI'];
    let now = 1_000_000;
    const clock = mock.method(Date, 'now', () => now);
    try {
      const { out, stream } = fakeStream(true);
      const bar = progressBar('reading big.npy', false, stream);
      bar.update(0.1);
      assert.deepEqual(out, [], 'nothing in the first second');
      now += 1500;
      bar.update(0.5);
      assert.match(out[0]!, /^\rheatfig: reading big\.npy \[#{15}\.{15}\] 50%$/);
      bar.done();
      assert.equal(out[1], '\r\x1b[2K');
    } finally {
      clock.mock.restore();
      if (env !== undefined) process.env['CI'] = env;
    }
  });

  it('stays silent off a terminal, under CI, and with --quiet', () => {
    let now = 0;
    const clock = mock.method(Date, 'now', () => (now += 2000));
    try {
      for (const [tty, quiet] of [
        [false, false],
        [true, true],
      ] as const) {
        const { out, stream } = fakeStream(tty);
        const bar = progressBar('x', quiet, stream);
        bar.update(0.5);
        bar.done();
        assert.deepEqual(out, []);
      }
      const env = process.env['CI'];
      process.env['CI'] = 'true';
      const { out, stream } = fakeStream(true);
      progressBar('x', false, stream).update(0.5);
      assert.deepEqual(out, []);
      if (env === undefined) delete process.env['CI'];
      else process.env['CI'] = env;
    } finally {
      clock.mock.restore();
    }
  });
});

import { describe, it } from 'node:test';
import { csvFieldsRoundTrip, csvRoundTrip, npyRoundTrip, parsersNeverCrash } from './properties.ts';

describe('parsers (property tests)', () => {
  it('read back every valid .npy: all dtypes, byte orders, C and Fortran order, 1-D to 3-D, versions 1–3', () => {
    npyRoundTrip(1500);
  });
  it('read back wide CSV/TSV tables with quoted labels, missing values and CRLF', () => {
    csvRoundTrip(800);
  });
  it('split any quoted fields back into the same fields', () => {
    csvFieldsRoundTrip(1000);
  });
  it('load or raise the one user error for random bytes and mutated files, in every format', () => {
    parsersNeverCrash(500);
  });
});

describe('locateJsonError', () => {
  it('finds an error exactly when JSON.parse rejects the text', async () => {
    const fc = (await import('fast-check')).default;
    const { locateJsonError } = await import('../../src/data/json-text.ts');
    const piece = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      '"a"',
      '"',
      '1',
      '-2.5e3',
      'true',
      'null',
      ' ',
      '\n',
      'x',
      '\\',
      '01',
      '1.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts: string[]) => {
        const s = parts.join('');
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        const { what } = locateJsonError(s);
        if ((what === null) !== valid)
          throw new Error(
            `${JSON.stringify(s)}: JSON.parse ${valid ? 'accepts' : 'rejects'} it, locate says ${what}`,
          );
      }),
      { seed: 9, numRuns: 3000 },
    );
  });
});

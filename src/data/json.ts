import { HeatfigError } from '../errors.ts';
import { gridFromMatrix, type Grid, type MatrixInput } from './grid.ts';
import { type Cell, type LongOptions, pivot } from './table.ts';

/**
 * A Grid from parsed JSON: rows of numbers (ragged rows end in missing cells),
 * `{ "values": [[…]], "rows": […], "cols": […] }`, or an array of records pivoted by
 * `long` ({ x, y, value } column names).
 */
export function gridFromJson(value: unknown, source: string, long: LongOptions | null): Grid {
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))
  ) {
    if (!long) {
      throw new HeatfigError(
        'bad-data',
        'an array of records needs x, y and value (the keys to pivot on); pass --x --y --value',
        source,
      );
    }
    const records: Cell[][] = value.map((r: Record<string, unknown>, i) =>
      [long.x, long.y, long.value].map((k) => {
        const v = r[k];
        if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number') {
          throw new HeatfigError(
            'bad-value',
            `${JSON.stringify(v)} is not a label or a number`,
            `${source}: $[${i}].${k}`,
          );
        }
        return { text: (v ?? null) as string | number | null, where: `${source}: $[${i}].${k}` };
      }),
    );
    return pivot(records, long);
  }
  if (Array.isArray(value)) return gridFromMatrix(value as MatrixInput['values'], `${source}: $`);
  if (value !== null && typeof value === 'object' && 'values' in value)
    return gridFromMatrix(value as MatrixInput, `${source}: $`);
  throw new HeatfigError(
    'bad-data',
    'expected rows of numbers, { "values": [[…]], "rows": […], "cols": […] }, or an array of records',
    source,
  );
}

import { formatLocale, formatSpecifier } from 'd3-format';
import { HeatfigError } from '../errors.ts';
import { msg } from '../messages.ts';

/**
 * Number formats as Python users write them (seaborn's `fmt`): a format spec such as
 * `.2f`, `.1%`, `d`, `.3g`, `+.2e`, or a template with one field: `{:.1f}%`, `{:,}`.
 * Python's semantics where they differ from d3-format: `g` drops trailing zeros, `e` has
 * at least two exponent digits, and a negative number that rounds to zero keeps its sign
 * (`-0.0000`), because the sign is information in diverging data.
 */
export type NumberFormatter = (value: number) => string;

const locale = formatLocale({
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['$', ''],
  minus: '-',
});

const TEMPLATE = /^([^{}]*)\{[^:{}]*(?::([^{}]*))?\}([^{}]*)$/;
const SPEC = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;

/** Throws a HeatfigError at `where` if `fmt` is not a format this module understands. */
export function makeFormatter(fmt: string, where: string | null = null): NumberFormatter {
  const tmpl = TEMPLATE.exec(fmt);
  const [prefix, spec, suffix] = tmpl ? [tmpl[1]!, tmpl[2] ?? '', tmpl[3]!] : ['', fmt, ''];
  if (!SPEC.test(spec) || (tmpl === null && /[{}]/.test(fmt))) {
    throw new HeatfigError('bad-format', msg.badFormat(fmt), where);
  }
  let parsed: ReturnType<typeof formatSpecifier>;
  try {
    parsed = formatSpecifier(spec === '' ? 'g' : spec);
  } catch {
    throw new HeatfigError('bad-format', msg.badFormat(fmt), where);
  }
  const type = parsed.type;
  const python = spec === '' ? pythonRepr : null;
  if ((type === 'g' || type === '') && !parsed.symbol) parsed.trim = true;
  if (type === 'n') parsed.type = 'g';
  const d3fmt = locale.format(parsed.toString());
  const fixExp = type === 'e';
  return (value) => {
    if (!(value === value)) return `${prefix}nan${suffix}`;
    if (value === Infinity || value === -Infinity)
      return `${prefix}${value > 0 ? '' : '-'}inf${suffix}`;
    let s = python ? python(value) : d3fmt(value);
    if (fixExp) s = s.replace(/e([+-])(\d)$/, 'e$10$2');
    if (
      (value < 0 || Object.is(value, -0)) &&
      !s.includes('-') &&
      parsed.sign !== '(' &&
      /[0-9]/.test(s)
    ) {
      s = negateZero(s);
    }
    return prefix + s + suffix;
  };
}

/** Python's str(float) for the empty spec: shortest round-trip digits. */
function pythonRepr(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Puts a minus sign before the first digit, keeping any padding in front of it. */
function negateZero(s: string): string {
  const i = s.search(/[0-9]/);
  if (i <= 0) return `-${s}`;
  const pad = s.slice(0, i);
  return pad.endsWith(' ') ? `${pad.slice(0, -1)}-${s.slice(i)}` : `${pad}-${s.slice(i)}`;
}

/** True if the format shows percentages (its type is `%`). */
export function isPercentFormat(fmt: string): boolean {
  const tmpl = TEMPLATE.exec(fmt);
  return (tmpl ? (tmpl[2] ?? '') : fmt).endsWith('%');
}

/**
 * The format for a set of ticks: the fewest decimals (at most 12) that show every tick
 * exactly, in percent when `percent` is set. Ticks 0, 0.2, …, 1 get ".1f"; 0, 0.25, 0.5 get ".2f".
 */
export function tickFormat(ticks: readonly number[], percent: boolean): string {
  let d = 0;
  for (; d < 12; d++) {
    const k = 10 ** d;
    if (
      ticks.every((t) => {
        const x = (percent ? t * 100 : t) * k;
        return Math.abs(x - Math.round(x)) < 1e-6 * Math.max(1, Math.abs(x));
      })
    )
      break;
  }
  return percent ? `.${d}%` : `.${d}f`;
}

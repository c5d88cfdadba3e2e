import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { exponentDigits, fixedDigits } from './decimal.ts';

/**
 * Number formats as Python users write them (seaborn's `fmt`): a format spec of Python's
 * mini-language, `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`, such as
 * `.2f`, `.1%`, `d`, `.3g`, `+.2e`, `,.0f`, or a template with one field: `{:.1f}%`.
 * The output is what Python's `format(value, spec)` writes, digit for digit (rounding half
 * to even on the exact binary value). Integer types (`d`, `x`, …) round a fractional value
 * to the nearest integer rather than fail as Python does.
 */
export type NumberFormatter = (value: number) => string;

/** The widest field and the most digits a format may ask for (Python allows more; no figure shows more). */
const MAX_WIDTH = 100;
const MAX_PRECISION = 50;

const TEMPLATE = /^([^{}]*)\{[^:{}]*(?::([^{}]*))?\}([^{}]*)$/;
const SPEC =
  /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s;

interface Parsed {
  fill: string;
  align: '<' | '>' | '=' | '^';
  sign: '+' | '-' | ' ';
  z: boolean;
  alt: boolean;
  width: number;
  group: ',' | '_' | '';
  precision: number | null;
  type: string;
}

function parseSpec(spec: string): Parsed | null {
  const m = SPEC.exec(spec);
  if (!m) return null;
  const zero = m[6] === '0';
  return {
    fill: m[1] ?? (zero && !m[2] ? '0' : ' '),
    align: (m[2] ?? (zero ? '=' : '>')) as Parsed['align'],
    sign: (m[3] ?? '-') as Parsed['sign'],
    z: m[4] === 'z',
    alt: m[5] === '#',
    width: m[7] ? Number(m[7]) : 0,
    group: (m[8] ?? '') as Parsed['group'],
    precision: m[9] !== undefined ? Number(m[9]) : null,
    type: m[10] ?? '',
  };
}

/** Throws a HeatfigError at `where` if `fmt` is not a format this module understands. */
export function makeFormatter(fmt: string, where: string | null = null): NumberFormatter {
  const tmpl = TEMPLATE.exec(fmt);
  const [prefix, spec, suffix] = tmpl ? [tmpl[1]!, tmpl[2] ?? '', tmpl[3]!] : ['', fmt, ''];
  const p = tmpl === null && /[{}]/.test(fmt) ? null : parseSpec(spec);
  if (!p || p.type === 'c' || p.type === 's')
    throw new HeatfigError('bad-format', msg.badFormat(fmt), where);
  if (p.width > MAX_WIDTH || (p.precision ?? 0) > MAX_PRECISION || fmt.length > 200)
    throw new HeatfigError(
      'bad-format',
      msg.formatTooWide(
        JSON.stringify(fmt.length > 40 ? `${fmt.slice(0, 40)}…` : fmt),
        MAX_WIDTH,
        MAX_PRECISION,
      ),
      where,
    );
  return (value) => prefix + formatOne(value, p) + suffix;
}

function formatOne(value: number, p: Parsed): string {
  let negative = value < 0 || Object.is(value, -0);
  let body: string;
  const abs = Math.abs(value);
  if (!Number.isFinite(value)) {
    body = value !== value ? 'nan' : 'inf';
    if (value !== value) negative = false;
    if (/[EFG]/.test(p.type)) body = body.toUpperCase();
  } else if ('bdoxX'.includes(p.type) && p.type !== '') {
    const n = BigInt(fixedDigits(abs, 0));
    negative = value < 0 && n !== 0n;
    const radix = { b: 2, o: 8, x: 16, X: 16, d: 10 }[p.type as 'b']!;
    body = n.toString(radix);
    if (p.type === 'X') body = body.toUpperCase();
    if (p.alt && radix !== 10) body = `0${p.type === 'X' ? 'X' : p.type}${body}`;
    body = group(body, p.group);
  } else {
    body = floatBody(abs, p);
    if (p.z && /^[0.]*(?:e|%|$)/i.test(body.replace(/e.*$/i, ''))) negative = false;
  }
  const sign = negative ? '-' : p.sign === '+' ? '+' : p.sign === ' ' ? ' ' : '';
  return pad(sign, body, p);
}

function floatBody(abs: number, p: Parsed): string {
  const t = p.type;
  if (t === 'f' || t === 'F') return group(fixedDigits(abs, p.precision ?? 6), p.group, p.alt);
  if (t === '%') return `${group(fixedDigits(abs * 100, p.precision ?? 6), p.group, p.alt)}%`;
  if (t === 'e' || t === 'E') return expForm(abs, p.precision ?? 6, t, p.alt);
  // g, G, n and no type
  const none = t === '';
  if (none && p.precision === null) return reprBody(abs, p);
  const prec = p.precision === null ? 6 : Math.max(1, p.precision);
  const { exp } = exponentDigits(abs, prec - 1);
  const useExp = !(exp >= -4 && exp < prec);
  let s = useExp
    ? expForm(abs, prec - 1, t === 'G' ? 'E' : 'e', p.alt)
    : group(fixedDigits(abs, prec - 1 - exp), p.group, p.alt);
  if (!p.alt) {
    s = s.replace(/(\.\d*?)0+(?=e|E|$)/, '$1').replace(/\.(?=e|E|$)/, '');
    if (none && !useExp && !s.includes('.')) s += '.0';
  }
  return s;
}

/** Python's repr of a float (the empty spec): shortest round-trip digits. */
function reprBody(abs: number, p: Parsed): string {
  const js = String(abs);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(js);
  if (m) {
    const exp = Number(m[3]);
    if (exp >= 16 || exp < -4)
      return `${m[1]}${m[2] ? `.${m[2]}` : ''}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (abs >= 1e16) {
    const { mantissa, exp } = exponentDigits(abs, 16);
    return `${mantissa.replace(/\.?0+$/, '')}e+${String(exp).padStart(2, '0')}`;
  }
  if (abs !== 0 && abs < 1e-4) {
    const [mant, e] = abs.toExponential().split('e');
    return `${mant}e-${String(Math.abs(Number(e))).padStart(2, '0')}`;
  }
  const s = abs < 1e21 ? (m ? abs.toFixed(20).replace(/0+$/, '') : js) : js;
  return group(s.includes('.') ? s : `${s}.0`, p.group);
}

function expForm(abs: number, prec: number, t: 'e' | 'E', alt: boolean): string {
  const { mantissa, exp } = exponentDigits(abs, prec);
  const m = alt && prec === 0 ? `${mantissa}.` : mantissa;
  return `${m}${t}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Inserts thousands separators into the integer part; `alt` keeps a decimal point (Python's #). */
function group(str: string, sep: string, alt = false): string {
  const s = alt && !str.includes('.') && /^\d+$/.test(str) ? `${str}.` : str;
  if (!sep) return s;
  const i = s.search(/[^0-9]/);
  const int = i < 0 ? s : s.slice(0, i);
  const rest = i < 0 ? '' : s.slice(i);
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + rest;
}

function pad(sign: string, body: string, p: Parsed): string {
  const n = p.width - sign.length - body.length;
  if (n <= 0) return sign + body;
  const fill = p.fill.repeat(n);
  switch (p.align) {
    case '<':
      return sign + body + fill;
    case '^': {
      const left = p.fill.repeat(Math.floor(n / 2));
      return left + sign + body + p.fill.repeat(n - Math.floor(n / 2));
    }
    case '=':
      return (
        sign +
        (p.fill === '0' && p.group ? zeroGroup(body, p.width - sign.length, p.group) : fill + body)
      );
    default:
      return fill + sign + body;
  }
}

/** Zero padding with grouping keeps the separators (Python: format(1234, '08,d') = '0,001,234'). */
function zeroGroup(body: string, width: number, sep: string): string {
  let digits = body.replace(new RegExp(`\\${sep}`, 'g'), '');
  const i = digits.search(/[^0-9]/);
  const rest = i < 0 ? '' : digits.slice(i);
  digits = i < 0 ? digits : digits.slice(0, i);
  let out = group(digits, sep) + rest;
  while (out.length < width) {
    digits = `0${digits}`;
    out = group(digits, sep) + rest;
  }
  return out;
}

/** True if the format shows percentages (its type is `%`). */
/** True if a format writes integers (Python's d, b, o, x, X), which Python refuses for a float with a fraction. */
export function isIntegerFormat(fmt: string): boolean {
  const tmpl = TEMPLATE.exec(fmt);
  const p = parseSpec(tmpl ? (tmpl[2] ?? '') : fmt);
  return p !== null && p.type !== '' && 'bdoxX'.includes(p.type);
}

export function isPercentFormat(fmt: string): boolean {
  const tmpl = TEMPLATE.exec(fmt);
  return (tmpl ? (tmpl[2] ?? '') : fmt).endsWith('%');
}

/**
 * The format for a set of ticks: the fewest decimals (at most 12) that show every tick
 * exactly, in percent when `percent` is set. Ticks 0, 0.2, …, 1 get ".1f"; 0, 0.25, 0.5 get ".2f".
 * `like`, the cells' format, lends its style (seaborn #917: the colorbar as the cells): its
 * sign and thousands separator, and exponent notation when the cells have it.
 */
export function tickFormat(
  ticks: readonly number[],
  percent: boolean,
  like: string | null = null,
): string {
  const cell = like === null ? null : parseSpec(like);
  if (!cell) return plainTickFormat(ticks, percent);
  const sign = cell.sign === '-' ? '' : cell.sign;
  if (cell.type === 'e' || cell.type === 'E') {
    for (let p = 0; p < 17; p++) {
      const f = `${sign}.${p}${cell.type}`;
      if (new Set(ticks.map(makeFormatter(f))).size === new Set(ticks).size) return f;
    }
    return `${sign}.17${cell.type}`;
  }
  const plain = plainTickFormat(ticks, percent);
  return /^\.\d+[f%]$/.test(plain) ? `${sign}${cell.group}${plain}` : plain;
}

function plainTickFormat(ticks: readonly number[], percent: boolean): string {
  // Magnitudes fixed notation cannot show in a few digits (1e300, 5e-320): the fewest
  // significant digits, in exponent form where Python's "g" puts it, that tell them apart.
  const big = ticks.some((t) => Math.abs(t) >= 1e15);
  const tiny = ticks.some((t) => t !== 0 && Math.abs(t) < 1e-9);
  const fixed = fixedTickFormat(ticks, percent);
  const distinct = new Set(ticks).size;
  if (!percent && (big || tiny || new Set(ticks.map(makeFormatter(fixed))).size < distinct)) {
    for (let g = 1; g < 17; g++) {
      const f = makeFormatter(`.${g}g`);
      if (new Set(ticks.map(f)).size === new Set(ticks).size) return `.${g}g`;
    }
    return '.17g';
  }
  return fixed;
}

function fixedTickFormat(ticks: readonly number[], percent: boolean): string {
  let d = 0;
  for (; d < 12; d++) {
    const k = 10 ** d;
    const exact = ticks.every((t) => {
      const x = (percent ? t * 100 : t) * k;
      return Math.abs(x - Math.round(x)) < 1e-6 * Math.max(1, Math.abs(x));
    });
    if (exact) break;
  }
  return percent ? `.${d}%` : `.${d}f`;
}

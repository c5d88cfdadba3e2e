/**
 * Exact decimal digits of a double, and rounding of them half-to-even: the arithmetic
 * Python's float formatting uses, so `.2f` of 0.125 is "0.12" as in Python (JavaScript's
 * toFixed gives "0.13").
 */

const view = new DataView(new ArrayBuffer(8));

/** |x| = digits × 10^exp exactly, for a finite x. digits has no leading zeros ("0" for zero). */
export function exactDecimal(x: number): { digits: string; exp: number } {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  if (mant === 0n) return { digits: '0', exp: 0 };
  if (e2 >= 0) return { digits: (mant << BigInt(e2)).toString(), exp: 0 };
  // m / 2^k = m·5^k / 10^k
  return { digits: (mant * 5n ** BigInt(-e2)).toString(), exp: e2 };
}

/**
 * Rounds digits × 10^exp to a multiple of 10^at (half to even). Returns the integer string n
 * with value n × 10^at.
 */
function roundAt(digits: string, exp: number, at: number): string {
  const drop = at - exp; // how many trailing digits go
  if (drop <= 0) return digits + '0'.repeat(-drop);
  if (drop > digits.length) {
    // Everything goes: the value is below 10^at; it rounds up only if above half of it.
    return '0';
  }
  const keep = digits.slice(0, digits.length - drop) || '0';
  const rest = digits.slice(digits.length - drop);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  const last = keep.charCodeAt(keep.length - 1) - 48;
  const up = first > 5 || (first === 5 && (tail || last % 2 === 1));
  return up ? increment(keep) : keep;
}

function increment(s: string): string {
  const d = s.split('');
  let i = d.length - 1;
  while (i >= 0) {
    if (d[i] === '9') {
      d[i] = '0';
      i--;
    } else {
      d[i] = String.fromCharCode(d[i]!.charCodeAt(0) + 1);
      return d.join('');
    }
  }
  return `1${d.join('')}`;
}

/**
 * Whether the exact value of |x| could lie halfway between two numbers with `p` digits after
 * the point. A midpoint is (2n+1)/(2·10^p) = (2n+1)/(2^(p+1)·5^p); a double is a dyadic
 * rational, so it can only be one if k = x·2^(p+1) is a whole number, and then x·10^p =
 * k·5^p/2 is a midpoint only if k is odd (an even k makes it whole: nothing to round; every
 * double from 2^53 up is even). Otherwise the nearest such number is unique, and
 * JavaScript's toFixed / toExponential, which are exact (ECMA-262 defines them on the
 * mathematical value), find the same one as half-to-even. (Multiplying by a power of two is
 * exact.)
 */
const mayTie = (x: number, bits: number) => {
  const k = x * 2 ** bits;
  return Number.isInteger(k) && k % 2 !== 0;
};

/** |x| with `p` digits after the point, rounded half to even: "0.12" for (0.125, 2). */
export function fixedDigits(x: number, p: number): string {
  const a = Math.abs(x);
  if (a < 1e21 && p <= 100 && !mayTie(a, p + 1)) return a.toFixed(p);
  return exactFixedDigits(a, p);
}

/**
 * |x| in scientific form with `p` digits after the point, rounded half to even:
 * the mantissa digits and the decimal exponent. (1234.5, 2) → { mantissa: "1.23", exp: 3 }.
 */
export function exponentDigits(x: number, p: number): { mantissa: string; exp: number } {
  const a = Math.abs(x);
  if (a > 1e-250 && a < 1e250 && p <= 100) {
    const [mantissa, e] = a.toExponential(p).split('e') as [string, string];
    const exp = Number(e);
    // A midpoint between p-digit mantissas at exponent exp, or exp - 1 before a carry.
    if (!mayTie(a, p - exp + 1) && !mayTie(a, p - exp + 2)) return { mantissa, exp };
  }
  return exactExponentDigits(a, p);
}

/** fixedDigits from the exact decimal digits (the reference the fast path is tested against). */
export function exactFixedDigits(x: number, p: number): string {
  const { digits, exp } = exactDecimal(x);
  const n = roundAt(digits, exp, -p).replace(/^0+(?=\d)/, '');
  if (p === 0) return n;
  const padded = n.padStart(p + 1, '0');
  return `${padded.slice(0, -p)}.${padded.slice(-p)}`;
}

/** exponentDigits from the exact decimal digits (the reference for the fast path). */
export function exactExponentDigits(x: number, p: number): { mantissa: string; exp: number } {
  const { digits, exp } = exactDecimal(x);
  if (digits === '0') return { mantissa: p ? `0.${'0'.repeat(p)}` : '0', exp: 0 };
  let e10 = digits.length - 1 + exp; // position of the leading digit
  let n = roundAt(digits, exp, e10 - p);
  if (n.length > p + 1) {
    // rounding carried into a new leading digit (9.99 → 10.0)
    e10++;
    n = n.slice(0, p + 1);
  }
  return { mantissa: p ? `${n[0]}.${n.slice(1)}` : n, exp: e10 };
}

/**
 * The spec's validation rules as plain data, and the checker that runs them.
 *
 * The zod schema (schema.ts) stays the one definition of the spec: its TypeScript types, its
 * JSON Schema and these rules are all generated from it (`npm run schema` writes
 * spec-rules.ts). Checking a spec with this small interpreter instead of zod keeps zod (about
 * half the CLI bundle) out of every start-up: `heatfig render small.csv -o x.svg` pays
 * nothing for it. The interpreter reports the issues zod would, in zod's order and with zod's
 * union rules, so the messages stay the same; test/spec/rules.test.ts checks that against zod
 * on valid, broken and random specs.
 */

/** A check after the type test, in the order the schema gives it. */
export type Check =
  | { readonly c: 'gt' | 'gte' | 'lt' | 'lte'; readonly v: number }
  | { readonly c: 'int' }
  | { readonly c: 'minLen' | 'maxLen' | 'len'; readonly n: number }
  | { readonly c: 'finite'; readonly message: string };

export type Rule =
  | {
      readonly t: 'string' | 'number' | 'boolean' | 'null';
      readonly checks?: readonly Check[];
    }
  | { readonly t: 'values'; readonly values: readonly (string | number | boolean | null)[] }
  | { readonly t: 'array'; readonly el: Rule; readonly checks?: readonly Check[] }
  /** A strict object: keys not in `shape` are an error. */
  | { readonly t: 'object'; readonly shape: { readonly [key: string]: Rule } }
  /** The first option that matches wins; `error` is said when none does. */
  | { readonly t: 'union'; readonly options: readonly Rule[]; readonly error: string }
  | { readonly t: 'optional'; readonly inner: Rule };

/** One problem, in the shape of zod's issues (the fields validate.ts reads). */
export interface Issue {
  readonly code:
    | 'invalid_type'
    | 'invalid_value'
    | 'invalid_union'
    | 'unrecognized_keys'
    | 'too_small'
    | 'too_big'
    | 'custom';
  path: PropertyKey[];
  readonly input?: unknown;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly errors?: readonly (readonly Issue[])[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly inclusive?: boolean;
  readonly exact?: boolean;
  readonly origin?: string;
  readonly message?: string;
  /** true: a check failed but the value has the right type (zod's non-aborting issue). */
  readonly continue?: boolean;
}

/** Shared by every valid value (never pushed to): a spec's cells are thousands of checks. */
const NONE: Issue[] = [];

/** Runs a rule on a value: the issues, empty when the value is valid. */
export function checkRule(rule: Rule, value: unknown): Issue[] {
  if (rule.t === 'optional') return value === undefined ? NONE : checkRule(rule.inner, value);
  if (rule.t === 'number' && !rule.checks && typeof value === 'number' && Number.isFinite(value))
    return NONE;
  if (rule.t === 'null' && value === null) return NONE;
  if (rule.t === 'union') return checkUnion(rule, value);
  const issues: Issue[] = [];
  switch (rule.t) {
    case 'string':
    case 'boolean':
      if (typeof value !== rule.t) issues.push(invalidType(rule.t, value));
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        issues.push(invalidType('number', value));
      break;
    case 'null':
      if (value !== null) issues.push(invalidType('null', value));
      break;
    case 'values':
      if (!rule.values.includes(value as string))
        issues.push({ code: 'invalid_value', path: [], values: rule.values, input: value });
      break;
    case 'array': {
      if (!Array.isArray(value)) {
        issues.push(invalidType('array', value));
        break;
      }
      // As zod: an array longer than a leading maximum is refused before its items are read.
      const cap = tooLong(rule.checks ?? [], value);
      if (cap) return [cap];
      const el = rule.el;
      for (let i = 0; i < value.length; i++) {
        if (plainlyValid(el, value[i])) continue;
        const inner = checkRule(el, value[i]);
        if (inner.length) prefixInto(issues, i, inner);
      }
      break;
    }
    case 'object':
      checkObject(rule.shape, value, issues);
      break;
  }
  if ('checks' in rule && rule.checks) runChecks(rule.checks, value, issues);
  return issues.length ? issues : NONE;
}

function invalidType(expected: string, input: unknown): Issue {
  return { code: 'invalid_type', path: [], expected, input };
}

function prefixInto(into: Issue[], key: PropertyKey, issues: Issue[]): void {
  for (const issue of issues) {
    issue.path.unshift(key);
    into.push(issue);
  }
}

/**
 * True when a value passes a rule at a glance (a finite number for a plain number, null, a
 * string or a boolean, or any of those for a union of them): a data matrix's thousands of
 * cells skip the general checker. False means "check it", not "invalid".
 */
function plainlyValid(rule: Rule, value: unknown): boolean {
  switch (rule.t) {
    case 'number':
      return !rule.checks && typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    case 'string':
    case 'boolean':
      return !rule.checks && typeof value === rule.t;
    case 'union':
      for (let i = 0; i < rule.options.length; i++)
        if (plainlyValid(rule.options[i]!, value)) return true;
      return false;
    default:
      return false;
  }
}

/** An issue that is not a failed check stops the checks after it (zod's "aborted"). */
const aborted = (issues: readonly Issue[], from = 0) =>
  issues.slice(from).some((i) => i.continue !== true);

function checkObject(shape: { readonly [key: string]: Rule }, value: unknown, into: Issue[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    into.push(invalidType('object', value));
    return;
  }
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(shape)) {
    const rule = shape[key]!;
    if (rule.t === 'optional' && !(key in input)) continue;
    prefixInto(into, key, checkRule(rule, input[key]));
  }
  const unknown: string[] = [];
  for (const key in input) if (!Object.hasOwn(shape, key)) unknown.push(key);
  if (unknown.length)
    into.push({ code: 'unrecognized_keys', path: [], keys: unknown, input, continue: true });
}

function checkUnion(rule: Extract<Rule, { t: 'union' }>, value: unknown): Issue[] {
  const results: Issue[][] = [];
  for (let i = 0; i < rule.options.length; i++) {
    const issues = checkRule(rule.options[i]!, value);
    if (issues.length === 0) return NONE;
    results.push(issues);
  }
  // As zod: when exactly one option failed only its checks (the type was right), its issues
  // are the answer; otherwise one invalid_union carrying every option's issues.
  const typed = results.filter((r) => !aborted(r));
  if (typed.length === 1) return typed[0]!;
  return [{ code: 'invalid_union', path: [], input: value, errors: results, message: rule.error }];
}

function runChecks(checks: readonly Check[], value: unknown, issues: Issue[]): void {
  let stop = aborted(issues);
  for (const check of checks) {
    const isLength = check.c === 'minLen' || check.c === 'maxLen' || check.c === 'len';
    if (isLength) {
      // zod runs length checks whenever the value has a length, unless a check said stop.
      if (issues.some((i) => i.continue === false)) continue;
      if (
        value === null ||
        value === undefined ||
        (value as { length?: unknown }).length === undefined
      )
        continue;
    } else if (stop) continue;
    const before = issues.length;
    const issue = runCheck(check, value);
    if (issue) issues.push(issue);
    if (!stop && issues.length > before) stop = aborted(issues, before);
  }
}

/** A value below a minimum (too_small) or above a maximum (too_big), as zod reports it. */
function outOfRange(
  side: 'too_small' | 'too_big',
  bound: number,
  inclusive: boolean,
  origin: string,
  input: unknown,
  exact = false,
): Issue {
  return {
    code: side,
    path: [],
    origin,
    ...(side === 'too_small' ? { minimum: bound } : { maximum: bound }),
    inclusive,
    input,
    continue: true,
    ...(exact ? { exact } : {}),
  };
}

function runCheck(check: Check, value: unknown): Issue | null {
  switch (check.c) {
    case 'gt':
    case 'gte': {
      const x = value as number;
      const inclusive = check.c === 'gte';
      if (inclusive ? x >= check.v : x > check.v) return null;
      return outOfRange('too_small', check.v, inclusive, 'number', x);
    }
    case 'lt':
    case 'lte': {
      const x = value as number;
      const inclusive = check.c === 'lte';
      if (inclusive ? x <= check.v : x < check.v) return null;
      return outOfRange('too_big', check.v, inclusive, 'number', x);
    }
    case 'int': {
      const x = value as number;
      if (!Number.isInteger(x))
        return { code: 'invalid_type', path: [], expected: 'int', input: x, continue: false };
      if (Number.isSafeInteger(x)) return null;
      return x > 0
        ? outOfRange('too_big', Number.MAX_SAFE_INTEGER, true, 'number', x)
        : outOfRange('too_small', Number.MIN_SAFE_INTEGER, true, 'number', x);
    }
    case 'finite':
      return Number.isFinite(value)
        ? null
        : { code: 'custom', path: [], message: check.message, input: value, continue: true };
    default: {
      const input = value as { length: number };
      // Strings are measured in code points, as zod does.
      const length = typeof input === 'string' ? [...input].length : input.length;
      const origin = Array.isArray(input)
        ? 'array'
        : typeof input === 'string'
          ? 'string'
          : 'unknown';
      if (check.c === 'minLen')
        return length >= check.n ? null : outOfRange('too_small', check.n, true, origin, input);
      if (check.c === 'maxLen')
        return length <= check.n ? null : outOfRange('too_big', check.n, true, origin, input);
      if (length === check.n) return null;
      return outOfRange(
        length > check.n ? 'too_big' : 'too_small',
        check.n,
        true,
        origin,
        input,
        true,
      );
    }
  }
}

function tooLong(checks: readonly Check[], value: unknown[]): Issue | null {
  for (const check of checks) {
    if (check.c !== 'minLen' && check.c !== 'maxLen' && check.c !== 'len') break;
    if (check.c !== 'minLen' && value.length > check.n) {
      const issue = runCheck(check, value)!;
      return { ...issue, continue: false };
    }
  }
  return null;
}

/** The object keys a rule allows at a path, for suggesting a near one. */
export function keysAt(rule: Rule, path: readonly PropertyKey[]): string[] {
  return objectsAt(rule, path).flatMap((n) => Object.keys(n.shape));
}

/** The object rules a value at a path may follow (every shape of a union there). */
export function objectsAt(
  rule: Rule,
  path: readonly PropertyKey[],
): Extract<Rule, { t: 'object' }>[] {
  let nodes: Rule[] = [rule];
  for (const k of path) {
    const next: Rule[] = [];
    for (const n of nodes.flatMap(unwrap)) {
      if (n.t === 'object' && typeof k === 'string' && Object.hasOwn(n.shape, k))
        next.push(n.shape[k]!);
      if (n.t === 'array' && typeof k === 'number') next.push(n.el);
    }
    nodes = next;
  }
  return nodes.flatMap(unwrap).flatMap((n) => (n.t === 'object' ? [n] : []));
}

function unwrap(n: Rule): Rule[] {
  if (n.t === 'optional') return unwrap(n.inner);
  if (n.t === 'union') return n.options.flatMap(unwrap);
  return [n];
}

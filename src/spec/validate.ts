import { nearestNames } from '../util/nearest.ts';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';
import { checkRule, type Issue, keysAt, objectsAt } from './rules.ts';
import type { Spec } from './spec-type.ts';
import { SPEC_RULES } from './spec-rules.ts';
import { MAX_JSON_DEPTH, tooDeep } from '../util/depth.ts';

/** `$.colorbar.ticks[2]` from a path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, k) =>
      typeof k === 'number'
        ? `${s}[${k}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(k))
          ? `${s}.${String(k)}`
          : `${s}[${JSON.stringify(String(k))}]`,
    '$',
  );
}

/**
 * For a union that failed, the issue of the option that got furthest into the value (the
 * closest match), so `$.data[0][1]` is named rather than `$.data`; the union's own message
 * when every option failed at the top.
 */
function closest(
  issue: Issue,
  base: readonly PropertyKey[],
): { issue: Issue; path: PropertyKey[] } {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || !issue.errors) return { issue, path };
  let best: { issue: Issue; path: PropertyKey[] } | null = null;
  for (const option of issue.errors) {
    for (const sub of option) {
      if (sub.path.length === 0 && sub.code !== 'invalid_union') continue;
      const c = closest(sub, path);
      if (!best || c.path.length > best.path.length) best = c;
    }
  }
  // A key missing from a shape is no nearer than a shape all of whose keys are there but one
  // unknown: that unknown key is the problem said (a typo, or an option of another shape).
  const unknownOnly = issue.errors.find((o) =>
    o.every((sub) => sub.code === 'unrecognized_keys' && sub.path.length === 0),
  );
  if (unknownOnly && best?.issue.code === 'invalid_type' && best.issue.input === undefined)
    return { issue: unknownOnly[0]!, path };
  return best && best.path.length > path.length ? best : { issue, path };
}

function describeIssue(
  top: Issue,
  base: readonly PropertyKey[] = [],
): { where: string; message: string } {
  const { issue, path } = closest(top, base);
  const where = jsonPath(path);
  if (issue.code === 'unrecognized_keys') {
    // A key one shape of a union lacks but another has: the value meant that other shape
    // (zod reports the first shape's unknown key), and what is wrong lies in it.
    const input = issue.input;
    const meant =
      input !== null && typeof input === 'object' && !Array.isArray(input)
        ? objectsAt(SPEC_RULES, path).find((o) =>
            Object.keys(input).every((k) => Object.hasOwn(o.shape, k)),
          )
        : undefined;
    const inner = meant ? checkRule(meant, input) : [];
    if (inner.length)
      return describeIssue(inner.find((i) => i.code === 'unrecognized_keys') ?? inner[0]!, path);
    const key = issue.keys![0]!;
    const known = keysAt(SPEC_RULES, path);
    // An option of another shape, beside options of this one: the two do not mix.
    if (known.includes(key)) return { where, message: msg.keyOfOtherForm(key) };
    const near = nearestNames(key, known)[0] ?? null;
    return { where, message: msg.unknownKey(key, near) };
  }
  if (issue.code === 'invalid_type') {
    return {
      where,
      message: msg.expectedType(
        String(issue.expected),
        issue.input === undefined ? ' (missing)' : `, got ${JSON.stringify(issue.input)}`,
      ),
    };
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const bound = small ? issue.minimum : issue.maximum;
    const what =
      issue.origin === 'array'
        ? `at ${small ? 'least' : 'most'} ${bound} items`
        : issue.origin === 'string'
          ? `at ${small ? 'least' : 'most'} ${bound} characters`
          : `${small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than'} ${bound}`;
    return {
      where,
      message: msg.mustBe(
        what,
        issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : '',
      ),
    };
  }
  if (issue.code === 'invalid_value') {
    return {
      where,
      message: msg.expectedOneOf(
        issue.values!.map((v) => JSON.stringify(v)).join(', '),
        JSON.stringify(issue.input),
      ),
    };
  }
  // A union that no option matched, or a refinement: the schema's own message.
  const got = issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : '';
  return { where, message: (issue.message ?? '') + (issue.code === 'invalid_union' ? got : '') };
}

/**
 * Checks a spec against the schema and returns it typed, or throws one HeatfigError naming
 * the first problem: its JSON path, what is wrong and what would be right.
 * `source` (the spec's file name) prefixes the path.
 */
export function validateSpec(input: unknown, source: string | null = null): Spec {
  // The rules walk the spec recursively: a spec nested past any sensible depth is refused first.
  const deep = tooDeep(input);
  if (deep !== null)
    throw new HeatfigError(
      'bad-spec',
      msg.specTooDeep(MAX_JSON_DEPTH),
      source ? `${source}: ${deep.slice(0, 60)}` : deep.slice(0, 60),
    );
  const issues = checkRule(SPEC_RULES, input);
  if (issues.length === 0) return input as Spec;
  const first = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
  const { where, message } = describeIssue(first);
  throw new HeatfigError('bad-spec', message, source ? `${source}: ${where}` : where);
}

import type { z } from 'zod';
import { nearestNames } from '../color/colormap.ts';
import { HeatfigError } from '../errors.ts';
import { msg } from '../messages.ts';
import { type Spec, specSchema } from './schema.ts';

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

/** The object keys the schema allows at a path, for suggesting a near one. */
function keysAt(path: readonly PropertyKey[]): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definition
  let nodes: any[] = [specSchema];
  for (const k of path) {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const next: any[] = [];
    for (const n of nodes.flatMap(unwrap)) {
      const def = n._zod.def;
      if (def.type === 'object' && typeof k === 'string' && def.shape[k]) next.push(def.shape[k]);
      if (def.type === 'array' && typeof k === 'number') next.push(def.element);
    }
    nodes = next;
  }
  return nodes
    .flatMap(unwrap)
    .flatMap((n) => (n._zod.def.type === 'object' ? Object.keys(n._zod.def.shape) : []));
}

// biome-ignore lint/suspicious/noExplicitAny: zod internals
function unwrap(n: any): any[] {
  const def = n._zod.def;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
    return unwrap(def.innerType);
  if (def.type === 'union') return def.options.flatMap(unwrap);
  return [n];
}

/**
 * For a union that failed, the issue of the option that got furthest into the value (the
 * closest match), so `$.data[0][1]` is named rather than `$.data`; the union's own message
 * when every option failed at the top.
 */
function closest(
  issue: z.core.$ZodIssue,
  base: readonly PropertyKey[],
): { issue: z.core.$ZodIssue; path: PropertyKey[] } {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return { issue, path };
  let best: { issue: z.core.$ZodIssue; path: PropertyKey[] } | null = null;
  for (const option of issue.errors) {
    for (const sub of option) {
      if (sub.path.length === 0 && sub.code !== 'invalid_union') continue;
      const c = closest(sub, path);
      if (!best || c.path.length > best.path.length) best = c;
    }
  }
  return best && best.path.length > path.length ? best : { issue, path };
}

function describeIssue(top: z.core.$ZodIssue): { where: string; message: string } {
  const { issue, path } = closest(top, []);
  const where = jsonPath(path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const near = nearestNames(key, keysAt(path))[0] ?? null;
    return { where, message: msg.unknownKey(key, near) };
  }
  if (issue.code === 'invalid_type' && !/^expected (a|an|true) /.test(issue.message)) {
    return {
      where,
      message: `expected ${issue.expected}${issue.input === undefined ? ' (missing)' : `, got ${JSON.stringify(issue.input)}`}`,
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
      message: `must be ${what}${'input' in issue && issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : ''}`,
    };
  }
  if (issue.code === 'invalid_value') {
    return {
      where,
      message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`,
    };
  }
  const got =
    'input' in issue && issue.input !== undefined ? `, got ${JSON.stringify(issue.input)}` : '';
  return {
    where,
    message:
      issue.message.replace(/^Invalid input: /, '') + (issue.code === 'invalid_union' ? got : ''),
  };
}

/**
 * Checks a spec against the schema and returns it typed, or throws one HeatfigError naming
 * the first problem: its JSON path, what is wrong and what would be right.
 * `source` (the spec's file name) prefixes the path.
 */
export function validateSpec(input: unknown, source: string | null = null): Spec {
  const r = specSchema.safeParse(input, { reportInput: true });
  if (r.success) return input as Spec;
  const first = r.error.issues.find((i) => i.code === 'unrecognized_keys') ?? r.error.issues[0]!;
  const { where, message } = describeIssue(first);
  throw new HeatfigError('bad-spec', message, source ? `${source}: ${where}` : where);
}

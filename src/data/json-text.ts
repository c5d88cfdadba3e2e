import { HeatfigError } from '../errors.ts';
import { MAX_JSON_DEPTH, tooDeep } from '../util/depth.ts';
import * as msg from '../messages.ts';

/**
 * Parses JSON text, turning a syntax error into one HeatfigError at `source:line:col`, and
 * refusing nesting deeper than MAX_JSON_DEPTH levels at its JSON path.
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const { at, what } = locateJsonError(body);
    const before = body.slice(0, at).split('\n');
    const where = `${source}:${before.length}:${before[before.length - 1]!.length + 1}`;
    throw new HeatfigError(
      'bad-json',
      msg.invalidJson(what ?? String((e as Error).message)),
      where,
    );
  }
  const deep = tooDeep(value);
  if (deep !== null)
    throw new HeatfigError(
      'bad-json',
      msg.jsonTooDeepAt(MAX_JSON_DEPTH, deep.length > 60 ? `${deep.slice(0, 60)}…` : deep),
      source,
    );
  return value;
}

/**
 * Finds the first syntax error in JSON text (JSON.parse does not always say where): a small
 * recursive-descent checker that builds nothing and stops at the first fault.
 */
export function locateJsonError(s: string): { at: number; what: string | null } {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw { at: i, what };
  };
  const token = () =>
    i < s.length ? `unexpected ${JSON.stringify(s[i])}` : 'unexpected end of text';
  /** The items of an object or array, after its opening bracket: item, comma, …, `close`. */
  const items = (close: '}' | ']', item: () => void): void => {
    i++;
    ws();
    if (s[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close) {
        i++;
        return;
      }
      fail(`${token()}, expected "," or "${close}"`);
    }
  };
  const value = (depth: number): void => {
    if (depth > 10000) fail('nested too deeply');
    ws();
    const c = s[i];
    if (c === '{') {
      items('}', () => {
        ws();
        if (s[i] !== '"') fail(`${token()}, expected a "key" in quotes`);
        string();
        ws();
        if (s[i] !== ':') fail(`${token()}, expected ":"`);
        i++;
        value(depth + 1);
      });
      return;
    }
    if (c === '[') {
      items(']', () => value(depth + 1));
      return;
    }
    if (c === '"') {
      string();
      return;
    }
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      s.slice(i, i + 400),
    );
    if (!lit) fail(`${token()}, expected a value`);
    i += lit![0].length;
  };
  const string = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') {
        i++;
        if (!/["\\/bfnrtu]/.test(s[i] ?? '')) fail('bad escape in a string');
      } else if (s.charCodeAt(i) < 0x20)
        fail('a control character (such as a newline) inside a string');
      i++;
    }
    if (i >= s.length) fail('a string is not closed');
    i++;
  };
  try {
    value(0);
    ws();
    if (i < s.length) fail(`${token()} after the end of the JSON value`);
    return { at: i, what: null };
  } catch (e) {
    if (e && typeof e === 'object' && 'at' in e) return e as { at: number; what: string };
    return { at: i, what: null };
  }
}

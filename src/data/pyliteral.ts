/**
 * Python literals as .npy headers hold them (numpy writes `repr()` of a dict and reads it
 * back with `ast.literal_eval`): dicts, tuples, lists, strings in either quote, integers
 * (with an old `L`), True, False, None. A tuple is { tuple: [...] }, to tell it from a list.
 * Bounded: nesting at most 32 deep. Returns null for anything else.
 */
export type PyValue =
  | string
  | number
  | boolean
  | null
  | PyValue[]
  | { readonly tuple: PyValue[] }
  | { readonly dict: Map<string | number, PyValue> };

export function parsePyLiteral(text: string): PyValue | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new SyntaxError();
  };
  const value = (depth: number): PyValue => {
    if (depth > 32) fail();
    ws();
    const c = text[i];
    if (c === "'" || c === '"') {
      i++;
      let s = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') {
          const e = text[i + 1];
          s += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
          i += 2;
        } else s += text[i++];
      }
      if (text[i] !== c) fail();
      i++;
      return s;
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const items: PyValue[] = [];
      ws();
      while (text[i] !== close) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail();
        ws();
      }
      i++;
      return c === '(' ? { tuple: items } : items;
    }
    if (c === '{') {
      i++;
      const dict = new Map<string | number, PyValue>();
      ws();
      while (text[i] !== '}') {
        const k = value(depth + 1);
        if (typeof k !== 'string' && typeof k !== 'number') fail();
        ws();
        if (text[i++] !== ':') fail();
        dict.set(k as string | number, value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail();
        ws();
      }
      i++;
      return { dict };
    }
    const m = /^(?:True|False|None|[+-]?\d+L?)/.exec(text.slice(i, i + 40));
    if (!m) fail();
    i += m![0].length;
    const w = m![0];
    if (w === 'True') return true;
    if (w === 'False') return false;
    if (w === 'None') return null;
    const n = Number(w.replace(/L$/, ''));
    if (!Number.isSafeInteger(n)) fail();
    return n;
  };
  try {
    const v = value(0);
    ws();
    return i === text.length ? v : undefined;
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}

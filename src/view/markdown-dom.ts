/**
 * The description's markdown as DOM (headings, paragraphs, lists, tables, code spans), built
 * with createElement and textContent only: no string is ever parsed as HTML.
 */
export function markdownToDom(md: string, doc: Document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const lines = md.split('\n');
  let list: HTMLElement | null = null;
  let i = 0;
  const inline = (el: HTMLElement, text: string) => {
    const parts = text.split(/(`+)([\s\S]*?)\1/);
    for (let k = 0; k < parts.length; k++) {
      if (k % 3 === 0) {
        // Emphasis marks are dropped (they may open in one run of text and close in another).
        if (parts[k]) el.append(doc.createTextNode(plain(parts[k]!).replace(/\*\*/g, '')));
      } else if (k % 3 === 2) {
        const c = doc.createElement('code');
        c.textContent = parts[k]!.replace(/^ (.*) $/, '$1');
        el.append(c);
      }
    }
  };
  const plain = (s: string) =>
    s
      .replace(/\*\*(.*?)\*\*/g, '$1')
      .replace(/\\([\\`*_[\]#<>&|])/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  while (i < lines.length) {
    const line = lines[i]!;
    const h = /^(#{2,4}) (.*)$/.exec(line);
    const li = /^(?:\d+\.|-) (.*)$/.exec(line);
    if (h) {
      list = null;
      const el = doc.createElement(`h${h[1]!.length}`);
      inline(el, h[2]!);
      frag.append(el);
    } else if (li) {
      const ordered = /^\d+\./.test(line);
      if (!list || (list.tagName === 'OL') !== ordered) {
        list = doc.createElement(ordered ? 'ol' : 'ul');
        frag.append(list);
      }
      const el = doc.createElement('li');
      inline(el, li[1]!);
      list.append(el);
    } else if (line.startsWith('|')) {
      list = null;
      const table = doc.createElement('table');
      const cells = (l: string) =>
        l
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim());
      const head = doc.createElement('tr');
      for (const c of cells(line)) {
        const th = doc.createElement('th');
        th.scope = 'col';
        inline(th, c);
        head.append(th);
      }
      table.append(head);
      i += 2;
      while (i < lines.length && lines[i]!.startsWith('|')) {
        const tr = doc.createElement('tr');
        cells(lines[i]!).forEach((c, k) => {
          const td = doc.createElement(k === 0 ? 'th' : 'td');
          if (k === 0) (td as HTMLTableCellElement).scope = 'row';
          inline(td, c);
          tr.append(td);
        });
        table.append(tr);
        i++;
      }
      frag.append(table);
      continue;
    } else if (line.trim()) {
      list = null;
      const p = doc.createElement('p');
      inline(p, line);
      frag.append(p);
    }
    i++;
  }
  return frag;
}

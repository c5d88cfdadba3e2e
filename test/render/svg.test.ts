import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/pipeline.ts';
import { escapeXml, num } from '../../src/render/svg.ts';

describe('renderSvg', () => {
  it('shows markup in labels and titles as text, never as markup', () => {
    const evil = '</script><img src=x onerror=alert(1)> & "q" \'s\'';
    const { output } = render({
      data: { values: [[1, 2]], rows: [evil], cols: ['<b>', '&amp;'] },
      title: evil,
      annot: true,
    });
    assert.ok(!output.includes('<img'));
    assert.ok(!output.includes('</script>'));
    assert.ok(
      output.includes(
        '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;s&#39;',
      ),
    );
    assert.ok(output.includes('>&lt;b&gt;</text>'));
    assert.ok(output.includes('>&amp;amp;</text>'));
  });

  it('gives every cell its position and full-precision value', () => {
    const { output } = render({
      data: [
        [0.1 + 0.2, null],
        [1e-17, -3],
      ],
    });
    assert.match(
      output,
      /<rect [^>]*data-panel="0" data-row="0" data-col="0" data-value="0.30000000000000004"\/>/,
    );
    assert.match(output, /data-row="1" data-col="0" data-value="1e-17"/);
    assert.equal((output.match(/data-row=/g) ?? []).length, 3);
  });

  it('is an accessible image with a title', () => {
    const { output } = render({ data: [[1]], title: 'Accuracy' });
    const id = /aria-labelledby="(heatfig-[a-z0-9]+)-title"/.exec(output)?.[1];
    assert.ok(id, 'an id of its own');
    assert.match(output, new RegExp(`<title id="${id}-title">Accuracy</title>`));
    // Two figures on one page: each announced as itself.
    const other = render({ data: [[1, 2]], title: 'Other' }).output;
    assert.ok(!other.includes(`${id}-title`));
  });

  it('drops characters XML cannot hold', () => {
    assert.equal(escapeXml('a\u0001b'), 'a\ufffdb');
  });

  it('writes numbers with at most three decimals and no negative zero', () => {
    assert.equal(num(1.23456), '1.235');
    assert.equal(num(-0.0001), '0');
    assert.equal(num(12), '12');
    assert.equal(num(-0), '0');
    assert.equal(num(-7), '-7');
  });
});

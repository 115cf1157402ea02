import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, escapeText, unescapeXml } from '../../../src/lib/html/escape.ts';

const TRICKY = `豆包 & "Doubao" <¥0.12/1M> 'tokens' &amp; &lt;b&gt; 🚀`;

describe('escapeText and escapeHtml', () => {
  it('escape what markup reads: escapeText the text-node three, escapeHtml quotes too', () => {
    expect(escapeText(TRICKY)).toBe(`豆包 &amp; "Doubao" &lt;¥0.12/1M&gt; 'tokens' &amp;amp; &amp;lt;b&amp;gt; 🚀`);
    expect(escapeHtml(TRICKY)).toBe(
      '豆包 &amp; &quot;Doubao&quot; &lt;¥0.12/1M&gt; &#39;tokens&#39; &amp;amp; &amp;lt;b&amp;gt; 🚀',
    );
  });
});

describe('unescapeXml', () => {
  it('gives back the text either escaper was given', () => {
    expect(unescapeXml(escapeText(TRICKY))).toBe(TRICKY);
    expect(unescapeXml(escapeHtml(TRICKY))).toBe(TRICKY);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(unescapeXml(escapeText(text))).toBe(text);
        expect(unescapeXml(escapeHtml(text))).toBe(text);
      }),
    );
  });

  it('reads named and numeric references once, and leaves what is not one', () => {
    expect(unescapeXml('&apos;&quot;&#35910;&#x5305;&#X1F680;')).toBe(`'"豆包🚀`);
    expect(unescapeXml('&amp;lt;')).toBe('&lt;');
    expect(unescapeXml('&LT; &nbsp; &#x110000; & ;')).toBe('&LT; &nbsp; &#x110000; & ;');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, element, htmlElement } from '../../../src/lib/feeds/xml.ts';

describe('escapeXml', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml('a < b & "c" \'d\' ]]> \u0001\u0007\u000B ok\u0009')).toBe(
      'a &lt; b &amp; &quot;c&quot; &apos;d&apos; ]]&gt;  ok\u0009',
    );
  });

  it('keeps emoji, CJK and RTL marks', () => {
    expect(escapeXml('豆包 ✅ \u202Eabc')).toBe('豆包 ✅ \u202Eabc');
  });

  it('always yields well-formed XML that reads back as the input minus forbidden characters', () => {
    const parser = new XMLParser({
      processEntities: true,
      htmlEntities: true,
      trimValues: false,
      parseTagValue: false,
    });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const xml = `<r>${element('t', s + 'x')}</r>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const back = parser.parse(xml).r.t as string;
        expect(back).toBe(
          (s + 'x').replace(
            // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
            /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
            '',
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('htmlElement', () => {
  const parser = new XMLParser({ processEntities: true, htmlEntities: true, trimValues: false, parseTagValue: false });
  const FORBIDDEN =
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

  it('carries HTML unescaped in CDATA, smaller than escaped text', () => {
    const html = '<p class="x">A &amp; <a href="https://e.example/?a=1&amp;b=2">B</a></p>';
    expect(htmlElement('content', html, { type: 'html' })).toBe(`<content type="html"><![CDATA[${html}]]></content>`);
    expect(htmlElement('content', html).length).toBeLessThan(element('content', html).length);
    expect(htmlElement('content', '')).toBe('');
  });

  it('always yields well-formed XML that reads back as the input minus forbidden characters, ]]> and CR included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('', ']]>', '\r\n', ']]]>>'), (s, tricky) => {
        const text = `${s}${tricky}${s}x`;
        const xml = `<r>${htmlElement('t', text)}</r>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const t = (parser.parse(xml) as { r: { t: unknown } }).r.t;
        expect(Array.isArray(t) ? t.join('') : String(t)).toBe(text.replace(FORBIDDEN, ''));
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, element } from '../../../src/lib/feeds/xml.ts';

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

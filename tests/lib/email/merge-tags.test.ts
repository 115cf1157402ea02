import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  hasMergeTagOpener,
  inertHtml,
  inertText,
  inertUrl,
  MERGE_TAG_OPENERS,
} from '../../../src/lib/email/merge-tags.ts';

describe('inertText', () => {
  it('breaks every opener with an invisible joiner and changes nothing else', () => {
    expect(inertText('{{ unsubscribe_url }} *|UNSUB|* {% for x %} %%name%% {{{x}}}')).toBe(
      '{\u2060{ unsubscribe_url }} *\u2060|UNSUB|* {\u2060% for x %} %\u2060%name%\u2060% {\u2060{\u2060{x}}}',
    );
    expect(inertText('a { b } 50% | c * d')).toBe('a { b } 50% | c * d');
  });

  it('leaves no opener in any text, and reads the same once the joiners are gone', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '%', '*', '|', '}', 'a', ' ') }), (s) => {
        const out = inertText(s);
        expect(hasMergeTagOpener(out)).toBe(false);
        expect(out.replaceAll('\u2060', '')).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('inertUrl and inertHtml', () => {
  it('percent-encode openers in URLs and break them in text and other attributes', () => {
    expect(inertUrl('https://x.example/{{a}}?q=*|UNSUB|*&p=%%x')).toBe(
      'https://x.example/%7B{a}}?q=*%7CUNSUB|*&p=%25%25x',
    );
    const html = inertHtml('<p title="{{t}}">{{ x }} <a href="https://x.example/?u=*|U|*">*|ARCHIVE|*</a></p>');
    expect(html).toBe(
      '<p title="{\u2060{t}}">{\u2060{ x }} <a href="https://x.example/?u=*%7CU|*">*\u2060|ARCHIVE|*</a></p>',
    );
    for (const o of MERGE_TAG_OPENERS) expect(html).not.toContain(o);
  });
});

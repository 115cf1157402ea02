import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { curlyQuotes } from '../../../src/lib/site/typography.ts';

describe('curlyQuotes', () => {
  it.each([
    ["ByteDance's ¥200 billion AI bet", 'ByteDance’s ¥200 billion AI bet'],
    ["don't build", 'don’t build'],
    ['the "metric" is the message', 'the “metric” is the message'],
    ['\'Rent\' and "build"', '‘Rent’ and “build”'],
    ['("quoted")', '(“quoted”)'],
    ['a — "dash"', 'a — “dash”'],
    ["the '90s", 'the ’90s'],
    ['5\' 3"', '5’ 3”'],
    ['"\'Nested\' quotes"', '“‘Nested’ quotes”'],
  ])('%j → %j', (input, output) => {
    expect(curlyQuotes(input)).toBe(output);
  });

  it('leaves text without straight quotes as it is, and changes nothing but quotes', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = curlyQuotes(s);
        expect(out.length).toBe(s.length);
        expect(out.replace(/[‘’“”]/g, 'q')).toBe(s.replace(/['"‘’“”]/g, 'q'));
        expect(curlyQuotes(out)).toBe(out);
      }),
    );
  });
});

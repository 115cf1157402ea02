import { describe, expect, it } from 'vitest';
import { isExternal } from '../../../src/lib/site/links.ts';

describe('isExternal', () => {
  const site = 'https://ai-frontier.example.com';
  it('tells other origins from ours', () => {
    expect(isExternal('https://www.scmp.com/x', site)).toBe(true);
    expect(isExternal('//cdn.example.org/x', site)).toBe(true);
    expect(isExternal('https://ai-frontier.example.com/figures/', site)).toBe(false);
    expect(isExternal('/figures/', site)).toBe(false);
    expect(isExternal('#fn-1', site)).toBe(false);
    expect(isExternal('mailto:desk@example.com', site)).toBe(false);
  });
});

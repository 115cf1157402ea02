import { describe, expect, it } from 'vitest';
import { nextIssueNumber, scaffoldArticle, scaffoldFileName, shortSlug } from '../../../src/lib/content/scaffold.ts';
import { validateFrontmatter } from '../../../src/lib/content/frontmatter.ts';

describe('scaffold', () => {
  it('names the file by date and slug, and numbers the next issue', () => {
    expect(scaffoldFileName(shortSlug('Tokens: who wins?'), new Date('2026-11-24T10:00:00Z'))).toBe('2026-11-24-tokens-wins.mdx');
    expect(nextIssueNumber([])).toBe(1);
    expect(nextIssueNumber([1, 7, 3].map((issue) => ({ issue, draft: false })))).toBe(8);
  });

  it('numbers after the published issues, not after a draft far ahead, skipping numbers drafts hold', () => {
    expect(nextIssueNumber([{ issue: 1, draft: false }, { issue: 2, draft: false }, { issue: 99, draft: true }])).toBe(3);
    expect(nextIssueNumber([{ issue: 1, draft: false }, { issue: 2, draft: true }, { issue: 3, draft: true }])).toBe(4);
    expect(nextIssueNumber([{ issue: 5, draft: true }])).toBe(1);
  });

  it('makes a short slug: stop words dropped, at most six words', () => {
    expect(shortSlug('Why ByteDance is betting ¥200 billion on AI in 2026')).toBe('bytedance-betting-200-billion-ai-2026');
    expect(shortSlug('One two three four five six seven eight')).toBe('one-two-three-four-five-six');
    expect(shortSlug('The state of the art')).toBe('state-art');
    expect(shortSlug('The')).toBe('the');
    expect(shortSlug('豆包 price war')).toBe('dou-bao-price-war');
  });

  it('writes frontmatter that passes the schema, with draft set', () => {
    const text = scaffoldArticle({ title: 'A "quoted" title', today: new Date('2026-11-24'), nextIssue: 3 });
    const result = validateFrontmatter('x.mdx', text);
    expect(result.errors).toEqual([]);
    expect(result.data).toMatchObject({ title: 'A "quoted" title', issue: 3, draft: true });
  });
});

import { describe, expect, it } from 'vitest';
import { nextIssueNumber, scaffoldArticle, scaffoldFileName } from '../../../src/lib/content/scaffold.ts';
import { validateFrontmatter } from '../../../src/lib/content/frontmatter.ts';

describe('scaffold', () => {
  it('names the file by date and slug, and numbers the next issue', () => {
    expect(scaffoldFileName('Tokens: who wins?', new Date('2026-11-24T10:00:00Z'))).toBe('2026-11-24-tokens-who-wins.mdx');
    expect(nextIssueNumber([1, 7, 3])).toBe(8);
    expect(nextIssueNumber([])).toBe(1);
  });

  it('writes frontmatter that passes the schema, with draft set', () => {
    const text = scaffoldArticle({ title: 'A "quoted" title', today: new Date('2026-11-24'), nextIssue: 3 });
    const result = validateFrontmatter('x.mdx', text);
    expect(result.errors).toEqual([]);
    expect(result.data).toMatchObject({ title: 'A "quoted" title', issue: 3, draft: true });
  });
});

/**
 * What makes an article unreadable is reported at its place with the fix, before anything else: a
 * byte-order mark, bytes that were not UTF-8, control characters in the frontmatter or the body,
 * an alias bomb in the frontmatter, and a tag or author too long to name a page.
 */
import { describe, expect, it } from 'vitest';
import { validateFrontmatter } from '../../../src/lib/content/frontmatter.ts';

const FILE = 'content/articles/2026-03-02-x.mdx';
const article = (frontmatter = '', body = 'Body text.\n') =>
  `---\ntitle: "T"\ndek: "D"\npublished: 2026-03-02\nauthors: ["A"]\ntags: ["capex"]\nissue: 3\nsources:\n  - name: "S"\n    url: "https://example.com/s"\n    date: 2026-03-01\nsummary: "One sentence."\n${frontmatter}---\n\n${body}`;
const messages = (text: string) => validateFrontmatter(FILE, text).errors.map((e) => e.message);

describe('an article file', () => {
  it('as written is valid (the fixtures below differ from it by one thing each)', () => {
    expect(messages(article())).toEqual([]);
  });

  it('with a byte-order mark: named as such, not "no frontmatter"', () => {
    expect(messages(`\uFEFF${article()}`)).toEqual([
      `${FILE}:1: The file starts with an invisible byte-order mark (U+FEFF), which hides its frontmatter.\n  Fix: Save it as UTF-8 without a byte-order mark (in most editors: Save with Encoding → UTF-8, not "UTF-8 with BOM").`,
    ]);
  });

  it('with bytes that are not UTF-8 or a control character, in the body or the frontmatter: the line and column', () => {
    expect(messages(article('', 'Caf\uFFFD au lait.\n'))).toEqual([
      expect.stringMatching(/^content\/articles\/2026-03-02-x\.mdx:15:4: The file is not valid UTF-8 here/),
    ]);
    expect(messages(article('', 'A NUL\u0000 here.\n'))).toEqual([
      expect.stringMatching(
        /:15:6: The file contains an invisible NUL \(U\+0000\) character here\.\n {2}Fix: Delete it/,
      ),
    ]);
    expect(messages(article('', 'Colour \u001b[31mred\n'))[0]).toContain(
      ':15:8: The file contains an invisible ESC (U+001B)',
    );
    expect(messages(article('dek2: "\u0007"\n'))[0]).toContain(':13:8: The file contains an invisible BEL (U+0007)');
  });

  it('with an escaped control character or an alias bomb in the frontmatter: the line and the fix', () => {
    expect(messages(article().replace('title: "T"', 'title: "T\\e[2J"'))[0]).toMatch(
      /^content\/articles\/2026-03-02-x\.mdx:2: This value holds an invisible ESC/,
    );
    const laughs = ['x: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      laughs.push(
        `x${i}: &${'abcdefghij'[i]} [${Array(9)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    expect(messages(article(`${laughs.join('\n')}\n`))[0]).toMatch(
      /:14: Its aliases \(\*name\) repeat anchors .*\n {2}Fix: Write the values out/,
    );
  });

  it('with a 10,000-character tag or a 200-character author: the field, its line and the limit', () => {
    expect(messages(article().replace('tags: ["capex"]', `tags: ["${'t'.repeat(10_000)}"]`))).toEqual([
      `${FILE}:6 (tags.0): A tag is a short label: at most 60 characters.\n  Fix: Write it like:  tags: ["ByteDance", "capex"]`,
    ]);
    expect(messages(article().replace('authors: ["A"]', `authors: ["${'a'.repeat(200)}"]`))[0]).toContain(
      '(authors.0): An author is a name: at most 80 characters.',
    );
  });
});

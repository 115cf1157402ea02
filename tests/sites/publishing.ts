/**
 * Articles with complete frontmatter for the publishing rules (tests/build/publishing.test.ts): a draft,
 * one dated in the future and an ordinary one, and the same template with one field broken.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An article whose frontmatter is complete; `fields` overrides lines (an empty value leaves the field out). */
export function article(fields: Record<string, string>): string {
  const base: Record<string, string> = {
    title: '"Fixture article"',
    dek: '"A dek for the fixture"',
    published: '2026-01-05',
    authors: '["Fixture Author"]',
    tags: '["fixture"]',
    issue: '90',
    sources: '\n  - name: "Fixture source"\n    url: "https://example.org/report"\n    date: 2026-01-01',
    summary: '"The fixture says one thing."',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\nBody text of the fixture.\n`;
}

/** /articles/a-draft/ (issue 91, a draft), /articles/from-the-future/ (92, dated 2030) and /articles/published-fixture/ (93). */
export function writePublishingArticles(dir: string): void {
  const articles = join(dir, 'content', 'articles');
  writeFileSync(
    join(articles, '2026-01-05-a-draft.mdx'),
    article({ title: '"Draft fixture"', draft: 'true', issue: '91' }),
  );
  writeFileSync(
    join(articles, '2030-01-01-from-the-future.mdx'),
    article({ title: '"Future fixture"', published: '2030-01-01', issue: '92' }),
  );
  writeFileSync(join(articles, '2026-01-05-published-fixture.mdx'), article({ issue: '93' }));
}

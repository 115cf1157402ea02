import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';

/** An article whose frontmatter is complete; `extra` overrides lines. */
function article(fields: Record<string, string>): string {
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

describe('publishing rules', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject();
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
    const result = runScript('scripts/build.ts', [], { cwd: dir, env: { BUILD_DATE: '2026-11-24T00:00:00Z' } });
    expect(result.status, result.stderr).toBe(0);
  });

  it('publishes an ordinary article', () => {
    expect(existsSync(join(dir, 'dist/articles/published-fixture/index.html'))).toBe(true);
  });

  it('publishes no newsletter edition (npm run email and npm run send make them)', () => {
    expect(existsSync(join(dir, 'dist/newsletter'))).toBe(false);
  });

  it('keeps drafts and future-dated articles out of dist', () => {
    expect(existsSync(join(dir, 'dist/articles/a-draft'))).toBe(false);
    expect(existsSync(join(dir, 'dist/articles/from-the-future'))).toBe(false);
    const home = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    expect(home).not.toContain('Draft fixture');
    expect(home).not.toContain('Future fixture');
    expect(home).toContain('Fixture article');
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'sitemap-0.xml', 'pagefind/pagefind-entry.json']) {
      const text = readFileSync(join(dir, 'dist', file), 'utf8');
      expect(text, file).not.toContain('a-draft');
      expect(text, file).not.toContain('from-the-future');
    }
    expect(readFileSync(join(dir, 'dist', 'rss.xml'), 'utf8')).toContain('published-fixture');
    expect(readFileSync(join(dir, 'dist', 'sitemap-0.xml'), 'utf8')).toContain('/articles/published-fixture/');
  });

  it('indexes only published articles for search', () => {
    const entry = JSON.parse(readFileSync(join(dir, 'dist', 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const published = readdirSync(join(dir, 'dist', 'articles')).length;
    expect(entry.languages.en.page_count).toBe(published);
    // Pagefind's own search interfaces are not shipped: the search page has its own.
    const files = readdirSync(join(dir, 'dist', 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
  });
});

describe('invalid frontmatter', () => {
  it.each([
    ['missing title', { title: '' }, 'title'],
    ['bad date', { published: '2025-13-45' }, 'published'],
    ['duplicate issue number', { issue: '1' }, 'issue'],
  ])('%s fails the build naming the file and the field, leaving dist intact', (_name, fields, field) => {
    const dir = copyProject();
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous build');
    writeFileSync(join(dir, 'content/articles/2026-02-02-broken.mdx'), article(fields));
    const result = runScript('scripts/build.ts', [], { cwd: dir });
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('2026-02-02-broken.mdx');
    expect(output).toMatch(new RegExp(`\\b${field}\\b`));
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous build');
  });
});

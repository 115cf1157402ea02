import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';
import { article } from '../sites/publishing.ts';

describe('publishing rules', () => {
  // The production test site holds a draft, an article dated 2030 and an ordinary one (tests/sites/publishing.ts),
  // built as for publishing: no newsletter editions asked for.
  const site = testSite('production');
  const dir = site.project;

  it('builds as a deploy does: no edition asked for, a real site address', () => {
    expect(site.builds.at(-1)!.env.EMAIL_EDITIONS).toBeUndefined();
    expect(site.builds.at(-1)!.env.SITE_URL).toMatch(/^https:\/\//);
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

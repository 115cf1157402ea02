import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDist, testDist } from '../helpers/project.ts';
import { sourceArticles } from '../helpers/site-articles.ts';
import { attr, elements, parseHtml, textOf } from '../helpers/dist-files.ts';
import { curlyQuotes } from '../../src/lib/site/typography.ts';

const articles = () => sourceArticles();

const decode = (s: string) =>
  s
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('the built site', () => {
  it('emits the home page and the 404 page', () => {
    expect(existsSync(join(testDist, 'index.html'))).toBe(true);
    expect(readDist('404.html')).toContain('Page not found');
  });

  it('emits one page per published article with title, dek, date and body', () => {
    const published = articles().filter((a) => !a.front.draft);
    expect(published.length).toBeGreaterThanOrEqual(2);
    for (const a of published) {
      const html = decode(readDist(`articles/${a.slug}/index.html`));
      const doc = elements(parseHtml(html));
      // Title and standfirst as written, with typographer's quotes like the body's.
      expect(textOf(doc.find((el) => el.tagName === 'h1')!), a.slug).toBe(curlyQuotes(a.front.title));
      expect(textOf(doc.find((el) => attr(el, 'class') === 'dek')!).trim(), a.slug).toBe(curlyQuotes(a.front.dek));
      const iso = new Date(a.front.published).toISOString().slice(0, 10);
      expect(html).toContain(`datetime="${iso}"`);
      // The first sentence of the body, up to its first inline component or link, appears in the page.
      const firstParagraph = a.body.split('\n').find((l) => /^[A-Z]/.test(l)) ?? '';
      const plain = firstParagraph.split(/[<[*]/)[0]!.trim().slice(0, 40);
      expect(plain.length).toBeGreaterThan(10);
      expect(html.includes(plain), `${a.slug}: “${plain}”`).toBe(true);
    }
  });

  it('lists the articles on the home page newest first', () => {
    const home = decode(readDist('index.html'));
    const published = articles()
      .filter((a) => !a.front.draft)
      .sort((a, b) => new Date(b.front.published).getTime() - new Date(a.front.published).getTime());
    const positions = published.map((a) => home.indexOf(`/articles/${a.slug}/`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });
});

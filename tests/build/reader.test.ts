/**
 * The reader's pages as built: sign-up forms posting to the configured service (the test build sets a
 * generic one on 127.0.0.1; tests/components/reader.test.ts renders the feeds-only state and each
 * service), a CSP that allows exactly that address, /subscribe/ with every feed, an about page and
 * author pages from content with bylines linking there, and search indexing article text only.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { projectRoot, readDist, testDist } from '../helpers/project.ts';
import { attr, elements, parseHtml, readPages, textOf, type Element } from '../helpers/dist-files.ts';

const isElement = (n: unknown): n is Element => typeof n === 'object' && n !== null && 'attrs' in n && 'tagName' in n;

const pages = readPages(testDist);
const articles = pages.filter((p) => p.path.startsWith('/articles/'));

describe("subscribe, with the test build's generic service on 127.0.0.1 (tests/sites/sites.ts)", () => {
  const forms = pages.flatMap((p) =>
    elements(p.doc)
      .filter((el) => el.tagName === 'form' && attr(el, 'method') === 'post')
      .map((form) => ({ path: p.path, form })),
  );
  const action = attr(forms[0]!.form, 'action')!;

  it('puts a sign-up form on the home page, /subscribe/, /about/ and every article, all posting to the one address', () => {
    expect(action).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/subscribe$/);
    const withForm = new Set(forms.map((f) => f.path));
    for (const path of ['/', '/subscribe/', '/about/', ...articles.map((a) => a.path)])
      expect(withForm.has(path), path).toBe(true);
    expect(new Set(forms.map((f) => attr(f.form, 'action')))).toEqual(new Set([action]));
  });

  it('lets the CSP post exactly there besides the site itself, in the meta policy and the host headers', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(readDist('index.html'))![1]!
      .replace(/&#39;/g, "'");
    expect(meta.split('; ').find((d) => d.startsWith('form-action'))).toBe(`form-action 'self' ${action}`);
    expect(readDist('_headers')).toContain(`form-action 'self' ${action}; frame-ancestors 'none'`);
  });

  it('/subscribe/ lists the site feeds and one RSS feed per tag, each of which exists', () => {
    const doc = parseHtml(readDist('subscribe/index.html'));
    const hrefs = elements(doc)
      .filter((el) => el.tagName === 'a' && attr(el, 'href')?.match(/\.(xml|json)$/))
      .map((a) => attr(a, 'href')!);
    expect(hrefs).toEqual(expect.arrayContaining(['/rss.xml', '/atom.xml', '/feed.json']));
    const perTag = hrefs.filter((h) => h.startsWith('/tags/'));
    expect(perTag.sort()).toEqual(
      pages
        .filter((p) => /^\/tags\/[^/]+\/$/.test(p.path))
        .map((p) => `${p.path}rss.xml`)
        .sort(),
    );
    for (const h of hrefs) expect(existsSync(join(testDist, h)), h).toBe(true);
  });
});

describe('about and authors', () => {
  it('renders the about page from content/pages/about.md', () => {
    const source = readFileSync(join(projectRoot, 'content/pages/about.md'), 'utf8');
    const title = /^title: (.+)$/m.exec(source)![1]!;
    const doc = parseHtml(readDist('about/index.html'));
    expect(textOf(elements(doc).find((el) => el.tagName === 'h1')!)).toBe(title);
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(
      elements(doc)
        .filter((el) => el.tagName === 'h2')
        .map(textOf),
    ).toEqual(expect.arrayContaining(headings));
  });

  it('gives every author in content/authors.yaml a page with the bio, and bylines link there', () => {
    const authors = parse(readFileSync(join(projectRoot, 'content/authors.yaml'), 'utf8')) as Record<
      string,
      { bio: string }
    >;
    for (const [name, { bio }] of Object.entries(authors)) {
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const html = readDist(`authors/${slug}/index.html`);
      expect(html).toContain(bio.replace(/\s+/g, ' ').trim().slice(0, 60));
    }
    for (const a of articles) {
      const byline = elements(a.doc).find((el) => el.tagName === 'a' && attr(el, 'rel') === 'author');
      expect(byline, a.path).toBeDefined();
      expect(attr(byline!, 'href')).toMatch(/^\/authors\/[a-z0-9-]+\/$/);
    }
  });
});

describe('search index scope', () => {
  const ignored = (el: Element): boolean => {
    for (let n: unknown = el; isElement(n); n = n.parentNode)
      if (attr(n, 'data-pagefind-ignore') !== undefined) return true;
    return false;
  };

  it('keeps article chrome, charts, tables, footnotes and sources out, leaving headline and prose indexed', () => {
    for (const a of articles) {
      const body = elements(a.doc).find((el) => attr(el, 'data-pagefind-body') !== undefined)!;
      const outside = elements(body).filter(
        (el) =>
          /\b(dek|meta|key-figures|toc|share|subscribe|tags|figure-sources|chart|outcome-table|comparison-table|table-scroll|footnotes|fig__pop)\b/.test(
            attr(el, 'class') ?? '',
          ) ||
          el.tagName === 'table' ||
          attr(el, 'data-footnote-ref') !== undefined,
      );
      expect(outside.length).toBeGreaterThan(4);
      for (const el of outside)
        expect(ignored(el), `${a.path}: <${el.tagName} class="${attr(el, 'class')}">`).toBe(true);
      const h1 = elements(body).find((el) => el.tagName === 'h1')!;
      expect(ignored(h1)).toBe(false);
      const prose = elements(body).filter(
        (el) => el.tagName === 'p' && attr(el.parentNode as Element, 'class') === 'article-body',
      );
      expect(prose.length).toBeGreaterThan(3);
      for (const p of prose) expect(ignored(p), a.path).toBe(false);
      expect(attr(body, 'data-pagefind-meta')).toMatch(/^date:\d{4}-\d{2}-\d{2}$/);
      const issue = elements(body).find((el) => /^issue:\d+$/.test(attr(el, 'data-pagefind-meta') ?? ''));
      expect(issue, `${a.path}: the issue number for results`).toBeDefined();
    }
  });
});

describe('the article page as built', () => {
  it('opens with headline, one standfirst and the byline; key figures and contents follow the first paragraph', () => {
    for (const a of articles) {
      const all = elements(a.doc);
      const header = all.find((el) => attr(el, 'class') === 'article-header')!;
      expect(
        elements(header)
          .filter((el) => el.parentNode === header)
          .map((el) => `${el.tagName}.${attr(el, 'class') ?? ''}`),
      ).toEqual(['h1.', 'p.dek', 'p.meta meta--list']);
      expect(all.some((el) => el.tagName === 'p' && attr(el, 'class') === 'summary-box')).toBe(false);
      const body = all.find((el) => attr(el, 'class') === 'article-body')!;
      const children = elements(body).filter((el) => el.parentNode === body);
      expect(children[0]!.tagName).toBe('p');
      expect(attr(children[1]!, 'class'), a.path).toBe('article-lead');
    }
  });

  it('marks every run of Chinese in the text, titles and tags with its language', () => {
    const han = /\p{Script=Han}/u;
    let checked = 0;
    for (const a of articles) {
      const main = elements(a.doc).find((el) => el.tagName === 'main')!;
      const walk = (node: unknown, lang: string | undefined, inSvg: boolean): void => {
        if (!isElement(node)) {
          const text = (node as { value?: string }).value ?? '';
          if (han.test(text) && !inSvg) {
            checked++;
            expect(lang, `${a.path}: “${text.trim().slice(0, 30)}”`).toBe('zh-Hans');
          }
          return;
        }
        if (node.tagName === 'script' || node.tagName === 'template') return;
        const own = attr(node, 'lang') ?? lang;
        for (const c of (node as unknown as { childNodes: unknown[] }).childNodes ?? [])
          walk(c, own, inSvg || node.tagName === 'svg');
      };
      walk(main, undefined, false);
    }
    expect(checked, 'the showcase has Chinese names (豆包, 火山引擎)').toBeGreaterThan(2);
  });

  it('offers the contact in every page’s footer', () => {
    for (const p of pages) {
      const link = elements(p.doc).find(
        (el) => el.tagName === 'a' && (attr(el.parentNode as Element, 'class') ?? '') === 'site-footer__contact',
      );
      expect(attr(link!, 'href'), p.path).toBe('mailto:letters@ai-frontier.example.com');
    }
  });
});

describe('sources a reader can follow', () => {
  const isHome = (href: string) => /^https?:\/\/[^/]+\/?$/.test(href);
  const cited = pages.filter((p) => p.path.startsWith('/articles/') || p.path === '/figures/');

  it('never link a home page in place of the cited piece', () => {
    for (const p of cited) {
      const links = elements(p.doc)
        .filter((el) => el.tagName === 'a' && /^https?:/.test(attr(el, 'href') ?? ''))
        .map((a) => attr(a, 'href')!)
        .filter((h) => !/^https:\/\/(x\.com|www\.linkedin\.com|bsky\.app)\//.test(h));
      expect(links.length, p.path).toBeGreaterThan(0);
      for (const h of links) expect(isHome(h), `${p.path}: ${h}`).toBe(false);
    }
  });

  it('show a piece with no public address by its title and date, unlinked, with full dates and period labels', () => {
    const html = readDist('articles/tokens-versus-revenue/index.html');
    const doc = parseHtml(html);
    const groups = elements(doc).filter((el) => attr(el, 'class') === 'figure-sources__source');
    const idc = groups.find((g) => textOf(g).startsWith('IDC'))!;
    expect(textOf(idc).replace(/\s+/g, ' ')).toBe(
      'IDC, China Large Model Public Cloud Service Market Analysis, 2025H1, Sep 2025',
    );
    expect(elements(idc).some((el) => el.tagName === 'a')).toBe(false);
    expect(elements(idc).find((el) => el.tagName === 'cite')).toBeDefined();
    const scmp = textOf(
      elements(parseHtml(readDist('articles/bytedance-200-billion-ai-bet/index.html'))).find(
        (el) => attr(el, 'class') === 'figure-sources__source',
      )!,
    );
    expect(scmp).toMatch(/South China Morning Post, ByteDance raises 2026 capex .+, 9 May 2026$/);
    // The H1 2025 shares chart and its figures read as the half-year they describe.
    expect(html).toContain('Percent of the whole · H1 2025');
    expect(html).toContain('As of H1 2025');
    expect(html).not.toMatch(/As of Jun 2025|· Jun 2025/);
  });
});

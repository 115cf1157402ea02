/**
 * What a newsletter reader expects, in Chromium: the article's text on the first screen of a
 * phone, the sign-up form posting to the email service (a test server on 127.0.0.1 stands in for it),
 * share controls, the theme toggle surviving a reload (set before the first paint), and search results
 * that read well.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { attr, elements, parseHtml } from '../helpers/dist-files.ts';
import { e2eDist, searchPages, site } from './site.ts';

let browser: Browser;
let server: StaticServer;
const articles = site.filter((p) => p.path.startsWith('/articles/')).map((p) => p.path);

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist(e2eDist)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** WCAG contrast ratio of two computed CSS colours ("rgb(…)" / "rgba(…)"). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe.concurrent('article opening', () => {
  it('finds articles to check', ({ expect }) => {
    expect(articles.length).toBeGreaterThan(0);
  });

  it.for(articles)(
    '%s: headline, dek, byline, date and reading time come first, and the first paragraph starts on the first 375×812 screen',
    async (path, { expect }) => {
      const { page } = await openPage(browser, `${server.url}${path}`, { width: 375, height: 812 });
      try {
        const layout = await page.evaluate(() => {
          const top = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? -1;
          const header = document.querySelector('.site-header')!.getBoundingClientRect();
          const navItems = [...document.querySelectorAll('.site-header a, .site-header button')].filter(
            (el) => (el as HTMLElement).offsetParent !== null,
          );
          return {
            order: [
              top('.article-header h1'),
              top('.article-header .dek'),
              top('.article-header .meta'),
              top('.article-body > p'),
            ],
            meta: document.querySelector('.article-header .meta')?.textContent ?? '',
            firstParagraph: top('.article-body > p'),
            headerHeight: header.height,
            headerLines: new Set(
              navItems.map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2)),
            ).size,
          };
        });
        expect(
          layout.order.every((t, i) => t >= 0 && (i === 0 || t > layout.order[i - 1]!)),
          `h1, dek, meta, text top: ${layout.order.join(', ')}`,
        ).toBe(true);
        expect(layout.meta).toMatch(/By .+Issue \d+.*\d{4}.*\d+ min read/s);
        // The paragraph's first line (about 30 px) must be visible, not just its top edge.
        expect(layout.firstParagraph + 30).toBeLessThanOrEqual(812);
        expect(layout.headerLines, 'header items on one line').toBe(1);
        expect(layout.headerHeight).toBeLessThan(64);
      } finally {
        await page.close();
      }
    },
  );
  it.for(articles)('%s: on a 1280×800 laptop screen too', async (path, { expect }) => {
    const { page } = await openPage(browser, `${server.url}${path}`, { width: 1280, height: 800 });
    try {
      const top = await page.evaluate(
        () => document.querySelector('.article-body > p')?.getBoundingClientRect().top ?? Infinity,
      );
      expect(top + 30).toBeLessThanOrEqual(800);
    } finally {
      await page.close();
    }
  });
});

describe('subscribe form', () => {
  let service: Server;
  const posts: Array<{ path: string; body: string; type: string }> = [];
  // The test build configures a generic service on a free local port (tests/build/global-setup.ts); read it back from the form.
  const homeForm = elements(parseHtml(readFileSync(join(e2eDist, 'index.html'), 'utf8'))).find(
    (el) => el.tagName === 'form' && attr(el, 'data-subscribe-form') !== undefined,
  );
  if (!homeForm)
    throw new Error('The test build has no sign-up form: tests/build/global-setup.ts should set NEWSLETTER_SIGNUP');
  const signupUrl = new URL(attr(homeForm, 'action')!);

  beforeAll(async () => {
    service = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.method === 'POST') posts.push({ path: req.url ?? '', body, type: req.headers['content-type'] ?? '' });
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html lang="en"><title>Thanks</title><h1>Thanks for subscribing</h1></html>');
      });
    });
    await new Promise<void>((resolve) => service.listen(Number(signupUrl.port), '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => service.close(() => resolve())));

  const formPages = ['/', '/subscribe/', ...articles.slice(0, 1)];

  it.for(formPages)(
    '%s: posts the address straight to the configured service, which the CSP allows exactly',
    async (path, { expect }) => {
      const { page } = await openPage(browser, `${server.url}${path}`, { width: 375 });
      try {
        const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
        expect(csp!.split('; ').find((d) => d.startsWith('form-action'))).toBe(`form-action 'self' ${signupUrl.href}`);
        const form = page.locator('[data-subscribe-form]').last();
        expect(await form.getAttribute('action')).toBe(signupUrl.href);
        const input = form.locator('input[type="email"]');
        // A labelled field, described by the hint, that the browser validates before anything is sent.
        expect(
          await input.evaluate((el: HTMLInputElement) => ({
            label: el.labels?.[0]?.textContent,
            described: Boolean(document.getElementById(el.getAttribute('aria-describedby') ?? '')),
            required: el.required,
          })),
        ).toEqual({ label: 'Email address', described: true, required: true });
        await input.fill('not an address');
        await form.locator('button[type="submit"]').click();
        expect(await input.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
        const address = `reader+${path.replace(/\W/g, '')}@example.com`;
        await input.fill(address);
        const before = posts.length;
        await Promise.all([page.waitForURL(signupUrl.href), form.locator('button[type="submit"]').click()]);
        expect(await page.locator('h1').innerText()).toBe('Thanks for subscribing');
        expect(posts.length).toBe(before + 1);
        const sent = posts.at(-1)!;
        expect(sent.path).toBe(signupUrl.pathname);
        expect(sent.type).toBe('application/x-www-form-urlencoded');
        expect(new URLSearchParams(sent.body).get('email')).toBe(address);
      } finally {
        await page.close();
      }
    },
  );

  it('/subscribe/ also lists the feeds: RSS, Atom, JSON Feed and one per tag', async ({ expect }) => {
    const { page, problems } = await openPage(browser, `${server.url}/subscribe/`);
    try {
      const hrefs = await page.locator('.feed-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining(['/rss.xml', '/atom.xml', '/feed.json']));
      expect(
        hrefs.filter((h) => /^\/tags\/[^/]+\/(rss\.xml|atom\.xml|feed\.json)$/.test(h ?? '')).length,
      ).toBeGreaterThanOrEqual(3);
      expect(problems.failed).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('share controls', () => {
  it('copy the canonical link, and offer plain links to email, X, LinkedIn and Bluesky without loading anything from them', async ({
    expect,
  }) => {
    const path = articles[0]!;
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const offsite: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) offsite.push(r.url());
    });
    try {
      await page.goto(`${server.url}${path}`);
      const share = page.locator('[data-share]');
      const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
      expect(await share.getAttribute('data-share-url')).toBe(canonical);
      const links = await share.locator('a').evaluateAll((as) =>
        as.map((a) => ({
          text: a.textContent,
          host:
            new URL((a as HTMLAnchorElement).href).protocol === 'mailto:'
              ? 'mailto'
              : new URL((a as HTMLAnchorElement).href).host,
          href: (a as HTMLAnchorElement).href,
        })),
      );
      expect(links.map((l) => [l.text, l.host])).toEqual([
        ['Email', 'mailto'],
        ['X', 'x.com'],
        ['LinkedIn', 'www.linkedin.com'],
        ['Bluesky', 'bsky.app'],
      ]);
      for (const l of links) expect(l.href).toContain(encodeURIComponent(canonical!));
      // Native share appears exactly when the browser has it.
      const hasNative = await page.evaluate(() => 'share' in navigator);
      expect(await share.locator('[data-share-native]').isVisible()).toBe(hasNative);
      await share.locator('[data-share-copy]').click();
      await expect.poll(() => share.locator('[data-share-status]').innerText()).toBe('Link copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
      expect(offsite).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, only the plain links show', async ({ expect }) => {
    const { page } = await openPage(browser, `${server.url}${articles[0]}`, { javaScriptEnabled: false });
    try {
      expect(
        await page
          .locator('[data-share] button')
          .evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length),
      ).toBe(0);
      expect(await page.locator('[data-share] a').count()).toBe(4);
      expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });
});

describe('theme toggle', () => {
  /** Record <html data-theme> at the moment <body> is parsed, i.e. before anything can be painted. */
  async function themeAtFirstPaint(page: Page): Promise<void> {
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { __themeAtBody: string | null }).__themeAtBody =
            document.documentElement.getAttribute('data-theme');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
  }
  const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('cycles system → light → dark, survives a reload before the first paint, tells live charts, and keeps axe at 0 in the pinned themes', async ({
    expect,
  }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await themeAtFirstPaint(page);
      await page.goto(`${server.url}${articles[0]}`);
      const toggle = page.locator('[data-theme-toggle]');
      expect(
        await page.evaluate(() => [
          document.documentElement.dataset.theme,
          document.documentElement.dataset.themeChoice,
        ]),
      ).toEqual(['light', 'system']);
      const lightBg = await pageBackground(page);
      expect(await toggle.getAttribute('aria-label')).toBeNull();
      expect(
        await toggle.evaluate((b) => [...b.children].filter((c) => c.getBoundingClientRect().width > 1).length),
        'one icon visible',
      ).toBe(1);
      expect(await toggle.locator('[data-theme-label]').textContent()).toBe('Theme: system (light). Switch to light');
      await page.evaluate(() => {
        const w = window as unknown as { __events: string[] };
        w.__events = [];
        document.addEventListener('themechange', (e) =>
          w.__events.push((e as CustomEvent<{ theme: string }>).detail.theme),
        );
      });
      await toggle.click(); // light (no visible change on a light system)
      await toggle.click(); // dark
      expect(
        await page.evaluate(() => [
          document.documentElement.dataset.theme,
          document.documentElement.dataset.themeChoice,
        ]),
      ).toEqual(['dark', 'dark']);
      expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['dark']);
      const darkBg = await pageBackground(page);
      expect(contrast(lightBg, darkBg)).toBeGreaterThan(10);
      expect(await axeViolations(page)).toEqual([]);

      await page.reload();
      expect(await page.evaluate(() => (window as unknown as { __themeAtBody: string | null }).__themeAtBody)).toBe(
        'dark',
      );
      expect(await pageBackground(page)).toBe(darkBg);
      expect(await toggle.locator('[data-theme-label]').textContent()).toBe('Theme: dark. Switch to system');

      // Pinned light on a dark system.
      await page.emulateMedia({ colorScheme: 'dark' });
      await toggle.click(); // system → follows the (now dark) system
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await toggle.click(); // light
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      expect(await pageBackground(page)).toBe(lightBg);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${server.url}/`);
      expect(await page.evaluate(() => (window as unknown as { __themeAtBody: string | null }).__themeAtBody)).toBe(
        'light',
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('redraws live charts in the chosen theme', async ({ expect, skip }) => {
    const chartPage = site.find((p) => p.chart)?.path;
    if (!chartPage) skip('no chart page in dist');
    const { page } = await openPage(browser, `${server.url}${chartPage}`, { colorScheme: 'light' });
    try {
      const chart = page.locator('[data-chart]').first();
      await chart.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-chart-live="drawn"] canvas');
      const pixels = () => chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
      const light = await pixels();
      await page.locator('[data-theme-toggle]').click(); // light: same colours
      await page.locator('[data-theme-toggle]').click(); // dark
      await expect.poll(pixels).not.toBe(light);
      await page.locator('[data-theme-toggle]').click(); // system (light)
      await expect.poll(pixels).toBe(light);
    } finally {
      await page.close();
    }
  });

  it(`is the only script on plain pages, within 1.5 KB gzip`, ({ expect }) => {
    const bytes = gzipSync(readFileSync(join(e2eDist, 'site.js')), { level: 9 }).length;
    console.log(
      `site.js (theme toggle and share): ${readFileSync(join(e2eDist, 'site.js')).length} B, ${bytes} B gzip -9`,
    );
    expect(bytes).toBeLessThanOrEqual(1536);
  });
});

describe('search', () => {
  const chrome = [
    /min read/i,
    /All uses/,
    /In one sentence/i,
    /Share this issue/i,
    /Get each issue by email/i,
    /By AI Frontier desk/i,
    /\b[a-z]+\.[a-z0-9-]+\.[a-z0-9.-]+\b/,
  ];

  it('results carry issue and date, excerpts with ellipses and without page chrome or registry ids, and highlights at ≥ 3:1 in both themes', async ({
    expect,
    skip,
  }) => {
    if (searchPages.length === 0) skip('no search page in dist yet');
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems } = await openPage(browser, `${server.url}${searchPages[0]}`, { colorScheme: scheme });
      try {
        await page.keyboard.press('/');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
        await page.keyboard.type('capex');
        await page.waitForSelector('[data-search-results] li mark', { timeout: 10_000 });
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('capex');
        const results = await page.locator('[data-search-results] li').evaluateAll((lis) =>
          lis.map((li) => ({
            meta: li.querySelector('.meta')?.textContent ?? '',
            excerpt: li.querySelector('.search__excerpt')?.textContent ?? '',
          })),
        );
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) {
          expect(r.meta).toMatch(/^Issue \d+ · \d{1,2} [A-Z][a-z]+ \d{4}$/);
          expect(r.excerpt).toMatch(/^…|…$/);
          for (const pattern of chrome) expect(r.excerpt, `excerpt “${r.excerpt}”`).not.toMatch(pattern);
        }
        const colours = await page.evaluate(() => ({
          mark: getComputedStyle(document.querySelector('[data-search-results] mark')!).backgroundColor,
          page: getComputedStyle(document.body).backgroundColor,
        }));
        expect(
          contrast(colours.mark, colours.page),
          `${scheme}: ${colours.mark} on ${colours.page}`,
        ).toBeGreaterThanOrEqual(3);
        expect(problems.console).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('runs the query from the URL and the 404 page searches', async ({ expect }) => {
    const { page } = await openPage(browser, `${server.url}/no/such/page/`, { expectStatus: 404 });
    try {
      await page.fill('#not-found-search', 'Cambricon');
      await page.press('#not-found-search', 'Enter');
      await page.waitForSelector('[data-search-results] li', { timeout: 10_000 });
      expect(new URL(page.url()).pathname).toBe('/search/');
      expect(await page.inputValue('#search-input')).toBe('Cambricon');
      expect(await page.locator('[data-search-results] li h2').first().innerText()).toContain('ByteDance');
    } finally {
      await page.close();
    }
  });
});

/**
 * What a newsletter reader expects, in Chromium, at 375 and 1280 px in both themes: the article's
 * text on the first screen of a phone, a header that reaches every section at every width (a menu that opens
 * without JavaScript on phones) with Subscribe in it, a theme button whose first click always changes the
 * page, one focus ring that cannot pass for an error, figure references that wrap and back-links that land
 * their target highlighted below the top, scenario and staleness words that read as information, a contact,
 * the sign-up form posting to the email service (a test server on 127.0.0.1 stands in for it), share
 * controls, and a search index of prose only.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, horizontalOverflow, launchChromium, openPage, pressTab } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { attr, elements, parseHtml } from '../helpers/dist-files.ts';
import { e2eDist, searchPages, site } from './site.ts';

let browser: Browser;
let server: StaticServer;
const articles = site.filter((p) => p.path.startsWith('/articles/')).map((p) => p.path);
const ARTICLE = '/articles/bytedance-200-billion-ai-bet/';
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [375, 1280] as const;
/** Every width × theme pair the reader-facing checks run in. */
const LOOKS = WIDTHS.flatMap((width) => SCHEMES.map((scheme) => ({ width, scheme })));

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

/** Hue in degrees of a computed "rgb(…)" colour. */
function hue(css: string): number {
  const [r, g, b] = css
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => Number(v) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

/** The colour a page's CSS custom property resolves to, as computed "rgb(…)". */
const cssColour = (page: Page, property: string) =>
  page.evaluate((p) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${p})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, property);

describe.concurrent('article opening', () => {
  it('finds both showcase articles to check', ({ expect }) => {
    expect(articles).toEqual(expect.arrayContaining([ARTICLE, '/articles/tokens-versus-revenue/']));
  });

  it.for(articles.flatMap((path) => SCHEMES.map((scheme) => [path, scheme] as const)))(
    '%s (%s): on a 375×812 phone, headline, one standfirst and byline, then the first paragraph within the top 480 px; key figures and contents after it',
    async ([path, scheme], { expect }) => {
      const { page } = await openPage(browser, `${server.url}${path}`, {
        width: 375,
        height: 812,
        colorScheme: scheme,
      });
      try {
        const layout = await page.evaluate(() => {
          const top = (el: Element | null | undefined) => el?.getBoundingClientRect().top ?? -1;
          const body = document.querySelector('.article-body')!;
          const first = body.querySelector(':scope > p');
          const header = document.querySelector('.site-header')!.getBoundingClientRect();
          const headerItems = [...document.querySelectorAll('.site-header__inner > *')].filter(
            (el) => (el as HTMLElement).offsetParent !== null,
          );
          const before = (sel: string) =>
            [...document.querySelectorAll(sel)].filter(
              (el) => first && el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING,
            ).length;
          return {
            order: [
              top(document.querySelector('.article-header h1')),
              top(document.querySelector('.article-header .dek')),
              top(document.querySelector('.article-header .meta')),
              top(first),
            ],
            meta: document.querySelector('.article-header .meta')?.textContent ?? '',
            firstParagraph: top(first),
            standfirsts:
              document.querySelectorAll('.article-header .dek, .summary-box').length -
              body.querySelectorAll('aside.summary-box').length,
            leadBeforeText: before('.key-figures, .toc, .article-lead'),
            leadAfterText: document.querySelectorAll('.article-lead').length,
            headerHeight: header.height,
            headerLines: new Set(
              headerItems.map((el) =>
                Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2),
              ),
            ).size,
          };
        });
        expect(
          layout.order.every((t, i) => t >= 0 && (i === 0 || t > layout.order[i - 1]!)),
          `h1, standfirst, meta, text top: ${layout.order.join(', ')}`,
        ).toBe(true);
        expect(layout.meta).toMatch(/By .+Issue \d+.*\d{4}.*\d+ min read/s);
        expect(layout.meta.match(/Issue \d+/g), 'the issue number once').toHaveLength(1);
        expect(layout.standfirsts, 'one standfirst, no summary box above the text').toBe(1);
        expect(layout.firstParagraph, `first paragraph at ${layout.firstParagraph} px`).toBeLessThanOrEqual(480);
        expect(layout.leadBeforeText, 'key figures and contents come after the first paragraph').toBe(0);
        expect(layout.leadAfterText).toBe(1);
        expect(layout.headerLines, 'header items on one line').toBe(1);
        expect(layout.headerHeight).toBeLessThan(64);
      } finally {
        await page.close();
      }
    },
  );

  it.for(articles.flatMap((path) => SCHEMES.map((scheme) => [path, scheme] as const)))(
    '%s (%s): on a 1280×800 laptop screen the first paragraph is on the first screen too',
    async ([path, scheme], { expect }) => {
      const { page } = await openPage(browser, `${server.url}${path}`, {
        width: 1280,
        height: 800,
        colorScheme: scheme,
      });
      try {
        const top = await page.evaluate(
          () => document.querySelector('.article-body > p')?.getBoundingClientRect().top ?? Infinity,
        );
        expect(top + 30).toBeLessThanOrEqual(800);
      } finally {
        await page.close();
      }
    },
  );

  it.for(WIDTHS)('the byline’s Share link leads to the share box at %i px', async (width, { expect }) => {
    const { page } = await openPage(browser, `${server.url}${ARTICLE}`, { width, height: 800 });
    try {
      await page.locator('.article-header .meta a[href="#share"]').click();
      const box = await page.locator('#share').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(800);
      expect(await page.locator('#share a').count()).toBe(4);
    } finally {
      await page.close();
    }
  });

  it('at 375 px the previous and next issues each keep the full width (no five-line titles)', async ({ expect }) => {
    const { page } = await openPage(browser, `${server.url}${ARTICLE}`, { width: 375, height: 812 });
    try {
      const links = await page.locator('.prev-next a').evaluateAll((as) =>
        as.map((a) => {
          const r = a.getBoundingClientRect();
          return { width: r.width, lines: Math.round(r.height / parseFloat(getComputedStyle(a).lineHeight)) };
        }),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) {
        expect(l.width).toBeGreaterThan(300);
        expect(l.lines).toBeLessThanOrEqual(4);
      }
    } finally {
      await page.close();
    }
  });
});

describe.concurrent('header: every section at every width, Subscribe always', () => {
  const SECTIONS = ['/archive/', '/figures/', '/scorecard/', '/about/', '/search/'];
  const cases = [320, 375, 768, 1280].flatMap((width) =>
    SCHEMES.flatMap((scheme) => [true, false].map((js) => ({ width, scheme, js }))),
  );

  it.for(cases)('$width px, $scheme, JavaScript $js', async ({ width, scheme, js }, { expect }) => {
    const { page } = await openPage(browser, `${server.url}/archive/`, {
      width,
      height: 700,
      colorScheme: scheme,
      javaScriptEnabled: js,
    });
    try {
      const subscribe = page.locator('.site-header a[href="/subscribe/"]');
      expect(await subscribe.isVisible()).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
      const visibleSections = () =>
        page.locator('.site-header a').evaluateAll(
          (as, sections) =>
            as
              .filter((a) => (a as HTMLElement).checkVisibility())
              .map((a) => a.getAttribute('href'))
              .filter((h) => sections.includes(h!)),
          SECTIONS,
        );
      const menu = page.locator('.site-menu > summary');
      if (width < 768) {
        expect(await visibleSections(), 'sections wait in the menu').toEqual([]);
        expect(await menu.isVisible()).toBe(true);
        await menu.click();
        expect((await visibleSections()).sort()).toEqual([...SECTIONS].sort());
        // The open menu lies over the page, inside the screen, and its links are comfortable to tap.
        const heights = await page
          .locator('.site-menu__panel a')
          .evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
        for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
        expect(await horizontalOverflow(page)).toBe(0);
        await page.locator('.site-menu__panel a[href="/about/"]').click();
        await page.waitForURL(`${server.url}/about/`);
        expect(await page.locator('h1').innerText()).toBe('About AI Frontier');
      } else {
        expect(await menu.isVisible()).toBe(false);
        expect((await visibleSections()).sort()).toEqual([...SECTIONS].sort());
      }
    } finally {
      await page.close();
    }
  });

  it('with JavaScript the phone menu closes on Escape (focus back on it) and on a tap elsewhere', async ({
    expect,
  }) => {
    const { page } = await openPage(browser, `${server.url}/`, { width: 375, height: 700 });
    try {
      const menu = page.locator('.site-menu');
      await menu.locator('summary').click();
      expect(await menu.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await menu.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
      await menu.locator('summary').click();
      await page.mouse.click(200, 600);
      expect(await menu.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    } finally {
      await page.close();
    }
  });
});

describe('subscribe form', () => {
  let service: Server;
  const posts: Array<{ path: string; body: string; type: string }> = [];
  // The test build configures a generic service on a free local port (tests/sites/sites.ts); read it back from the form.
  const homeForm = elements(parseHtml(readFileSync(join(e2eDist, 'index.html'), 'utf8'))).find(
    (el) => el.tagName === 'form' && attr(el, 'data-subscribe-form') !== undefined,
  );
  if (!homeForm)
    throw new Error('The test build has no sign-up form: tests/sites/sites.ts should set NEWSLETTER_SIGNUP');
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
    const { page, problems } = await openPage(browser, `${server.url}${path}`, { width: 375, height: 812 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    try {
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
      expect(problems.offsite).toEqual([]);
    } finally {
      await page.close();
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
  const state = (page: Page) =>
    page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.dataset.themeChoice]);

  it.for(LOOKS)(
    'its first click always changes the page ($width px, $scheme system), and the footer goes back to the system’s setting',
    async ({ width, scheme }, { expect }) => {
      const { page } = await openPage(browser, `${server.url}${ARTICLE}`, { width, height: 800, colorScheme: scheme });
      try {
        const toggle = page.locator('[data-theme-toggle]');
        const other = scheme === 'light' ? 'dark' : 'light';
        expect(await state(page)).toEqual([scheme, 'system']);
        expect(await toggle.getAttribute('aria-pressed')).toBe(String(scheme === 'dark'));
        expect(await toggle.locator('[data-theme-label]').textContent()).toMatch(/Dark theme/);
        const before = await pageBackground(page);
        await toggle.click();
        expect(await state(page)).toEqual([other, other]);
        expect(contrast(before, await pageBackground(page)), 'the first click changes the page').toBeGreaterThan(10);
        expect(await toggle.getAttribute('aria-pressed')).toBe(String(other === 'dark'));
        await toggle.click();
        expect(await state(page)).toEqual([scheme, scheme]);
        expect(await pageBackground(page)).toBe(before);
        // The third state, labelled: the footer's "Match system" follows the system again.
        const footer = page.locator('.theme-choice');
        expect(await footer.isVisible()).toBe(true);
        expect(await footer.locator(`[data-theme-set="${scheme}"]`).getAttribute('aria-pressed')).toBe('true');
        await footer.locator('[data-theme-set="system"]').click();
        expect(await state(page)).toEqual([scheme, 'system']);
        expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
        await page.emulateMedia({ colorScheme: other });
        await expect.poll(() => state(page)).toEqual([other, 'system']);
      } finally {
        await page.close();
      }
    },
  );

  it('a pinned theme survives a reload before the first paint, tells live charts, and keeps axe at 0', async ({
    expect,
  }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await themeAtFirstPaint(page);
      await page.goto(`${server.url}${ARTICLE}`);
      const toggle = page.locator('[data-theme-toggle]');
      expect(
        await toggle.evaluate((b) => [...b.children].filter((c) => c.getBoundingClientRect().width > 1).length),
        'one icon visible',
      ).toBe(1);
      await page.evaluate(() => {
        const w = window as unknown as { __events: string[] };
        w.__events = [];
        document.addEventListener('themechange', (e) =>
          w.__events.push((e as CustomEvent<{ theme: string }>).detail.theme),
        );
      });
      await toggle.click();
      expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['dark']);
      const darkBg = await pageBackground(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.reload();
      expect(await page.evaluate(() => (window as unknown as { __themeAtBody: string | null }).__themeAtBody)).toBe(
        'dark',
      );
      expect(await pageBackground(page)).toBe(darkBg);
      // Pinned light on a dark system.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('[data-theme-set="light"]').click();
      expect(await state(page)).toEqual(['light', 'light']);
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
      await page.locator('[data-theme-toggle]').click(); // dark
      await expect.poll(pixels).not.toBe(light);
      await page.locator('[data-theme-set="system"]').click(); // the (light) system again
      await expect.poll(pixels).toBe(light);
    } finally {
      await page.close();
    }
  });

  it('without JavaScript the page follows the system, and neither the button nor the footer choice shows', async ({
    expect,
  }) => {
    const { page } = await openPage(browser, `${server.url}${ARTICLE}`, {
      javaScriptEnabled: false,
      colorScheme: 'dark',
    });
    try {
      expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
      expect(await page.locator('.theme-choice').isVisible()).toBe(false);
      expect(contrast(await pageBackground(page), 'rgb(255, 255, 255)')).toBeGreaterThan(10);
    } finally {
      await page.close();
    }
  });

  it(`is, with the menu, figure notes and share, the only script on plain pages, within 1.5 KB gzip`, ({ expect }) => {
    const bytes = gzipSync(readFileSync(join(e2eDist, 'site.js')), { level: 9 }).length;
    console.log(`site.js: ${readFileSync(join(e2eDist, 'site.js')).length} B, ${bytes} B gzip -9`);
    expect(bytes).toBeLessThanOrEqual(1536);
  });
});

describe.concurrent('one focus ring', () => {
  it.for(LOOKS)(
    '$width px, $scheme: every control Tab reaches shows the same ring, ≥ 3:1 against what it sits on and far from the error red',
    async ({ width, scheme }, { expect }) => {
      const { page } = await openPage(browser, `${server.url}${ARTICLE}`, { width, height: 800, colorScheme: scheme });
      try {
        const focus = await cssColour(page, '--focus');
        const bad = await cssColour(page, '--bad');
        expect(hueDistance(hue(focus), hue(bad)), `${focus} against ${bad}`).toBeGreaterThan(90);
        // Each element Tab focuses records its ring as it gains focus; the page is read once at the end.
        await page.evaluate(() => {
          const rings: unknown[] = [];
          (window as unknown as { __rings: unknown[] }).__rings = rings;
          document.addEventListener('focusin', () => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return;
            const style = getComputedStyle(el);
            // What the ring sits on: the first ancestor (from the element's parent, the ring being outside it) with a background.
            let bg = 'rgba(0, 0, 0, 0)';
            for (let n = el.parentElement; n; n = n.parentElement) {
              const c = getComputedStyle(n).backgroundColor;
              if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') {
                bg = c;
                break;
              }
            }
            if (/rgba\(.*, 0\)$/.test(bg)) bg = getComputedStyle(document.body).backgroundColor;
            const name = `<${el.tagName.toLowerCase()} class="${el.className}">${(el.textContent ?? '').trim().slice(0, 30)}`;
            rings.push({ name, style: style.outlineStyle, width: style.outlineWidth, colour: style.outlineColor, bg });
          });
        });
        await pressTab(page, 160);
        const rings = await page.evaluate(
          () =>
            (
              window as unknown as {
                __rings: Array<{ name: string; style: string; width: string; colour: string; bg: string }>;
              }
            ).__rings,
        );
        const seen = rings.map((r) => r.name);
        const problems: string[] = [];
        for (const ring of rings) {
          if (ring.style !== 'solid' || ring.width !== '3px' || ring.colour !== focus)
            problems.push(`${ring.name}: ${ring.style} ${ring.width} ${ring.colour}`);
          else if (contrast(ring.colour, ring.bg) < 3)
            problems.push(
              `${ring.name}: ${ring.colour} on ${ring.bg} is ${contrast(ring.colour, ring.bg).toFixed(2)}:1`,
            );
        }
        expect(new Set(seen).size, 'enough controls reached').toBeGreaterThan(30);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it.for(SCHEMES)('the search box in focus looks like the ring, not like an error (%s)', async (scheme, { expect }) => {
    const { page } = await openPage(browser, `${server.url}/search/`, { colorScheme: scheme });
    try {
      await page.keyboard.press('/');
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineColor);
      expect(ring).toBe(await cssColour(page, '--focus'));
      expect(ring).not.toBe(await cssColour(page, '--bad'));
    } finally {
      await page.close();
    }
  });
});

describe.concurrent('figures in the text and their sources', () => {
  it.for(LOOKS)(
    '$width px, $scheme: a reference wraps like words, “All uses” is as large as the list, and a back-link lands its target highlighted below the top',
    async ({ width, scheme }, { expect }) => {
      const { page } = await openPage(browser, `${server.url}${ARTICLE}`, { width, height: 800, colorScheme: scheme });
      try {
        const wraps = await page.evaluate(() => {
          const ref = document.querySelector<HTMLElement>('.article-body .fig__ref')!;
          const p = ref.closest('p')!;
          const before = ref.getClientRects().length;
          p.style.width = `${Math.ceil(ref.getBoundingClientRect().width * 0.7)}px`;
          const after = ref.getClientRects().length;
          p.style.width = '';
          return { display: getComputedStyle(ref).display, before, after };
        });
        expect(wraps.display).toBe('inline');
        expect(wraps.after, 'breaks across lines in a narrow column').toBeGreaterThan(1);
        const sizes = await page.evaluate(() => {
          const more = document.querySelector('.figure-sources__more')!;
          return [
            parseFloat(getComputedStyle(more).fontSize),
            parseFloat(getComputedStyle(more.closest('li')!).fontSize),
          ];
        });
        expect(sizes[0]).toBe(sizes[1]);
        expect(sizes[0]).toBeGreaterThanOrEqual(13);
        // Back from the sources list to the figure in the text.
        const back = page.locator('[id="fig-bytedance.capex.2026"] a.figure-sources__back');
        await back.scrollIntoViewIfNeeded();
        await back.click();
        await expect.poll(() => new URL(page.url()).hash).toBe('#ref-fig-bytedance.capex.2026');
        const target = await page.evaluate(() => {
          const el = document.getElementById('ref-fig-bytedance.capex.2026')!;
          return {
            top: el.getBoundingClientRect().top,
            bg: getComputedStyle(el).backgroundColor,
            page: getComputedStyle(document.body).backgroundColor,
            matches: el.matches(':target'),
          };
        });
        expect(target.matches).toBe(true);
        expect(target.top, 'not at the very top').toBeGreaterThan(800 * 0.15);
        expect(target.top).toBeLessThan(800 * 0.6);
        expect(target.bg).not.toMatch(/rgba\(.*, 0\)$/);
        expect(target.bg).not.toBe(target.page);
        // And from the text to its entry in the sources list: highlighted too.
        await page
          .locator('[id="ref-fig-bytedance.capex.2026"] ~ .fig__pop a.fig__pop-more')
          .evaluate((a: HTMLAnchorElement) => a.click());
        await expect.poll(() => new URL(page.url()).hash).toBe('#fig-bytedance.capex.2026');
        expect(
          await page.evaluate(
            () => getComputedStyle(document.getElementById('fig-bytedance.capex.2026')!).backgroundColor,
          ),
        ).toBe(target.bg);
      } finally {
        await page.close();
      }
    },
  );
});

describe.concurrent('words for readers', () => {
  it.for(LOOKS)(
    '$width px, $scheme: scenarios are possible outcomes on neutral rows, tracked ones in the scorecard’s words',
    async ({ width, scheme }, { expect }) => {
      const { page } = await openPage(browser, `${server.url}${ARTICLE}`, { width, height: 800, colorScheme: scheme });
      try {
        const rows = await page.locator('.outcome-table tbody tr').evaluateAll((trs) =>
          trs.map((tr) => ({
            badge: tr.querySelector('.outcome__badge')!.textContent.replace(/:\s*$/, '').trim(),
            status: tr.querySelector('.prediction-badge')?.textContent?.trim(),
            bg: getComputedStyle(tr).backgroundColor,
          })),
        );
        expect(rows.map((r) => r.badge)).toEqual(['Best case', 'Mixed case', 'Worst case']);
        for (const r of rows) {
          expect(r.status).toBe('Open');
          expect(r.bg, 'an open prediction is not coloured like a verdict').toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
        }
      } finally {
        await page.close();
      }
    },
  );

  it.for(LOOKS)(
    '$width px, $scheme: /figures/ says a figure may be dated as information, with no alarm colour and no review date',
    async ({ width, scheme }, { expect }) => {
      const { page } = await openPage(browser, `${server.url}/figures/`, { width, height: 800, colorScheme: scheme });
      try {
        const text = await page.locator('main').innerText();
        expect(text).not.toMatch(/Review due/i);
        const stale = page.locator('.figure-entry__stale');
        expect(await stale.count(), 'the test build (24 Nov 2026) has figures past their review date').toBeGreaterThan(
          0,
        );
        const colours = await stale.evaluateAll((els) => els.map((e) => getComputedStyle(e).color));
        const muted = await cssColour(page, '--muted');
        expect(new Set(colours)).toEqual(new Set([muted]));
        expect(await stale.first().innerText()).toBe('; newer figures may exist');
      } finally {
        await page.close();
      }
    },
  );
});

describe.concurrent('a way to reach the column', () => {
  it.for(LOOKS)(
    '$width px, $scheme: the footer and /about/ offer the contact',
    async ({ width, scheme }, { expect }) => {
      const { page } = await openPage(browser, `${server.url}/about/`, { width, height: 800, colorScheme: scheme });
      try {
        const footer = page.locator('.site-footer__contact a');
        expect(await footer.getAttribute('href')).toBe('mailto:letters@ai-frontier.example.com');
        expect(await footer.isVisible()).toBe(true);
        const about = page.locator('main section[aria-labelledby="contact-title"]');
        expect(await about.innerText()).toMatch(
          /Contact\s+Tips, corrections and questions are welcome: write to letters@ai-frontier\.example\.com, or reply to any email edition\./,
        );
      } finally {
        await page.close();
      }
    },
  );
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

  it('indexes prose only: no chart, table, source list, footnote or control text, and no words run together across elements', async ({
    expect,
    skip,
  }) => {
    if (searchPages.length === 0) skip('no search page in dist yet');
    const { page } = await openPage(browser, `${server.url}${searchPages[0]}`);
    try {
      // Every article's indexed text, straight from the built index (a string, so the test runner leaves import() alone).
      const indexed = await page.evaluate<Array<{ url: string; content: string }>>(
        `import('/pagefind/pagefind.js').then((p) => p.search(null)).then((r) => Promise.all(r.results.map((x) => x.data())))`,
      );
      expect(indexed.map((d) => d.url).sort()).toEqual([...articles].sort());
      for (const { url, content } of indexed) {
        const article = await browser.newPage();
        try {
          await article.goto(`${server.url}${url}`);
          const parts = await article.evaluate(() => {
            const text = (sel: string) =>
              [...document.querySelectorAll(sel)].map((el) =>
                (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
              );
            return {
              // Words as the page separates them (block boundaries, spaces): the index may hold no other words.
              words: document.body.innerText,
              outside: [
                ...text('.chart__title, .chart__subtitle, .chart__source, .chart__actions, .chart__data'),
                ...text('table th, table td'),
                ...text('.figure-sources__source, .footnotes li'),
                ...text('.share, .subscribe, .toc, .key-figures .stat-card__label'),
              ],
              // The article's own prose: text outside these may say the same words.
              prose: text(
                '.article-body > p, .article-body > ul, .article-body > ol, .article-body > h2, .article-body > h3',
              ).join(' '),
            };
          });
          const pageWords = new Set(parts.words.split(/[\s.,;:!?()“”"‘’'—–…·/]+/).filter(Boolean));
          const joined = content
            .split(/[\s.,;:!?()“”"‘’'—–…·/]+/)
            .filter(Boolean)
            .filter((w) => !pageWords.has(w));
          expect(joined, `${url}: words the page does not have`).toEqual([]);
          const outside = parts.outside.filter((t) => t.length >= 12 && !parts.prose.includes(t));
          for (const t of outside) expect(content.includes(t), `${url}: “${t}” is indexed`).toBe(false);
          expect(outside.length, `${url}: charts, tables or sources to check`).toBeGreaterThan(3);
        } finally {
          await article.close();
        }
      }
    } finally {
      await page.close();
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

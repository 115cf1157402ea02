import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts';
import { serveDist } from '../helpers/static-server.ts';
import { sitePages } from '../helpers/dist-files.ts';
import { e2eDist } from './global-setup.ts';

const pages = sitePages(e2eDist);
let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDist(e2eDist);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const hasChart = (path: string) => readFileSync(join(e2eDist, path === '/404.html' ? '404.html' : `${path}index.html`), 'utf8').includes('data-chart');
const hasSearch = (path: string) => path === '/search/';

describe('every page in a real browser', () => {
  it('finds the page types to check', () => {
    for (const p of ['/', '/404.html', '/archive/', '/tags/', '/figures/', '/search/']) expect(pages).toContain(p);
    expect(pages.filter((p) => p.startsWith('/articles/')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(pages)('%s: no console errors, no failed requests, no axe violations in light and dark', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await openPage(browser, `${server.url}${path}`, { colorScheme });
      // Let lazy charts draw too, so their requests and errors count.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(hasChart(path) ? 400 : 50);
      expect(problems.console, `${path} ${colorScheme} console`).toEqual([]);
      expect(problems.failed.filter((f) => !(path === '/404.html' && f.endsWith('/404.html (HTTP 404)'))), `${path} ${colorScheme} requests`).toEqual([]);
      expect(await axeViolations(page), `${path} ${colorScheme} axe`).toEqual([]);
      await page.close();
    }
  });

  it.each(pages)('%s: fits a 375 px screen without horizontal scrolling', async (path) => {
    const { page } = await openPage(browser, `${server.url}${path}`, { width: 375 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it.each(pages.filter((p) => !hasChart(p) && !hasSearch(p)))('%s: loads no JavaScript at all', async (path) => {
    const { page, problems } = await openPage(browser, `${server.url}${path}`);
    expect(problems.scripts).toEqual([]);
    expect(await page.locator('script[src], script:not([type]), script[type="module"]').count()).toBe(0);
    await page.close();
  });
});

describe('charts', () => {
  const chartPages = pages.filter(hasChart);
  it('exist on the showcase articles', () => expect(chartPages.length).toBeGreaterThanOrEqual(2));

  it.each(chartPages)('%s: every chart draws a non-blank canvas over its image without moving the layout', async (path) => {
    const { page, problems } = await openPage(browser, `${server.url}${path}`);
    await page.evaluate(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const figures = page.locator('[data-chart]');
    const count = await figures.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const before = await figures.nth(i).boundingBox();
      await figures.nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => (document.querySelectorAll('[data-chart]')[n] as HTMLElement).dataset.chartLive === 'drawn', i, { timeout: 10_000 });
      const after = await figures.nth(i).boundingBox();
      expect(after!.height).toBeCloseTo(before!.height, 0);
    }
    await page.waitForTimeout(200);
    const variances = await page.evaluate(() =>
      [...document.querySelectorAll('canvas.chart__canvas')].map((c) => {
        const canvas = c as HTMLCanvasElement;
        const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let s = 0;
        let s2 = 0;
        let n = 0;
        for (let i = 0; i < d.length; i += 4 * 9) {
          const v = d[i]! + d[i + 1]! + d[i + 2]! + d[i + 3]!;
          s += v;
          s2 += v * v;
          n++;
        }
        return s2 / n - (s / n) ** 2;
      }),
    );
    expect(variances).toHaveLength(count);
    for (const v of variances) expect(v).toBeGreaterThan(500);
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    expect(problems.console).toEqual([]);
    await page.close();
  });

  it('shows the static image when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${chartPages[0]}`, { waitUntil: 'networkidle' });
    const images = await page.locator('[data-chart] img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(images.length).toBeGreaterThan(0);
    for (const w of images) expect(w).toBeGreaterThan(0);
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, then main, then every link on the home page', async () => {
    const { page } = await openPage(browser, `${server.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.goto(`${server.url}/`);
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
    const reached = new Set<string>();
    for (let i = 0; i < links.length + 5; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href);
      if (href) reached.add(href);
    }
    expect([...new Set(links)].filter((l) => !reached.has(l))).toEqual([]);
    expect(links.some((l) => l.endsWith('/search/'))).toBe(true);
    await page.close();
  });

  it('shows a visible focus ring', async () => {
    const { page } = await openPage(browser, `${server.url}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });
});

describe('search', () => {
  it('finds an article by a word from its body, with title, dek and excerpt', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/search/`);
    await page.fill('#search-input', 'Cambricon');
    await page.waitForSelector('[data-search-results] li', { timeout: 10_000 });
    const first = page.locator('[data-search-results] li').first();
    expect(await first.locator('h2').innerText()).toContain('ByteDance');
    expect(await first.locator('.dek').count()).toBe(1);
    expect(await first.locator('mark').first().innerText()).toMatch(/cambricon/i);
    expect(problems.console).toEqual([]);
    await page.close();
  });
});

describe('the browser gate trips on a broken page', () => {
  it('axe finds the image without alt text in the broken fixture, and the console gate sees its failed script', async () => {
    const broken = await serveDist(join(import.meta.dirname, '..', 'fixtures', 'broken-site'));
    try {
      const { page, problems } = await openPage(browser, `${broken.url}/`);
      const violations = await axeViolations(page);
      expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
      expect(problems.failed.some((f) => f.includes('/_astro/fat.js'))).toBe(true);
      await page.close();
    } finally {
      await broken.close();
    }
  });
});

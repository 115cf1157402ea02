/**
 * What a reader does with the page: charts hydrating as they scroll into view, the keyboard, search.
 */
import { describe, it } from 'vitest';
import { checkCharts, linksUnreachableByTab, openPage, skipLinkProblems } from '../helpers/browser.ts';
import { chartPages, searchPages, siteInBrowser } from './site.ts';

const web = siteInBrowser();

describe.concurrent('charts', () => {
  it('are found on the built pages (this gate starts checking as soon as a page has [data-chart])', ({
    expect,
    skip,
  }) => {
    if (chartPages.length === 0) skip('no page in dist has a [data-chart] element yet, so there is no chart to check');
    console.log(`charts: checking ${chartPages.length} page(s): ${chartPages.join(' ')}`);
    expect(chartPages.length).toBeGreaterThan(0);
  });

  it.for(chartPages)(
    '%s: every [data-chart] draws a non-blank canvas, in light and after switching to dark, without moving the layout',
    async (path, { expect }) => {
      const { page, problems, settle } = await openPage(web.browser, `${web.url}${path}`);
      try {
        await page.evaluate(() => {
          const w = window as unknown as { __cls: number };
          w.__cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>)
              if (!e.hadRecentInput) w.__cls += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const light = await checkCharts(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await checkCharts(page);
        await settle();
        expect(light.charts).toBeGreaterThan(0);
        expect({
          light: light.problems,
          dark: dark.problems,
          console: problems.console,
          failed: problems.failed,
          offsite: problems.offsite,
        }).toEqual({ light: [], dark: [], console: [], failed: [], offsite: [] });
        expect(
          await page.evaluate(() => (window as unknown as { __cls: number }).__cls),
          'cumulative layout shift',
        ).toBe(0);
      } finally {
        await page.close();
      }
    },
  );

  it.for(chartPages)('%s: shows every chart as a static image when JavaScript is off', async (path, { expect }) => {
    const { page, problems } = await openPage(web.browser, `${web.url}${path}`, { javaScriptEnabled: false });
    try {
      const widths = await page.locator('[data-chart] img').evaluateAll(async (imgs) => {
        for (const img of imgs) img.scrollIntoView();
        await Promise.all(imgs.map((i) => (i as HTMLImageElement).decode().catch(() => undefined)));
        return imgs.map((i) => (i as HTMLImageElement).naturalWidth);
      });
      expect(widths.length).toBe(await page.locator('[data-chart]').count());
      expect(widths.filter((w) => w === 0)).toEqual([]);
      expect(problems.failed).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard on the home page', () => {
  it('the first Tab focuses the skip link, and activating it moves focus into <main>', async ({ expect }) => {
    const { page } = await openPage(web.browser, `${web.url}/`);
    try {
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      expect(await skipLinkProblems(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Tab reaches every visible link', async ({ expect }) => {
    const { page } = await openPage(web.browser, `${web.url}/`);
    try {
      const result = await linksUnreachableByTab(page);
      expect(result.links).toBeGreaterThan(0);
      expect(result.unreachable).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a visible focus ring', async ({ expect }) => {
    const { page } = await openPage(web.browser, `${web.url}/`);
    try {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  });
});

describe('search', () => {
  it('finds an article by a word from its body, with title, issue and date, and excerpt', async ({ expect, skip }) => {
    if (searchPages.length === 0) skip('no search page in dist yet');
    const { page, problems } = await openPage(web.browser, `${web.url}${searchPages[0]}`);
    try {
      await page.fill('#search-input', 'Cambricon');
      await page.waitForSelector('[data-search-results] li', { timeout: 10_000 });
      const first = page.locator('[data-search-results] li').first();
      expect(await first.locator('h2').innerText()).toContain('ByteDance');
      expect(await first.locator('.meta').innerText()).toMatch(/^Issue \d+ · /);
      expect(await first.locator('mark').first().innerText()).toMatch(/cambricon/i);
      expect({ console: problems.console, failed: problems.failed, offsite: problems.offsite }).toEqual({
        console: [],
        failed: [],
        offsite: [],
      });
    } finally {
      await page.close();
    }
  });
});

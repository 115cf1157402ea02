/**
 * The site published under a path, as GitHub Pages serves a project site (https://user.github.io/repo/),
 * in Chromium: built under /repo/ and served only there, pages load every file they need from under it
 * (no failed request, nothing from the domain root), charts draw, search finds issues and its results
 * open, the menu and theme work, and an unknown address gets the site's 404 page.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkCharts, launchChromium, openPage } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { testSite } from '../sites/sites.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  // The repo test site (tests/sites/sites.ts), which tests/build/site-base.test.ts reads too.
  [browser, server] = await Promise.all([launchChromium(), serveDist(testSite('repo').dist, { base: '/repo/' })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.concurrent('the site under /repo/', () => {
  it.for(['/repo/', '/repo/articles/tokens-versus-revenue/', '/repo/figures/', '/repo/subscribe/', '/repo/about/'])(
    '%s loads everything from under /repo/, without a failed request or a console error',
    async (path, { expect }) => {
      const { page, problems } = await openPage(browser, `${server.url}${path}`, { width: 375 });
      try {
        // Every file the page fetched, as the browser's resource timing lists them.
        await page.evaluate(() => document.fonts.ready);
        const requested = await page.evaluate(() =>
          performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
        );
        expect(requested.length).toBeGreaterThan(2);
        expect(problems.failed).toEqual([]);
        expect(problems.console).toEqual([]);
        expect(requested.filter((p) => !p.startsWith('/repo/'))).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('draws the article’s charts live, with their fonts and data from under /repo/', async ({ expect }) => {
    const { page, problems } = await openPage(browser, `${server.url}/repo/articles/tokens-versus-revenue/`);
    try {
      const charts = await checkCharts(page);
      expect(charts.charts).toBeGreaterThan(0);
      expect(charts.problems).toEqual([]);
      expect(problems.failed).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('searches the index under /repo/ and opens a result there', async ({ expect }) => {
    const { page, problems } = await openPage(browser, `${server.url}/repo/search/?q=capex`);
    try {
      await page.waitForSelector('[data-search-results] li a', { timeout: 10_000 });
      const href = await page.locator('[data-search-results] li a').first().getAttribute('href');
      expect(href).toMatch(/^\/repo\/articles\/[a-z0-9-]+\/$/);
      await Promise.all([
        page.waitForURL(`${server.url}${href}`),
        page.locator('[data-search-results] li a').first().click(),
      ]);
      expect(await page.locator('h1').innerText()).toMatch(/ByteDance/);
      expect(problems.failed).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens the phone menu and flips the theme there too', async ({ expect }) => {
    const { page } = await openPage(browser, `${server.url}/repo/archive/`, { width: 375 });
    try {
      await page.locator('.site-menu > summary').click();
      await page.locator('.site-menu__panel a', { hasText: 'Figures' }).click();
      await page.waitForURL(`${server.url}/repo/figures/`);
      await page.locator('[data-theme-toggle]').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    } finally {
      await page.close();
    }
  });

  it('answers an unknown address with the site’s 404 page, styled from under /repo/', async ({ expect }) => {
    const { page, problems } = await openPage(browser, `${server.url}/repo/no/such/page/`, { expectStatus: 404 });
    try {
      expect(await page.locator('h1').innerText()).toBe('Page not found');
      expect(problems.failed).toEqual([]);
      expect(await page.locator('a', { hasText: 'Every issue, in the archive' }).getAttribute('href')).toBe(
        '/repo/archive/',
      );
    } finally {
      await page.close();
    }
  });
});

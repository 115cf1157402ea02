/**
 * Each browser gate trips on tests/fixtures/broken-site, served as it is in git (so its generated
 * scripts and stylesheet are missing): the same functions that gate the real site must find every
 * planted problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  auditPage,
  checkCharts,
  launchChromium,
  linksUnreachableByTab,
  openPage,
  skipLinkProblems,
} from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { projectRoot } from '../helpers/project.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist(join(projectRoot, 'tests/fixtures/broken-site'))]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the browser gates trip on the broken fixture', () => {
  it('light, 1280 px and 375 px: missing alt (axe), the throwing script (console), the missing files (requests), scripts on a plain page, overflow on a phone', async () => {
    const audit = await auditPage(browser, `${server.url}/`, {
      colorScheme: 'light',
      width: 1280,
      overflowWidths: [375],
    });
    expect(audit.axe.some((v) => v.startsWith('image-alt (critical)') && v.includes('img'))).toBe(true);
    expect(audit.axe.some((v) => v.startsWith('color-contrast'))).toBe(false);
    expect(audit.console.some((c) => c.includes('broken fixture: this script throws'))).toBe(true);
    expect(audit.failed).toEqual([expect.stringMatching(/\/_astro\/fat\.js \(HTTP 404\)$/)]);
    expect(audit.scriptElements).toEqual(['<script src="/_astro/fat.js">', '<script src="/throws.js">']);
    expect(audit.scripts.some((s) => s.endsWith('/throws.js'))).toBe(true);
    expect(audit.overflow).toEqual([
      expect.stringMatching(/^\d+ px wider than a 375 px viewport: div\.wide reaches 6\d\d px/),
    ]);
  });

  it('dark: the text that is only unreadable in dark mode (axe color-contrast)', async () => {
    const audit = await auditPage(browser, `${server.url}/`, { colorScheme: 'dark', width: 1280 });
    expect(audit.axe.some((v) => v.startsWith('color-contrast') && v.includes('.dim'))).toBe(true);
  });

  it('a chart that never draws', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/articles/chart/`);
    try {
      expect(await checkCharts(page, 1_000)).toEqual({
        charts: 1,
        problems: ['[data-chart] 1 of 1: no <canvas> appeared within 1000 ms'],
      });
      expect(problems.failed.some((f) => f.includes('/_astro/chart-fat.js (HTTP 404)'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('no skip link, and a visible link the keyboard cannot reach', async () => {
    const { page } = await openPage(browser, `${server.url}/`);
    try {
      expect(await skipLinkProblems(page)).toEqual([
        'the first Tab focuses <a href="/articles/missing/"> “A dead link”, not a skip link to the main content',
      ]);
      await page.reload();
      expect((await linksUnreachableByTab(page)).unreachable).toEqual([`${server.url}/articles/a/`]);
    } finally {
      await page.close();
    }
  });
});

/**
 * Every page of the built site in Chromium, in light at 1280 px (then resized to 375 px): no
 * console errors, no failed or off-site requests, no horizontal overflow, a working skip link; and, for
 * one page per template (site.ts: fullAudit; every page of a template with one or two), in dark at
 * 375 px too and with no axe-core violations (WCAG 2.2 A/AA, so tap targets of at least 24×24 px, and
 * best practices); and no JavaScript on pages without charts or search but the site's one small script (/site.js: theme toggle, share).
 * Pages are loaded concurrently in one browser.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { auditPage, auditProblems, launchChromium } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { chartPages, e2eDist, fullAudit, plainPages, searchPages, site, templateOf } from './site.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveDist(e2eDist)]);
  console.log(
    [
      `e2e: ${site.length} pages from ${e2eDist}`,
      `  plain (no JavaScript allowed): ${plainPages.join(' ')}`,
      `  with charts: ${chartPages.join(' ') || '(none)'}`,
      `  with search: ${searchPages.join(' ') || '(none)'}`,
      `  in full (light and dark, axe-core), one per template: ${fullAudit.join(' ')}`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const isPlain = (path: string) => plainPages.includes(path);
/** What a plain page may run: the site script alone. */
const notSiteScript = (scripts: string[]) =>
  scripts.filter((s) => s !== `${server.url}/site.js` && s !== '<script src="/site.js">');
const noProblems = {
  console: [],
  failed: [],
  offsite: [],
  axe: [],
  overflow: [],
  scripts: [],
  scriptElements: [],
  skipLink: [],
};

describe.concurrent('every page in a real browser', () => {
  it('finds pages to check, and audits every template in full', ({ expect }) => {
    expect(site.map((p) => p.path)).toContain('/');
    expect(site.length).toBeGreaterThan(1);
    expect(new Set(fullAudit.map(templateOf))).toEqual(new Set(site.map((p) => templateOf(p.path))));
    for (const path of ['/', '/articles/bytedance-200-billion-ai-bet/', '/articles/tokens-versus-revenue/', '/tags/'])
      expect(fullAudit).toContain(path);
    expect(templateOf('/scorecard/status/held/')).toBe('/scorecard/status/*');
  });

  it.for(site.map((p) => p.path))('%s — light, 1280 px and 375 px', async (path, { expect }) => {
    const audit = await auditPage(browser, `${server.url}${path}`, {
      colorScheme: 'light',
      width: 1280,
      overflowWidths: [375],
      skipLink: true,
      axe: fullAudit.includes(path),
    });
    expect({
      ...auditProblems(audit),
      scripts: isPlain(path) ? notSiteScript(audit.scripts) : [],
      scriptElements: isPlain(path) ? notSiteScript(audit.scriptElements) : [],
    }).toEqual(noProblems);
  });

  it.for(fullAudit)('%s — dark, 375 px', async (path, { expect }) => {
    const audit = await auditPage(browser, `${server.url}${path}`, { colorScheme: 'dark', width: 375 });
    expect({
      ...auditProblems(audit),
      scripts: isPlain(path) ? notSiteScript(audit.scripts) : [],
      scriptElements: [],
    }).toEqual(noProblems);
  });

  it('an unknown URL answers 404 with the not-found page, whose assets load from any depth', async ({
    expect,
    skip,
  }) => {
    if (!site.some((p) => p.path === '/404.html')) skip('no 404.html in dist');
    const audit = await auditPage(browser, `${server.url}/no/such/page/`, { expectStatus: 404, overflowWidths: [375] });
    expect(auditProblems(audit)).toEqual({ console: [], failed: [], offsite: [], axe: [], overflow: [], skipLink: [] });
  });
});

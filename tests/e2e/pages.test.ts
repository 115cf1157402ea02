/**
 * Every page of the built site in Chromium, in light at 1280 px (then resized to 375 px): no
 * console errors, no failed or off-site requests, no horizontal overflow, a working skip link; and, for
 * one page per template (site.ts: fullAudit; every page of a template with one or two) and for the
 * article with every component (the production test site's kitchen sink), in dark at 375 px too and with
 * no axe-core violations (WCAG 2.2 A/AA, so tap targets of at least 24×24 px, and best practices); no
 * JavaScript on pages without charts or search but the site's one small script (/site.js: theme toggle,
 * share); and, on the same visits, the first screen of each template's page drawn only in the body font's
 * preloaded faces (tests/e2e/fonts.test.ts checks the faces that swap in).
 * Pages are loaded concurrently in one browser, each look of a page once.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { auditPage, auditProblems, launchChromium, type PageAudit } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { testSite } from '../sites/sites.ts';
import {
  BODY_FAMILY,
  bodyFaces,
  chartPages,
  e2eDist,
  fullAudit,
  plainPages,
  searchPages,
  site,
  templateOf,
} from './site.ts';

let browser: Browser;
let server: StaticServer;
/** The production test site, for its published kitchen-sink draft: every component on one page. */
let production: StaticServer;
const KITCHEN_SINK = '/articles/kitchen-sink/';

beforeAll(async () => {
  [browser, server, production] = await Promise.all([
    launchChromium(),
    serveDist(e2eDist),
    serveDist(testSite('production').dist),
  ]);
  console.log(
    [
      `e2e: ${site.length} pages from ${e2eDist}`,
      `  plain (no JavaScript allowed): ${plainPages.join(' ')}`,
      `  with charts: ${chartPages.join(' ') || '(none)'}`,
      `  with search: ${searchPages.join(' ') || '(none)'}`,
      `  in full (light and dark, axe-core), one per template: ${fullAudit.join(' ')}, and ${KITCHEN_SINK} of the production test site`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await production?.close();
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

type Look = 'light' | 'dark';
const visits = new Map<string, Promise<PageAudit>>();
/**
 * One visit per page and look, shared by the tests that read it: light at 1280 px (then 375 px for overflow)
 * with the skip link, dark at 375×812 (a phone); axe-core on pages audited in full; and the body font's faces
 * on the first screen, read right after load.
 */
function visit(origin: string, path: string, look: Look): Promise<PageAudit> {
  const key = `${origin}${path} ${look}`;
  let audit = visits.get(key);
  if (!audit) {
    const axe = origin !== server.url || fullAudit.includes(path);
    audit = auditPage(
      browser,
      `${origin}${path}`,
      look === 'light'
        ? {
            colorScheme: 'light',
            width: 1280,
            overflowWidths: [375],
            skipLink: true,
            axe,
            firstScreenFamily: BODY_FAMILY,
          }
        : { colorScheme: 'dark', width: 375, height: 812, axe, firstScreenFamily: BODY_FAMILY },
    );
    visits.set(key, audit);
  }
  return audit;
}
const lookOf = (width: number): Look => (width >= 768 ? 'light' : 'dark');

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
    const audit = await visit(server.url, path, 'light');
    expect({
      ...auditProblems(audit),
      scripts: isPlain(path) ? notSiteScript(audit.scripts) : [],
      scriptElements: isPlain(path) ? notSiteScript(audit.scriptElements) : [],
    }).toEqual(noProblems);
  });

  it.for(fullAudit)('%s — dark, 375 px', async (path, { expect }) => {
    const audit = await visit(server.url, path, 'dark');
    expect({
      ...auditProblems(audit),
      scripts: isPlain(path) ? notSiteScript(audit.scripts) : [],
      scriptElements: [],
    }).toEqual(noProblems);
  });

  it.for(['light', 'dark'] as const)(
    `${KITCHEN_SINK} (every component, production test site) — %s, with axe`,
    async (look, { expect }) => {
      const audit = await visit(production.url, KITCHEN_SINK, look);
      expect({ ...auditProblems(audit), scripts: [], scriptElements: [] }).toEqual(noProblems);
    },
  );

  it('an unknown URL answers 404 with the not-found page, whose assets load from any depth', async ({
    expect,
    skip,
  }) => {
    if (!site.some((p) => p.path === '/404.html')) skip('no 404.html in dist');
    const audit = await auditPage(browser, `${server.url}/no/such/page/`, { expectStatus: 404, overflowWidths: [375] });
    expect(auditProblems(audit)).toEqual({ console: [], failed: [], offsite: [], axe: [], overflow: [], skipLink: [] });
  });
});

describe.concurrent('the body font on the first screen', () => {
  it.for(fullAudit.flatMap((path) => [375, 1280].map((width) => [path, width] as const)))(
    '%s at %i px: the first screen draws only the preloaded faces',
    async ([path, width], { expect }) => {
      // The same visit as the audit above: a first visit, read right after load.
      const { firstScreenFaces } = await visit(server.url, path, lookOf(width));
      // An article's first screen has body text, so the reading is not empty.
      if (path.startsWith('/articles/')) expect(firstScreenFaces).toContain('400 normal');
      for (const face of firstScreenFaces) expect(bodyFaces.get(face)?.display, `${path}: ${face}`).toBe('optional');
    },
  );
});

/**
 * The pages the browser tests visit, discovered by walking the e2e build: every .html file except
 * the mail editions (newsletter/*.html are for mail clients and use absolute URLs to the live site;
 * the Nu Html Checker and the link gate cover them). New page types are checked as soon as they exist.
 */
import { afterAll, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { BODY_FAMILY } from '../../src/lib/fonts/body-font.ts';
import { launchChromium } from '../helpers/browser.ts';
import { readPages, type PageInfo } from '../helpers/dist-files.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { e2eDist } from './global-setup.ts';

export { e2eDist };

export const site: Array<Omit<PageInfo, 'doc'>> = readPages(e2eDist).map(({ doc: _doc, ...info }) => info);

export const chartPages = site.filter((p) => p.chart).map((p) => p.path);
export const searchPages = site.filter((p) => p.search).map((p) => p.path);
/** Pages that must load no JavaScript at all. */
export const plainPages = site.filter((p) => !p.chart && !p.search).map((p) => p.path);

/**
 * The page that stands for its template in the full audit: pages one level below a folder
 * (/tags/capex/, /scorecard/status/held/) share that folder's template; when a template has more than
 * two pages, the first (by path) is audited in full and the rest without the dark pass and axe-core
 * (their markup is the template's; the HTML checker and link gate still read every page).
 */
export function templateOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 2 ? `/${parts.slice(0, -1).join('/')}/*` : path;
}
const byTemplate = Map.groupBy(site, (p) => templateOf(p.path));
export const fullAudit = site
  .filter((p) => {
    const group = byTemplate.get(templateOf(p.path))!;
    return group.length <= 2 || group.map((g) => g.path).sort()[0] === p.path;
  })
  .map((p) => p.path);

export { BODY_FAMILY };

/** The body family's faces in /fonts.css: "700 normal" → file address and font-display. */
export const bodyFaces = new Map(
  [
    ...readFileSync(join(e2eDist, 'fonts.css'), 'utf8').matchAll(
      new RegExp(
        `@font-face\\{font-family:"${BODY_FAMILY}";src:url\\("([^"]+)"\\)[^}]*font-weight:(\\d+);font-style:(\\w+);font-display:(\\w+)`,
        'g',
      ),
    ),
  ].map((m) => [`${m[2]} ${m[3]}`, { url: m[1]!, display: m[4]! }]),
);

/**
 * For one test file: the browser, and the main test site served on 127.0.0.1 (its address: `url`), opened
 * before the file's tests and closed after them, with `after` for anything else the file started.
 */
export function siteInBrowser(after?: () => Promise<void>): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveDist(e2eDist)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await after?.();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}

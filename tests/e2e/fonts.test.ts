/**
 * The body font as a reader meets it, in Chromium (that the first screen of every page draws only the
 * faces the page preloads is read on tests/e2e/pages.test.ts's visits): the pages preload the regular
 * face and swap the others in; bold text is drawn in Source Serif 4 Bold on a first visit (an empty
 * cache) as after a reload; while the bold face loads, its text is drawn in the fallback cut from the
 * regular file, sized so that nothing moves when the bold arrives; and that fallback costs no second
 * download. Which glyphs a run is drawn with comes from the browser itself (the DevTools protocol's
 * platform fonts for a node).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { readDist } from '../helpers/project.ts';
import { bodyFaces, e2eDist, site, siteInBrowser } from './site.ts';

const web = siteInBrowser();

const articles = site.filter((p) => p.path.startsWith('/articles/')).map((p) => p.path);
const SERIF_STRONG = '.article-body strong';

/** Platform fonts (PostScript names) drawing each `.article-body strong` whose font is the body serif, in document order. */
async function strongFonts(page: Page, cdp: CDPSession): Promise<string[]> {
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: SERIF_STRONG });
  const serif = await page.$$eval(SERIF_STRONG, (els) =>
    els.map((el) => getComputedStyle(el).fontFamily.startsWith('"Source Serif 4"')),
  );
  const out: string[] = [];
  for (const [i, nodeId] of nodeIds.entries()) {
    if (!serif[i]) continue;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    out.push(fonts.map((f) => f.postScriptName || f.familyName).join('+'));
  }
  return out;
}

/** Where each serif `<strong>` is drawn: its line boxes (rounded to 1/100 px), and the page's height. */
function layout(page: Page) {
  return page.evaluate((selector) => {
    const boxes = [...document.querySelectorAll(selector)]
      .filter((el) => getComputedStyle(el).fontFamily.startsWith('"Source Serif 4"'))
      .map((el) =>
        [...el.getClientRects()].map((r) => ({ top: r.top + scrollY, left: r.left, width: r.width, height: r.height })),
      );
    return { boxes, height: document.documentElement.scrollHeight };
  }, SERIF_STRONG);
}

async function freshPage(): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; requests: string[] }> {
  const context = await web.browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  return { context, page, cdp: await context.newCDPSession(page), requests };
}

describe('the body font', () => {
  it('has a regular face the pages preload, and bold and italic faces that swap in', () => {
    expect(bodyFaces.get('400 normal')?.display).toBe('optional');
    expect(bodyFaces.get('700 normal')?.display).toBe('swap');
    expect(bodyFaces.get('400 italic')?.display).toBe('swap');
    const preloaded = [...readDist('index.html', e2eDist).matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)];
    expect(preloaded.map((m) => m[1])).toEqual([bodyFaces.get('400 normal')!.url]);
  });

  it.for(articles)('%s: a first visit and a reload draw its bold text in Source Serif 4 Bold', async (path) => {
    const { context, page, cdp, requests } = await freshPage();
    try {
      await page.goto(`${web.url}${path}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const first = await strongFonts(page, cdp);
      // The fallback names the regular file too: still one download of it.
      expect(requests.filter((r) => r === bodyFaces.get('400 normal')!.url)).toHaveLength(1);
      await page.reload({ waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      expect(await strongFonts(page, cdp)).toEqual(first);
      expect(new Set(first)).toEqual(new Set(first.length > 0 ? ['SourceSerif4-Bold'] : []));
    } finally {
      await context.close();
    }
  });

  it('while the bold face loads, draws bold text in the fallback cut from the regular file, and nothing moves when it arrives', async () => {
    const path = articles.find((p) => /<p><strong>/.test(readDist(`${p.slice(1)}index.html`, e2eDist)));
    expect(path, 'an article with a bold lead-in').toBeDefined();
    const { context, page, cdp } = await freshPage();
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route(`**${bodyFaces.get('700 normal')!.url}`, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${web.url}${path}`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() =>
        [...document.fonts].some(
          (f) => f.family === 'Source Serif 4 fallback' && f.weight === '700' && f.status === 'loaded',
        ),
      );
      const waiting = await strongFonts(page, cdp);
      expect(waiting.length).toBeGreaterThan(0);
      expect(new Set(waiting)).toEqual(new Set(['SourceSerif4-Regular']));
      const before = await layout(page);
      release();
      await page.waitForFunction(() =>
        [...document.fonts].some((f) => f.family === 'Source Serif 4' && f.weight === '700' && f.status === 'loaded'),
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(new Set(await strongFonts(page, cdp))).toEqual(new Set(['SourceSerif4-Bold']));
      const after = await layout(page);
      expect(after.height).toBe(before.height);
      expect(after.boxes.map((lines) => lines.length)).toEqual(before.boxes.map((lines) => lines.length));
      after.boxes.forEach((lines, i) =>
        lines.forEach((box, j) => {
          const was = before.boxes[i]![j]!;
          expect(Math.abs(box.top - was.top), `strong ${i} line ${j}: top`).toBeLessThan(0.5);
          expect(Math.abs(box.height - was.height), `strong ${i} line ${j}: height`).toBeLessThan(0.5);
        }),
      );
      // Runs keep their length (each within a few pixels, so lines break at the same words): the fallback is scaled
      // to the bold's average character width.
      const total = (l: typeof before) => l.boxes.flat().reduce((sum, box) => sum + box.width, 0);
      expect(Math.abs(total(after) / total(before) - 1)).toBeLessThan(0.01);
    } finally {
      await context.close();
    }
  });
});

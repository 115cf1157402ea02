/**
 * The newsletter editions in Chromium, as a mail client shows them: at 600 px
 * (desktop pane), 375 px and 320 px (phones), with images loading and with
 * images blocked (the default in many clients: every image request fails and
 * only the alt text box is laid out), and with the <style> block removed (as
 * the Gmail app does for other accounts). Nothing may be wider than the
 * viewport, no word may break inside (only URLs and strings too long for a
 * line may), and blocked images must leave their alt text readable. The
 * edition is loaded as a document of its own, the way a mail client renders
 * a message; its absolute image URLs are answered from the build. Each look of an edition is loaded
 * once and resized from 600 to 375 to 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { siteUrl } from '../helpers/dist-files.ts';
import { e2eDist } from './global-setup.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await shown?.page.close();
  await browser?.close();
});

const editions = readdirSync(join(e2eDist, 'newsletter')).filter((f) => f.endsWith('.html'));

async function openEdition(file: string, width: number, images: boolean, style = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  const html = readFileSync(join(e2eDist, 'newsletter', file), 'utf8');
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === `/newsletter/${file}`)
      return route.fulfill({
        body: style ? html : html.replace(/<style>[\s\S]*?<\/style>/g, ''),
        contentType: 'text/html',
      });
    if (route.request().resourceType() === 'image' && !images) return route.abort('blockedbyclient');
    if (url.origin === siteUrl()) return route.fulfill({ path: join(e2eDist, decodeURIComponent(url.pathname)) });
    return route.abort();
  });
  await page.goto(`${siteUrl()}/newsletter/${file}`, { waitUntil: 'load' });
  return page;
}

/**
 * The edition in one look (its <style> kept or dropped, images loading or blocked), loaded once and resized to
 * each width in turn, as a reader resizes a mail window: its media queries and line breaks follow the width.
 */
let shown: { look: string; page: Page } | undefined;
async function editionAt(file: string, width: number, images: boolean, style: boolean): Promise<Page> {
  const look = `${file} images ${images} style ${style}`;
  if (shown?.look === look) await shown.page.setViewportSize({ width, height: 800 });
  else {
    await shown?.page.close();
    shown = { look, page: await openEdition(file, width, images, style) };
  }
  return shown.page;
}

describe('email editions in Chromium', () => {
  it('finds the editions', () => {
    expect(editions.length).toBeGreaterThan(0);
  });

  for (const file of editions) {
    for (const style of [true, false]) {
      for (const images of [true, false]) {
        for (const width of [600, 375, 320]) {
          it(`${file} at ${width} px, images ${images ? 'on' : 'blocked'}, ${style ? 'with' : 'without'} its <style>: no horizontal scroll, no word broken inside`, async () => {
            const page = await editionAt(file, width, images, style);
            const result = await page.evaluate(() => {
              const vw = document.documentElement.clientWidth;
              const wide = [...document.body.querySelectorAll('*')]
                .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
                .map(
                  (el) => `<${el.tagName.toLowerCase()}> right edge ${Math.round(el.getBoundingClientRect().right)} px`,
                );
              // A word laid out on two lines, unless it is a URL or wider than its whole line.
              const broken: string[] = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
                const parent = n.parentElement;
                if (!parent || parent.closest('[style*="display:none"]')) continue;
                for (const m of n.data.matchAll(/[^\s\-–—/]+/g)) {
                  if (/^(https?:|www\.)/.test(m[0])) continue;
                  const range = document.createRange();
                  range.setStart(n, m.index);
                  range.setEnd(n, m.index + m[0].length);
                  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
                  const lines = new Set(rects.map((r) => Math.round(r.top)));
                  const whole = rects.reduce((w, r) => w + r.width, 0);
                  if (lines.size > 1 && whole <= parent.getBoundingClientRect().width) broken.push(m[0]);
                }
              }
              const imgs = [...document.images].map((img) => ({
                complete: img.complete,
                natural: img.naturalWidth,
                width: img.getBoundingClientRect().width,
              }));
              return { scrollWidth: document.documentElement.scrollWidth, vw, wide: wide.slice(0, 5), broken, imgs };
            });
            expect(result.wide).toEqual([]);
            expect(result.scrollWidth).toBeLessThanOrEqual(result.vw);
            expect(result.broken, 'words broken inside').toEqual([]);
            expect(result.imgs.length).toBeGreaterThan(0);
            // Images really loaded, or really did not.
            for (const img of result.imgs) expect(img.natural > 0).toBe(images);
          });
        }
      }
    }

    it(`${file}: blocked chart images leave their alt text inside the column`, async () => {
      const page = await openEdition(file, 320, false);
      const boxes = await page.evaluate(() =>
        [...document.images].map((img) => ({
          alt: img.alt,
          width: img.getBoundingClientRect().width,
          height: img.getBoundingClientRect().height,
        })),
      );
      await page.close();
      for (const box of boxes) {
        expect(box.alt.length).toBeGreaterThan(12);
        expect(box.width).toBeLessThanOrEqual(320);
        expect(box.height).toBeGreaterThan(20);
      }
    });
  }

  it('the preheader is first in the body text and never shown', async () => {
    const file = editions[0]!;
    const page = await openEdition(file, 600, true);
    const result = await page.evaluate(() => {
      const first = document.body.firstElementChild as HTMLElement;
      return {
        hidden: getComputedStyle(first).display === 'none',
        text: first.textContent ?? '',
        visibleStart: document.body.innerText.trim().slice(0, 40),
      };
    });
    await page.close();
    const summary = readFileSync(join(e2eDist, 'newsletter', file), 'utf8');
    expect(result.hidden).toBe(true);
    expect(summary).toContain(
      result.text
        .replace(/[\u034f\u200c\u00a0]/g, '')
        .trim()
        .slice(0, 30),
    );
    expect(result.visibleStart).not.toContain(result.text.trim().slice(0, 20));
  });
});

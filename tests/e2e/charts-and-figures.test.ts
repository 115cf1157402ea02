/**
 * What a reader does with a chart and a figure reference, in Chromium: the
 * chart answers the keyboard and the pointer with a tooltip beside the point
 * and an announced readout, draws with the static image's font, and swaps in
 * its phone layout on a narrow screen; a figure opens its source in place
 * (keyboard and tap), and the sources list links back.
 */
import { describe, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { e2eDist, siteInBrowser } from './site.ts';
import { unwoff2 } from '../helpers/woff.ts';
import { ocrWords, stopOcr } from '../helpers/ocr.ts';

const web = siteInBrowser(stopOcr);
const ARTICLE = '/articles/tokens-versus-revenue/';
const PRICE = '#price-cut';

async function liveChart(page: Page, figure: string): Promise<void> {
  await page.locator(figure).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.closest('[data-chart]')?.getAttribute('data-chart-live') === 'drawn',
    figure,
  );
}

describe.concurrent('a live chart', () => {
  it('is reachable by Tab; arrow keys move through the values, shown beside the point and announced', async ({
    expect,
  }) => {
    const { page, problems } = await openPage(web.browser, `${web.url}${ARTICLE}`);
    try {
      await liveChart(page, PRICE);
      const canvas = page.locator(`${PRICE} canvas`);
      await canvas.focus();
      expect(await canvas.evaluate((c) => c === document.activeElement && c.tabIndex === 0)).toBe(true);
      await page.keyboard.press('ArrowRight');
      const readout = page.locator(`${PRICE} .chart__readout`);
      expect(await readout.getAttribute('aria-live')).toBe('polite');
      expect(await readout.textContent()).toBe('Industry average before: ¥0.12 per 1,000 tokens');
      const tooltip = page.locator(`${PRICE} .chart__tooltip`);
      expect(await tooltip.isVisible()).toBe(true);
      expect(await tooltip.textContent()).toBe('Industry average before: ¥0.12 per 1,000 tokens');
      await page.keyboard.press('ArrowRight');
      expect(await readout.textContent()).toBe('Doubao (豆包) after: ¥0.0008 per 1,000 tokens');
      await page.keyboard.press('End');
      await page.keyboard.press('Home');
      expect(await readout.textContent()).toMatch(/^Industry average before/);
      await page.keyboard.press('Escape');
      expect(await tooltip.isVisible()).toBe(false);
      expect(problems.console).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the value under the pointer in a tooltip hung just below its bar, clear of the value label', async ({
    expect,
  }) => {
    const { page } = await openPage(web.browser, `${web.url}${ARTICLE}`);
    try {
      await liveChart(page, PRICE);
      const frame = await page.locator(`${PRICE} .chart__frame`).boundingBox();
      // The first bar fills most of the upper half of a horizontal bar chart.
      const at = { x: frame!.x + frame!.width * 0.4, y: frame!.y + frame!.height * 0.3 };
      await page.mouse.move(at.x, at.y);
      const tooltip = page.locator(`${PRICE} .chart__tooltip`);
      await tooltip.waitFor({ state: 'visible' });
      expect(await tooltip.textContent()).toBe('Industry average before: ¥0.12 per 1,000 tokens');
      const box = (await tooltip.boundingBox())!;
      // Below the bar's end (the pointer is on the bar's middle line): within a few tens of pixels of the
      // pointer's height, not in a corner of the chart, and inside it.
      expect(box.y).toBeGreaterThan(at.y);
      expect(box.y - at.y).toBeLessThan(60);
      expect(box.x).toBeGreaterThanOrEqual(frame!.x);
      expect(box.x + box.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
    } finally {
      await page.close();
    }
  });

  it('draws with the font of the static image (Chinese labels included), loaded from the site', async ({ expect }) => {
    const { page, problems } = await openPage(web.browser, `${web.url}${ARTICLE}`);
    try {
      await liveChart(page, PRICE);
      const faces = await page.evaluate(() =>
        [...document.fonts]
          .filter((f) => f.family.replace(/"/g, '') === 'AIF Sans')
          .map((f) => ({ status: f.status, weight: f.weight, range: f.unicodeRange })),
      );
      // A shared face per weight for Latin text, and one per weight covering exactly the chart's other characters (豆 is U+8C46).
      expect(
        faces
          .filter((f) => f.status === 'loaded' && f.range.toUpperCase() === 'U+0-10FFFF')
          .map((f) => f.weight)
          .sort(),
      ).toEqual(['400', '700']);
      expect(
        faces
          .filter((f) => f.status === 'loaded' && /U\+8C46/i.test(f.range))
          .map((f) => f.weight)
          .sort(),
      ).toEqual(['400', '700']);
      // Canvas text really uses it: "豆包 Doubao" measures differently in the chart font than in the fallback.
      const widths = await page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = '40px "AIF Sans", monospace';
        const own = ctx.measureText('豆包 Doubao').width;
        ctx.font = '40px monospace';
        return [own, ctx.measureText('豆包 Doubao').width];
      });
      expect(Math.abs(widths[0]! - widths[1]!)).toBeGreaterThan(5);
      expect(problems.failed).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("draws the static image's text in the fonts embedded as WOFF 2: the same pixels as the TrueType they wrap", async ({
    expect,
  }) => {
    const { page } = await openPage(web.browser, `${web.url}${ARTICLE}`, { javaScriptEnabled: false });
    try {
      const src = await page.locator(`${PRICE} img`).getAttribute('src');
      // The page shows a view of the file (#wide); the file is the same.
      const svg = readFileSync(join(e2eDist, src!.replace(/#\w+$/, '')), 'utf8');
      const FACE = /data:font\/woff2;base64,([^)]+)/g;
      const faces = [...svg.matchAll(FACE)].map((m) => m[1]!);
      expect(faces.length).toBeGreaterThan(0);
      // Each font as the reference decoder gives it back, as TrueType.
      const ttfs = new Map<string, string>();
      for (const b64 of faces) ttfs.set(b64, (await unwoff2(Buffer.from(b64, 'base64'))).toString('base64'));
      const variants = {
        woff2: svg,
        ttf: svg.replace(FACE, (_, b64: string) => `data:font/ttf;base64,${ttfs.get(b64)}`),
        none: svg.replace(/<style>@font-face[^<]*<\/style>/, ''),
      };
      const pixels = await page.evaluate(async (svgs) => {
        const out: Record<string, string> = {};
        for (const [name, text] of Object.entries(svgs)) {
          const img = new Image();
          img.src = `data:image/svg+xml;base64,${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          out[name] = canvas.toDataURL('image/png');
        }
        return out;
      }, variants);
      expect(pixels.woff2).toBe(pixels.ttf);
      // And the embedded font is what draws the text: without it, the fallback font draws something else.
      expect(pixels.woff2).not.toBe(pixels.none);
    } finally {
      await page.close();
    }
  });

  it('uses the phone layout at 375 px: the narrow image without JavaScript, the same layout live', async ({
    expect,
  }) => {
    for (const js of [false, true]) {
      const { page } = await openPage(web.browser, `${web.url}${ARTICLE}`, {
        width: 375,
        javaScriptEnabled: js,
        fresh: true,
      });
      try {
        const img = page.locator(`${PRICE} img`);
        await img.scrollIntoViewIfNeeded();
        await img.evaluate((i: HTMLImageElement) => i.decode());
        const shown = await img.evaluate((i: HTMLImageElement) => ({
          css: i.getBoundingClientRect(),
          src: i.currentSrc,
        }));
        // The phone drawing: the file's view #narrow, 330 px wide, shown 335 px wide: 13 px text reads at 11 px or more.
        expect(shown.src).toMatch(/\.svg#narrow$/);
        const file = await (await fetch(shown.src)).text();
        const view = /<view id="narrow" viewBox="[\d.]+ 0 (\d+) (\d+)"\/>/.exec(file);
        expect(view?.[1]).toBe('330');
        // Framed at the view's proportions, so the drawing fills the box.
        expect(Math.abs(shown.css.height - (shown.css.width * Number(view![2])) / 330)).toBeLessThan(1);
        expect((13 * shown.css.width) / 330).toBeGreaterThanOrEqual(11);
        if (js) {
          await liveChart(page, PRICE);
          const size = await page.locator(`${PRICE} canvas`).evaluate((c) => c.getBoundingClientRect().width);
          expect(Math.abs(size - shown.css.width)).toBeLessThan(1);
        }
      } finally {
        await page.close();
      }
    }
  });

  it('copies a link to itself', async ({ expect }) => {
    const { page } = await openPage(web.browser, `${web.url}${ARTICLE}`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
      const link = page.locator(`${PRICE} [data-chart-link]`);
      expect(await link.textContent()).toBe('Copy link');
      await link.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${web.url}${ARTICLE}${PRICE}`);
      expect(await link.textContent()).toBe('Link copied');
    } finally {
      await page.close();
    }
  });

  it('offers its drawing as a PNG once live that stands alone: the SVG download at 2x, title, source and site drawn in, named after the chart', async ({
    expect,
  }) => {
    // Downloads are accepted in every context Playwright makes.
    const { page } = await openPage(web.browser, `${web.url}${ARTICLE}`, { colorScheme: 'dark' });
    try {
      await liveChart(page, PRICE);
      const actions = page.locator(`${PRICE} .chart__actions`);
      expect((await actions.innerText()).replace(/\s+/g, ' ')).toMatch(/Copy link · PNG · SVG · CSV · JSON/);
      expect(await page.locator(`${PRICE} [data-chart-png]`).isVisible()).toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${PRICE} [data-chart-png]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe('price-cut.png');
      // Saved where the test can read it (the shared browser may not be on this process's side of the connection).
      const file = join(mkdtempSync(join(tmpdir(), 'aif-download-')), download.suggestedFilename());
      await download.saveAs(file);
      const { loadImage, createCanvas } = await import('@napi-rs/canvas');
      const image = await loadImage(file);
      // The SVG download (its root's size: the drawing and the words around it), drawn at twice its size.
      const svgHref = await page.locator(`${PRICE} [data-chart-svg]`).getAttribute('href');
      const root = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(readFileSync(join(e2eDist, svgHref!), 'utf8'))!;
      expect([image.width, image.height]).toEqual([Number(root[1]) * 2, Number(root[2]) * 2]);
      // Opaque, on the dark page colour in the corner (the reader's scheme), with the bars drawn in between.
      const ctx = createCanvas(image.width, image.height).getContext('2d');
      ctx.drawImage(image, 0, 0);
      const corner = [...ctx.getImageData(0, 0, 1, 1).data];
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(`rgb(${corner.slice(0, 3).join(', ')})`).toBe(bg);
      expect(corner[3]).toBe(255);
      const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4)
        colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      expect(colours.size, 'more than a blank page').toBeGreaterThan(20);
      // It says what it shows and where it comes from: title, unit, source and site, read back by OCR.
      const seen = await ocrWords(readFileSync(file));
      for (const w of ['price', 'tokens', 'yuan', 'source', 'frontier']) expect(seen, w).toContain(w);
      // Without JavaScript there is nothing to export, and no button.
      const { page: plain } = await openPage(web.browser, `${web.url}${ARTICLE}`, { javaScriptEnabled: false });
      expect(await plain.locator(`${PRICE} [data-chart-png]`).isVisible()).toBe(false);
      expect((await plain.locator(`${PRICE} .chart__actions`).innerText()).replace(/\s+/g, ' ')).toMatch(
        /^Link to this chart · SVG · CSV · JSON$/,
      );
      await plain.close();
    } finally {
      await page.close();
    }
  });
});

describe.concurrent('a figure in the text', () => {
  const REF = 'a.fig__ref[data-figure="doubao.price.after"]';

  it('opens its source, date and note in place with the keyboard, and closes with Escape; without JavaScript it leads to the same facts in the sources list', async ({
    expect,
  }) => {
    for (const js of [true, false]) {
      const { page } = await openPage(web.browser, `${web.url}${ARTICLE}`, { javaScriptEnabled: js });
      try {
        const ref = page.locator(REF).first();
        await ref.focus();
        await page.keyboard.press('Enter');
        const pop = page.locator(`[id="${await ref.getAttribute('data-fig-pop')}"]`);
        if (!js) {
          await expect.poll(() => new URL(page.url()).hash).toBe('#fig-doubao.price.after');
          expect(await page.locator('[id="fig-doubao.price.after"]').innerText()).toMatch(/¥0\.0008 per 1,000 tokens/);
          expect(await pop.evaluate((p) => p.matches(':popover-open'))).toBe(false);
          continue;
        }
        expect(await pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
        // The toggle event that sets aria-expanded is queued as a task after the popover opens.
        await expect.poll(() => ref.getAttribute('aria-expanded')).toBe('true');
        expect(new URL(page.url()).hash).toBe('');
        expect(await pop.textContent()).toMatch(
          /¥0\.0008 per 1,000 tokens.*As of May 2024\. Source: Hello China Tech, The Metric is the Message/,
        );
        // In place: the popover opens next to its number.
        const [a, b] = [(await ref.boundingBox())!, (await pop.boundingBox())!];
        expect(Math.abs(b.y - (a.y + a.height))).toBeLessThan(30);
        await page.keyboard.press('Escape');
        expect(await pop.evaluate((p) => p.matches(':popover-open'))).toBe(false);
        await expect.poll(() => ref.getAttribute('aria-expanded')).toBe('false');
      } finally {
        await page.close();
      }
    }
  });

  it('opens on a tap, and its entry in the sources list links back to it', async ({ expect }) => {
    const context = await web.browser.newContext({
      viewport: { width: 375, height: 800 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    try {
      await page.goto(`${web.url}${ARTICLE}`);
      const ref = page.locator(REF).first();
      await ref.scrollIntoViewIfNeeded();
      await ref.tap();
      const pop = page.locator(`[id="${await ref.getAttribute('data-fig-pop')}"]`);
      expect(await pop.evaluate((p) => p.matches(':popover-open'))).toBe(true);
      const more = pop.locator('a', { hasText: 'How we got this number' });
      await more.tap();
      expect(page.url()).toMatch(/#fig-doubao\.price\.after$/);
      const back = page.locator('[id="fig-doubao.price.after"] a.figure-sources__back');
      await back.tap();
      expect(
        await page.evaluate(() =>
          document.getElementById(decodeURIComponent(location.hash.slice(1)))?.getAttribute('data-figure'),
        ),
      ).toBe('doubao.price.after');
    } finally {
      await context.close();
    }
  });
});

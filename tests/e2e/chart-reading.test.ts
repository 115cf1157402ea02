/**
 * Charts a reader can read and point at, in Chromium: the static image's text stays at 11 px or more
 * at every viewport width from 320 to 1280 px (the drawing picked per width range); the legend has
 * one font with and without JavaScript; a line chart's tooltip answers the pointer anywhere along
 * its x; and the ¥160/¥200 bn chart's axis stops at ¥200 bn, its tooltip never covering a value label.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ocrRead, stopOcr } from '../helpers/ocr.ts';
import { e2eDist, siteInBrowser } from './site.ts';

const web = siteInBrowser(stopOcr);

const TOKENS = '/articles/tokens-versus-revenue/';
const BYTEDANCE = '/articles/bytedance-200-billion-ai-bet/';
const LINE = '#chart-tokens-processed-per-day-on-volcano-engine';
const PLAN = '#chart-the-2026-plan-before-and-after-the-raise';

async function open(
  path: string,
  opts: { width: number; js?: boolean; dark?: boolean; scale?: number },
): Promise<Page> {
  const context = await web.browser.newContext({
    viewport: { width: opts.width, height: 900 },
    javaScriptEnabled: opts.js ?? true,
    colorScheme: opts.dark ? 'dark' : 'light',
    deviceScaleFactor: opts.scale ?? 1,
  });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  await page.goto(`${web.url}${path}`);
  return page;
}

async function liveChart(page: Page, figure: string): Promise<void> {
  await page.locator(figure).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.closest('[data-chart]')?.getAttribute('data-chart-live') === 'drawn',
    figure,
  );
}

/**
 * Each view of a chart's SVG (its drawing alone: wide, narrow, small) with its size and the smallest
 * font size its text is drawn at (the font sizes on its elements and the ones they inherit from its root).
 */
function views(svg: string): Map<string, { width: number; height: number; smallest: number }> {
  const out = new Map<string, { width: number; height: number; smallest: number }>();
  const starts = [...svg.matchAll(/<view id="(\w+)" viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"\/>/g)];
  const rootFont = /^<svg [^>]*font-size="([\d.]+)"/.exec(svg)?.[1];
  // The wide drawing follows the frame's lines (title, subtitle, source, site: not part of the view).
  const frameEnd = svg.indexOf('</g>', svg.indexOf('<g font-family="AIF Sans">'));
  const nested = starts.filter((m) => m[1] !== 'wide');
  const wide = starts.find((m) => m[1] === 'wide')!;
  const segments: Array<[RegExpMatchArray, string, string | undefined]> = [
    [wide, svg.slice(frameEnd, nested[0]?.index ?? svg.length), rootFont],
    ...nested.map((m, i): [RegExpMatchArray, string, string | undefined] => {
      const part = svg.slice(m.index, nested[i + 1]?.index ?? svg.length);
      return [m, part, /<svg x="[^"]*"[^>]*font-size="([\d.]+)"/.exec(part)?.[1]];
    }),
  ];
  for (const [m, part, inherited] of segments) {
    const sizes = [...part.matchAll(/font-size="([\d.]+)"/g)].map((s) => Number(s[1]));
    if (inherited) sizes.push(Number(inherited));
    out.set(m[1]!, { width: Number(m[2]), height: Number(m[3]), smallest: Math.min(...sizes) });
  }
  return out;
}

describe('static chart text', () => {
  it('is 11 px or more at every viewport width from 320 to 1280 px, each width showing the drawing made for it', async () => {
    const page = await open(TOKENS, { width: 320, js: false });
    // Between two breakpoints the layout is linear in the viewport width, so an image's width (and its text
    // size) is smallest at a breakpoint or an end of the range: every width from 320 to 1280 px is covered by
    // both sides of each breakpoint the page's style sheets and <source> media name, the ends, and a 40 px grid.
    const breakpoints = await page.evaluate(() => {
      const media: string[] = [...document.querySelectorAll('source[media]')].map((s) => s.getAttribute('media')!);
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSMediaRule) media.push(rule.conditionText);
          if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of document.styleSheets) walk(sheet.cssRules);
      return media.flatMap((m) => [...m.matchAll(/(min|max)-width:\s*([\d.]+)px/g)].map((x) => Number(x[2])));
    });
    expect(breakpoints).toContain(589);
    const widths = [
      ...new Set([
        ...Array.from({ length: 25 }, (_, i) => 320 + i * 40),
        ...breakpoints.flatMap((b) => [Math.floor(b) - 1, Math.floor(b), Math.ceil(b) + 1]),
      ]),
    ]
      .filter((w) => w >= 320 && w <= 1280)
      .sort((a, b) => a - b);
    const report: string[] = [];
    const cache = new Map<string, ReturnType<typeof views>>();
    let smallest = Infinity;
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      // The drawing the <picture> offers at this width (its first <source> whose media matches, else the <img>:
      // what the browser picks as the image loads) and the box the image is laid out in.
      const images = await page.locator('.chart__frame img').evaluateAll((els) =>
        (els as HTMLImageElement[]).map((img) => {
          const box = img.getBoundingClientRect();
          const source = [...(img.parentElement?.querySelectorAll('source') ?? [])].find(
            (s) => matchMedia(s.media).matches,
          );
          return { src: new URL(source?.srcset ?? img.src, location.href).href, width: box.width, height: box.height };
        }),
      );
      expect(images.length).toBe(3);
      for (const img of images) {
        const url = new URL(img.src);
        const file = url.pathname;
        if (!cache.has(file)) cache.set(file, views(readFileSync(join(e2eDist, file), 'utf8')));
        const view = cache.get(file)!.get(url.hash.slice(1) || 'wide');
        expect(view, `${img.src} at ${width} px shows a view of its drawing`).toBeDefined();
        // The box has the proportions of the drawing it shows, so the drawing fills it.
        expect(img.width / img.height, `${img.src} at ${width} px`).toBeCloseTo(view!.width / view!.height, 2);
        const px = (view!.smallest * img.width) / view!.width;
        smallest = Math.min(smallest, px);
        if (px < 11)
          report.push(`${width} px: ${url.hash || '#wide'} shown ${img.width} px wide, text ${px.toFixed(2)} px`);
      }
    }
    console.log(`smallest static chart text from 320 to 1280 px: ${smallest.toFixed(2)} px`);
    expect(report).toEqual([]);
    await page.close();
  });

  it('puts the legend in one font with and without JavaScript', async () => {
    const fonts: string[] = [];
    for (const js of [false, true]) {
      const page = await open(TOKENS, { width: 1280, js });
      const figure = '#chart-share-of-china-s-cloud-token-processing-h1-2025';
      if (js) await liveChart(page, figure);
      fonts.push(
        await page
          .locator(`${figure} .chart__legend li`)
          .first()
          .evaluate((el) => getComputedStyle(el).fontFamily),
        await page.locator(`${figure} .chart__title`).evaluate((el) => getComputedStyle(el).fontFamily),
      );
      await page.close();
    }
    // The legend's font is the chart title's (the UI font), whether or not the chart script has run.
    expect(new Set(fonts).size).toBe(1);
    expect(fonts[0]).not.toContain('AIF Sans');
  });
});

describe('the line chart', () => {
  for (const width of [1280, 375])
    it(`shows its tooltip anywhere along the x position at ${width} px, reading the value at that x`, async () => {
      const page = await open(TOKENS, { width });
      await liveChart(page, LINE);
      const canvas = page.locator(`${LINE} canvas`);
      const box = (await canvas.boundingBox())!;
      const tooltip = page.locator(`${LINE} .chart__tooltip`);
      // Every 5 % across the plot and every 10 % down it (clear of the value axis's labels at the left and the
      // dates below).
      let shown = 0;
      let total = 0;
      const missed: string[] = [];
      const texts: string[] = [];
      for (let gx = 0.4; gx <= 0.951; gx += 0.05)
        for (let gy = 0.15; gy <= 0.751; gy += 0.1) {
          await page.mouse.move(box.x + box.width * gx, box.y + box.height * gy);
          total++;
          if (await tooltip.isVisible()) {
            shown++;
            texts.push(`${gx.toFixed(2)} ${await tooltip.textContent()}`);
          } else missed.push(`${gx.toFixed(2)},${gy.toFixed(2)}`);
        }
      expect(`${shown} of ${total}`, missed.join(' ')).toBe(`${total} of ${total}`);
      // Left of the middle it reads the first point, right of it the last.
      expect(texts.find((t) => t.startsWith('0.40'))).toMatch(/May 2024: 120 billion tokens/);
      expect(texts.find((t) => t.startsWith('0.95'))).toMatch(/Sep 2025: 30 trillion tokens/);
      await page.close();
    });
});

describe('the ¥160/¥200 bn chart', () => {
  for (const width of [375, 1280])
    for (const dark of [false, true])
      it(`ends its axis at ¥200 bn and keeps its tooltip off the value labels at ${width} px, ${dark ? 'dark' : 'light'}`, async () => {
        const page = await open(BYTEDANCE, { width, dark, scale: 2 });
        await liveChart(page, PLAN);
        const canvas = page.locator(`${PLAN} canvas`);
        const shot = await canvas.screenshot();
        const { words, boxes } = await ocrRead(shot);
        expect(words).toContain('200');
        expect(words).not.toContain('250');
        expect(words).not.toContain('300');
        // The value labels above the bars, where OCR finds them (in the canvas's CSS px): "¥160"/"¥200"
        // right of the axis's tick labels.
        const box = (await canvas.boundingBox())!;
        const values = boxes
          .map((w) => ({ text: w.text, x0: w.x0 / 2, y0: w.y0 / 2, x1: w.x1 / 2, y1: w.y1 / 2 }))
          .filter((w) => /^(160|200)$/.test(w.text.replace(/\D/g, '')) && w.x0 > box.width * 0.25);
        expect(values.map((v) => v.text.replace(/\D/g, '')).sort()).toEqual(['160', '200']);
        const tooltip = page.locator(`${PLAN} .chart__tooltip`);
        for (const label of values) {
          // Into the bar under the label, at its top and further down.
          for (const dy of [12, 30, 60]) {
            const x = (label.x0 + label.x1) / 2;
            const y = label.y1 + dy;
            if (y > box.height - 30) continue;
            await page.mouse.move(box.x + x, box.y + y);
            await expect.poll(() => tooltip.isVisible()).toBe(true);
            const t = (await tooltip.boundingBox())!;
            const [tx0, ty0, tx1, ty1] = [t.x - box.x, t.y - box.y, t.x - box.x + t.width, t.y - box.y + t.height];
            const overlaps = tx0 < label.x1 && tx1 > label.x0 && ty0 < label.y1 && ty1 > label.y0;
            expect(overlaps, `tooltip over "${label.text}" with the pointer ${dy} px below it`).toBe(false);
          }
        }
        await page.close();
      });
});

/**
 * The subscriber drawing of each chart as a subscriber sees it, in Chromium at a device pixel ratio
 * of 1: the newsletter editions at 375 and 320 px (as sent, and with their <style> block dropped as
 * some mail apps do), read back with OCR against the web page's phone drawing at 375 px; and the
 * size its text is shown at on a 320 px screen, from the drawing's own font sizes and the width the
 * image is laid out at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { siteUrl } from '../helpers/dist-files.ts';
import { ocrWords, stopOcr, words } from '../helpers/ocr.ts';
import { e2eDist } from './global-setup.ts';
import { chartSize, subscriberChart, type ChartDrawing } from '../../src/lib/charts/config.ts';
import { PIXEL_RATIO } from '../../src/lib/charts/render-static.ts';
import { drawnTexts } from '../helpers/chart-text.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopOcr();
});

/** Editions that carry charts, by article slug (an edition is named after its article). */
const editions = readdirSync(join(e2eDist, 'newsletter'))
  .filter((f) => f.endsWith('.html'))
  .filter((f) => readFileSync(join(e2eDist, 'newsletter', f), 'utf8').includes('/charts/'))
  .map((f) => f.replace(/\.html$/, ''));

/** The page's charts, in order: the drawing each was made from and the words of its data table (its labels and values). */
function pageCharts(slug: string): Array<{ drawing: ChartDrawing; words: Set<string> }> {
  const html = readFileSync(join(e2eDist, 'articles', slug, 'index.html'), 'utf8');
  const drawings = [...html.matchAll(/<script type="application\/json" data-chart-config>(.*?)<\/script>/gs)].map(
    (m) => (JSON.parse(m[1]!) as { drawing: ChartDrawing }).drawing,
  );
  const tables = [...html.matchAll(/<details class="chart__data"[^>]*>(.*?)<\/details>/gs)].map((m) =>
    m[1]!
      .replace(/<caption>.*?<\/caption>/s, '')
      .replace(/<summary>.*?<\/summary>/s, '')
      .replace(/<th scope="col">Value<\/th>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_e, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&amp;/g, '&'),
  );
  expect(tables).toHaveLength(drawings.length);
  return drawings.map((drawing, i) => ({ drawing, words: new Set(words(tables[i]!)) }));
}

async function open(url: string, width: number, opts: { js?: boolean; styles?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
    javaScriptEnabled: opts.js ?? false,
  });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  await page.route('**/*', async (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== siteUrl()) return route.abort();
    const path = decodeURIComponent(u.pathname);
    return route.fulfill({ path: join(e2eDist, path.endsWith('/') ? `${path}index.html` : path) });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (opts.styles === false) await page.evaluate(() => document.querySelectorAll('style').forEach((s) => s.remove()));
  return page;
}

interface Shown {
  /** Width the image is laid out at, CSS px. */
  width: number;
  /** Its intrinsic width in image pixels. */
  natural: number;
  words: Set<string>;
}

/** Each matching image as laid out: its width, and the words OCR reads in a screenshot of it. */
async function shown(page: Page, selector: string): Promise<Shown[]> {
  const images = await page.locator(selector).all();
  const out: Shown[] = [];
  for (const img of images) {
    await img.scrollIntoViewIfNeeded();
    await img.evaluate((el: HTMLImageElement) => el.decode());
    const { width, natural } = await img.evaluate((el: HTMLImageElement) => ({
      width: el.getBoundingClientRect().width,
      natural: el.naturalWidth,
    }));
    out.push({ width, natural, words: await ocrWords(await img.screenshot()) });
  }
  return out;
}

/** The smallest text a chart.js config draws (axes, value labels), in the drawing's CSS px. */
function smallestText(drawing: ChartDrawing): number {
  const sizes = drawnTexts(subscriberChart(drawing)).map((d) => d.size);
  expect(sizes.length).toBeGreaterThan(0);
  return Math.min(...sizes);
}

const recognised = (charts: Array<{ words: Set<string> }>, seen: Array<{ words: Set<string> }>) => {
  let found = 0;
  let total = 0;
  charts.forEach((c, i) => {
    total += c.words.size;
    for (const w of c.words) if (seen[i]!.words.has(w)) found++;
  });
  return { found, total };
};

describe('the subscriber drawing in the editions', () => {
  it('has editions with charts to read', () => {
    expect(editions.length).toBeGreaterThan(0);
  });

  it('reads back at 375 and 320 px at least as many label words as the web page’s phone drawing at 375 px', async () => {
    const lines: string[] = [];
    const totals = { web: 0, 375: 0, 320: 0, all: 0 };
    for (const slug of editions) {
      const charts = pageCharts(slug);
      const web = await shown(await open(`${siteUrl()}/articles/${slug}/`, 375), '.chart__frame img');
      expect(web).toHaveLength(charts.length);
      const result = { web: recognised(charts, web) } as Record<string, { found: number; total: number }>;
      for (const width of [375, 320] as const) {
        const edition = await shown(await open(`${siteUrl()}/newsletter/${slug}.html`, width), 'img[src*="/charts/"]');
        expect(edition).toHaveLength(charts.length);
        result[width] = recognised(charts, edition);
        totals[width] += result[width].found;
      }
      totals.web += result.web!.found;
      totals.all += result.web!.total;
      lines.push(
        `${slug}: web phone drawing at 375 px ${result.web!.found}/${result.web!.total}, edition at 375 px ${result[375]!.found}, at 320 px ${result[320]!.found}`,
      );
    }
    console.log(
      [
        ...lines,
        `all: web ${totals.web}/${totals.all}, edition 375 px ${totals[375]}/${totals.all}, 320 px ${totals[320]}/${totals.all}`,
      ].join('\n'),
    );
    expect(totals.web).toBeGreaterThan(0);
    expect(totals[375]).toBeGreaterThanOrEqual(totals.web);
    expect(totals[320]).toBeGreaterThanOrEqual(totals.web);
  });

  for (const styles of [true, false])
    it(`shows every chart’s text at 10 px or more on a 320 px screen${styles ? '' : ' without the <style> block'}`, async () => {
      const report: string[] = [];
      for (const slug of editions) {
        const charts = pageCharts(slug);
        const page = await open(`${siteUrl()}/newsletter/${slug}.html`, 320, { styles });
        const images = await page.locator('img[src*="/charts/"]').evaluateAll((els) =>
          (els as HTMLImageElement[]).map((el) => ({
            width: el.getBoundingClientRect().width,
            natural: el.naturalWidth,
          })),
        );
        expect(images).toHaveLength(charts.length);
        charts.forEach(({ drawing }, i) => {
          const logical = chartSize(subscriberChart(drawing)).width;
          // The image is the subscriber drawing of this chart: its pixels are its logical width at the PNG's ratio.
          expect(images[i]!.natural).toBe(logical * PIXEL_RATIO);
          const px = (smallestText(drawing) * images[i]!.width) / logical;
          report.push(
            `${slug} #${i + 1}: shown ${images[i]!.width.toFixed(0)} px wide, smallest text ${px.toFixed(1)} px`,
          );
          expect(px, `${slug}, chart ${i + 1}`).toBeGreaterThanOrEqual(10);
        });
      }
      console.log(report.join('\n'));
    });
});

/**
 * Charts as built: what the static images actually draw, measured in their
 * pixels, and what the page around them says.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { projectRoot, readDist, testDist } from '../helpers/project.ts';
import { THEMES } from '../../src/lib/charts/palette.ts';
import { parseCsv } from '../../src/lib/figures/csv.ts';
import { LAYOUTS, PAGE_LAYOUTS } from '../../src/lib/charts/config.ts';
import { CARD_EDGE } from '../../src/lib/charts/render-static.ts';

const article = () => readDist('articles/tokens-versus-revenue/index.html');

/** What a reader sees: text without scripts, tags, attributes, URLs or feed link elements (ids live in anchors, not in text). */
function visibleText(doc: string): string {
  return doc
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<(link|guid|id)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;[\s\S]*?&gt;/g, ' ')
    .replace(/"(url|id|external_url)":\s*"[^"]*"/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

/** The chart block whose title is `title`: its HTML and the JSON data file it offers. */
function chartBlock(
  html: string,
  title: string,
): { html: string; data: { labels: string[]; datasets: Array<{ values: number[] }>; whole?: number } } {
  const blocks = [...html.matchAll(/<div class="chart" data-chart[^>]*>([\s\S]*?)<\/script>\s*<\/div>/g)].map(
    (m) => m[0],
  );
  const block = blocks.find((b) => b.includes(`>${title.replace(/'/g, '&#39;')}<`) || b.includes(`>${title}<`));
  expect(block, `a chart titled "${title}"`).toBeDefined();
  const json = /href="\/charts\/(chart-[0-9a-f]+\.json)"/.exec(block!)![1]!;
  return { html: block!, data: JSON.parse(readDist(`charts/${json}`)) };
}

/** An SVG as its view `id` shows it (`file.svg#id`): the root element framed by the view's viewBox. */
function asView(svg: string, id: string): string {
  const [, x, y, w, h] = new RegExp(`<view id="${id}" viewBox="([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+)"/>`).exec(svg)!;
  return svg.replace(
    /^<svg ([^>]*?)width="[\d.]+" height="[\d.]+" viewBox="[^"]*"/,
    `<svg $1width="${w}" height="${h}" viewBox="${x} ${y} ${w} ${h}"`,
  );
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/**
 * Sample the ring of a doughnut image near its outer edge (clear of the value
 * labels) and return the share of the circle each colour covers, in percent.
 */
async function ringShares(
  image: { name: string; bytes: Buffer },
  colours: string[],
  background: string,
): Promise<number[]> {
  const img = await loadImage(image.bytes);
  // SVGs are rasterised at 2×, like the PNG.
  const scale = image.name.includes('.svg') ? 2 : 1;
  const canvas = createCanvas(img.width * scale, img.height * scale);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const bg = hex(background);
  const far = (i: number) =>
    Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > 60;
  // The ring's bounding box gives its centre and outer radius (inside the subscriber PNG's card border).
  const edge = image.name.endsWith('.png') ? CARD_EDGE + 1 : 0;
  let [x0, y0, x1, y1] = [width, height, 0, 0];
  for (let y = edge; y < height - edge; y++)
    for (let x = edge; x < width - edge; x++)
      if (far((y * width + x) * 4))
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  const [cx, cy, r] = [(x0 + x1) / 2, (y0 + y1) / 2, (Math.min(x1 - x0, y1 - y0) / 2) * 0.92];
  const rgb = colours.map(hex);
  const counts = colours.map(() => 0);
  const steps = 7200;
  for (let k = 0; k < steps; k++) {
    const a = (k / steps) * 2 * Math.PI;
    const i = (Math.round(cy + r * Math.sin(a)) * width + Math.round(cx + r * Math.cos(a))) * 4;
    const d = rgb.map(
      (c) => Math.abs(data[i]! - c[0]!) + Math.abs(data[i + 1]! - c[1]!) + Math.abs(data[i + 2]! - c[2]!),
    );
    const best = d.indexOf(Math.min(...d));
    // Slice borders are page-coloured: they belong to no slice and are split evenly by leaving them out.
    if (d[best]! < 40) counts[best]!++;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  // Almost the whole circle must be slice colours, or the ring was not found.
  expect(total / steps).toBeGreaterThan(0.95);
  return counts.map((c) => (c / total) * 100);
}

describe('the showcase doughnut', () => {
  const title = "Share of China's cloud token processing, H1 2025";

  it('is drawn against its whole: each slice covers value ÷ 100 of the ring, within 0.5 points, in the page SVG, the phone SVG and the subscriber PNG', async () => {
    const { html, data } = chartBlock(article(), title);
    expect(data.labels.at(-1)).toBe('Other providers');
    const values = data.datasets[0]!.values;
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(values.at(-1)).toBeCloseTo(6.8, 9);
    // The SVG serves both themes by swapping colours in CSS (same geometry), and both layouts (the phone one
    // by its view, #narrow; the wide one by #wide); rasterised here, both show the light theme.
    const svgs = [
      ...new Set(
        [...html.matchAll(/(?:src|srcset|href)="\/charts\/(chart-[0-9a-f]+\.svg)(?:#narrow|#wide)?"/g)].map(
          (m) => `charts/${m[1]}`,
        ),
      ),
    ];
    expect(svgs.length).toBe(1);
    expect(html).toContain(`srcset="/${svgs[0]}#narrow"`);
    expect(html).toContain(`src="/${svgs[0]}#wide"`);
    // The PNG is the feeds' and email's subscriber drawing of the same chart.
    const png =
      /\/(charts\/chart-[0-9a-f]+-light\.png)"[^>]*alt="Doughnut chart, Share of China's cloud token processing/.exec(
        readDist('rss.xml'),
      )![1]!;
    const svg = readFileSync(join(testDist, svgs[0]!));
    const images = [
      { name: `${svgs[0]}#wide`, bytes: Buffer.from(asView(svg.toString('utf8'), 'wide')) },
      { name: `${svgs[0]}#narrow`, bytes: Buffer.from(asView(svg.toString('utf8'), 'narrow')) },
      { name: png, bytes: readFileSync(join(testDist, png)) },
    ];
    for (const file of images) {
      const t = THEMES.light;
      const colours = values.map((_, i) => (i === values.length - 1 ? t.other : t.series[i % t.series.length]!));
      const shares = await ringShares(file, colours, t.background);
      shares.forEach((s, i) =>
        expect(
          Math.abs(s - values[i]!),
          `${file.name}: ${data.labels[i]} drawn at ${s.toFixed(2)}% for ${values[i]}%`,
        ).toBeLessThan(0.5),
      );
    }
  });

  it('lists the remainder in the table and the CSV, and explains it under the chart', () => {
    const { html } = chartBlock(article(), title);
    expect(html).toMatch(/<tr><th scope="row">Other providers<\/th><td>6\.8%<\/td><\/tr>/);
    const csv = /href="\/charts\/(chart-[0-9a-f]+\.csv)"/.exec(html)![1]!;
    expect(readDist(`charts/${csv}`).trim().split('\n').at(-1)).toMatch(/^Other providers,6\.8,percent,one,/);
    expect(html).toContain('Other providers: the 6.8% of 100% that the source does not name.');
    expect(html).toContain('Percent of the whole · H1 2025');
  });
});

describe('chart pages', () => {
  it('put title and subtitle above the image, and notes, source, link and downloads below it', () => {
    const { html } = chartBlock(article(), 'Tokens processed per day on Volcano Engine');
    const order = [
      'chart__title',
      'chart__subtitle',
      '<picture>',
      'chart__notes',
      'chart__source',
      'data-chart-link',
      '.svg" download',
      '.csv" download',
    ].map((m) => html.indexOf(m));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The log-scale note is generated from the decades drawn.
    expect(html).toContain('Log scale: each gridline is ten times the one below, from 100 bn tokens to 100 tn tokens.');
    expect(html).toMatch(/<figure class="chart__figure" id="chart-tokens-processed-per-day-on-volcano-engine"/);
  });

  it('offer downloads that stand alone: the SVG with title, subtitle, source and site; the CSV with unit, scale, period and source', () => {
    const { html } = chartBlock(article(), 'Tokens processed per day on Volcano Engine');
    const svgFile = /<a href="\/(charts\/chart-[0-9a-f]+\.svg)" download="[^"]+\.svg"/.exec(html)![1]!;
    const svg = readDist(svgFile);
    const texts = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const line of [
      'Tokens processed per day on Volcano Engine',
      'Tokens a day, log scale · May 2024 to Sep 2025',
      'AI Frontier · ai-frontier.example.com',
    ])
      expect(texts).toContain(line);
    expect(texts.some((t) => t!.startsWith('Source: Hello China Tech'))).toBe(true);
    const csvFile = /<a href="\/(charts\/chart-[0-9a-f]+\.csv)" download/.exec(html)![1]!;
    const [head, ...rows] = parseCsv(readDist(csvFile)).map((r) => r.cells);
    expect(head).toEqual([
      'label',
      'Tokens processed per day on Volcano Engine',
      'unit',
      'scale',
      'per',
      'period',
      'source',
    ]);
    expect(rows[0]!.slice(0, 6)).toEqual(['May 2024', '0.12', 'tokens', 'trillion', '', 'day']);
    expect(rows[0]![6]).toMatch(/^Hello China Tech.*\(https:\/\//);
  });

  it('offer a phone-width image that is drawn narrow (so its text shows at 11 px or more on a 320 px screen)', () => {
    const { html } = chartBlock(article(), 'Price per 1,000 tokens, before and after the May 2024 cut');
    const media = PAGE_LAYOUTS.find((l) => l.layout === 'narrow')!.media;
    const [, file, view] = new RegExp(
      `<source srcset="/charts/(chart-[0-9a-f]+\\.svg)#(\\w+)" media="${media.replace(/[()]/g, '\\$&')}"`,
    ).exec(html)!;
    const svg = readFileSync(join(testDist, 'charts', file!), 'utf8');
    // Drawn LAYOUTS.narrow.width (330) CSS px wide with 13 px text, shown at least 320 − 40 = 280 px wide on a
    // phone → 13 × 280 / 330 ≈ 11 px text (tests/e2e/chart-reading.test.ts sweeps every width).
    const { width: w } = LAYOUTS.narrow;
    const at = new RegExp(`<view id="${view}" viewBox="([\\d.]+) 0 ${w} (\\d+)"/>`).exec(svg);
    expect(at).not.toBeNull();
    expect(svg).toContain(`<svg x="${at![1]}" width="${w}" height="${at![2]}" viewBox="0 0 ${w} ${at![2]}"`);
  });

  it('never show a registry id to readers, on pages, in feeds or in the email: formulas are written in words with values', () => {
    const page = readDist('articles/bytedance-200-billion-ai-bet/index.html');
    expect(visibleText(page)).toMatch(/Calculated as ¥200 bn ÷ 365/);
    expect(page.match(/<h2[^>]*>Sources<\/h2>/g)).toHaveLength(1);
    const ids = Object.keys(
      (JSON.parse(readFileSync(join(projectRoot, 'src/generated/figures.json'), 'utf8')) as { figures: object })
        .figures,
    );
    const outputs = [
      'articles/bytedance-200-billion-ai-bet/index.html',
      'articles/tokens-versus-revenue/index.html',
      'figures/index.html',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'figures/feed.xml',
      ...['bytedance-200-billion-ai-bet', 'tokens-versus-revenue'].flatMap((slug) => [
        `newsletter/${slug}.html`,
        `newsletter/${slug}.txt`,
      ]),
    ];
    for (const file of outputs) {
      const text = visibleText(readDist(file));
      const shown = ids.filter((id) => new RegExp(`(^|[^\\w./#-])${id.replace(/\./g, '\\.')}(?![\\w.-])`).test(text));
      expect(shown, file).toEqual([]);
    }
  });
});

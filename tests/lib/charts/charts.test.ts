import { parseFont } from '../../../src/lib/fonts/ttf-subset.ts';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage, GlobalFonts } from '@napi-rs/canvas';
import { drawnTexts } from '../../helpers/chart-text.ts';
import { resolveChart, type FigureLookup, registryLookup } from '../../../src/lib/charts/spec.ts';
import {
  attachFormatters,
  toChartConfig,
  chartSize,
  LAYOUTS,
  narrowChart,
  subscriberChart,
  NARROW_WIDTH,
  wrapLabel,
} from '../../../src/lib/charts/config.ts';
import {
  CARD_BORDER,
  CARD_EDGE,
  PIXEL_RATIO,
  pngPixels,
  renderChartSvg,
} from '../../../src/lib/charts/render-static.ts';
import { chartDataFiles, chartTable, describeChart } from '../../../src/lib/charts/describe.ts';
import { parseCsv } from '../../../src/lib/figures/csv.ts';
import { chartImages, chartPng, renderStats } from '../../../src/lib/build/chart-cache.ts';
import { contrast, THEMES } from '../../../src/lib/charts/palette.ts';
import { registerChartFonts } from '../../../src/lib/fonts/chart-fonts.ts';
import type { Figure, Series } from '../../../src/lib/figures/types.ts';
import { figureFixture, fixtureSource, seriesFixture } from './registry-entries.ts';
import { unwoff2 } from '../../helpers/woff.ts';

const src = fixtureSource('https://example.org/');
const fig = (
  id: string,
  label: string,
  value: number,
  unit: Figure['unit'] = 'CNY',
  scale: Figure['scale'] = 'billion',
): Figure => figureFixture(id, value, { label, unit, scale, asOf: '2026', source: src });
const figures: Record<string, Figure> = {
  'c.chips': fig('c.chips', 'chips', 85),
  'c.dc': fig('c.dc', 'data centres', 75),
  'c.talent': fig('c.talent', 'models and talent', 40),
  's.volcano': fig('s.volcano', 'Volcano Engine', 49.2, 'percent', 'one'),
};
const series: Record<string, Series> = {
  tokens: seriesFixture('tokens', { label: 'Daily tokens', unit: 'tokens', scale: 'trillion', source: src }),
};
const lookup: FigureLookup = registryLookup({ figures, series });
const place = { file: 'content/articles/x.mdx', line: 12 };
/** The words around a chart in its SVG file. */
const FRAME = {
  title: '2026 split',
  subtitle: 'Yuan · 2026',
  source: 'Publisher, A piece, Mar 2026',
  site: 'AI Frontier · ai-frontier.example.com',
};
const capex = () =>
  resolveChart({ type: 'bar', title: '2026 split', figures: ['c.chips', 'c.dc', 'c.talent'] }, lookup, place);

describe('spec → chart', () => {
  it('reads figures into one dataset with their unit and sources', () => {
    const c = capex();
    expect(c.labels).toEqual(['chips', 'data centres', 'models and talent']);
    expect(c.datasets).toEqual([{ label: '2026 split', values: [85, 75, 40] }]);
    expect(c.format).toMatchObject({ unit: 'CNY', scale: 'billion' });
    expect(c.sources).toEqual([src]);
  });

  it('writes the text alternative and the table from the data', () => {
    expect(describeChart(capex())).toBe(
      'Bar chart, 2026 split: chips ¥85 bn, data centres ¥75 bn, models and talent ¥40 bn.',
    );
    const line = resolveChart({ type: 'line', title: 'Tokens', series: 'tokens', logScale: true }, lookup, place);
    expect(describeChart(line)).toBe(
      'Line chart, log scale: Daily tokens from 120 bn tokens (May 2024) to 30 tn tokens (Sep 2025).',
    );
    expect(chartTable(capex()).rows).toEqual([
      ['chips', '¥85 billion'],
      ['data centres', '¥75 billion'],
      ['models and talent', '¥40 billion'],
    ]);
  });

  it('makes a JSON-only chart.js config with formatters attached on demand', () => {
    const config = toChartConfig(
      resolveChart(
        { type: 'bar', title: 'H', horizontal: true, stacked: true, figures: ['c.chips', 'c.dc'] },
        lookup,
        place,
      ),
      'dark',
    );
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(config.options).toMatchObject({ indexAxis: 'y', animation: false });
    expect((config.options.scales as Record<string, { stacked: boolean }>).x!.stacked).toBe(true);
    const withFormat = attachFormatters(structuredClone(config));
    const tick = (withFormat.options.scales as Record<string, { ticks: { callback: (v: number) => string } }>).x!.ticks
      .callback;
    expect(tick(85)).toBe('¥85 bn');
    const log = attachFormatters(
      toChartConfig(
        resolveChart({ type: 'line', title: 'T', series: 'tokens', logScale: true }, lookup, place),
        'light',
      ),
    );
    const logTick = (log.options.scales as Record<string, { type: string; ticks: { callback: (v: number) => string } }>)
      .y!;
    expect(logTick.type).toBe('logarithmic');
    // The axis reaches below the smallest value (0.12 tn → 0.1), so no bar or point falls off it.
    expect((logTick as unknown as { min: number }).min).toBe(0.1);
    expect([logTick.ticks.callback(0.1), logTick.ticks.callback(10)]).toEqual(['100 bn tokens', '10 tn tokens']);
    expect(
      toChartConfig(resolveChart({ type: 'doughnut', title: 'D', figures: ['s.volcano'] }, lookup, place), 'light')
        .options.scales,
    ).toBeUndefined();
  });

  it('gives downloads that parse back to the chart data, each CSV row saying what its numbers are and where they come from', () => {
    const files = chartDataFiles(capex());
    expect(JSON.parse(files.json)).toMatchObject({
      labels: ['chips', 'data centres', 'models and talent'],
      datasets: [{ values: [85, 75, 40] }],
      unit: 'CNY',
      scale: 'billion',
    });
    const [head, ...rows] = parseCsv(files.csv).map((r) => r.cells);
    expect(head).toEqual(['label', '2026 split', 'unit', 'scale', 'per', 'period', 'source']);
    expect(rows.map((r) => [r[0], Number(r[1])])).toEqual([
      ['chips', 85],
      ['data centres', 75],
      ['models and talent', 40],
    ]);
    for (const r of rows) expect(r.slice(2)).toEqual(['CNY', 'billion', '', '', `Source (${src.url})`]);
  });

  it.each([
    ['unknown type', { type: 'radar', title: 'T', figures: ['c.chips'] }, 'has unknown type "radar"'],
    [
      'length mismatch',
      { type: 'bar', title: 'T', labels: ['a', 'b'], datasets: [{ label: 'x', values: [1] }] },
      'has 2 labels but 1 values',
    ],
    [
      'non-finite value',
      { type: 'bar', title: 'T', labels: ['a'], datasets: [{ label: 'x', values: [Number.NaN] }] },
      'not a finite number',
    ],
    ['unknown figure', { type: 'bar', title: 'T', figures: ['c.chip'] }, 'uses unknown figure "c.chip"'],
    ['mixed units', { type: 'bar', title: 'T', figures: ['c.chips', 's.volcano'] }, 'mixes units'],
    [
      'log of zero',
      { type: 'line', title: 'T', logScale: true, labels: ['a'], datasets: [{ label: 'x', values: [0] }] },
      'log scale with values at or below zero',
    ],
  ])('rejects %s, naming the article and the chart', (_n, spec, message) => {
    expect(() => resolveChart(spec as never, lookup, place)).toThrow(message);
    try {
      resolveChart(spec, lookup, place);
    } catch (e) {
      expect((e as Error).message).toMatch(/^content\/articles\/x\.mdx:12 \(<Chart title="T">\): Chart "T" /);
    }
  });
});

describe('palette', () => {
  it('keeps every series colour at 3:1 against the page and text at 4.5:1, in both themes', () => {
    for (const t of Object.values(THEMES)) {
      for (const c of t.series) expect(contrast(c, t.background), c).toBeGreaterThanOrEqual(3);
      expect(contrast(t.text, t.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(t.muted, t.background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('static images', () => {
  /** Pixel variance of a PNG: a blank image has none. */
  const variance = async (file: string) => {
    const img = await loadImage(file);
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let sum = 0;
    let sq = 0;
    let n = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const v = data[i]! + data[i + 1]! + data[i + 2]!;
      sum += v;
      sq += v * v;
      n++;
    }
    return { width: img.width, height: img.height, variance: sq / n - (sum / n) ** 2 };
  };

  it('draws one SVG serving both themes and both layouts, text in the embedded font, and nothing the second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-charts-'));
    // A narrow drawing in the chart's phone layout is made too, in the same file.
    const split = () => resolveChart({ type: 'bar', title: '2026 split', figures: ['c.chips', 'c.dc'] }, lookup, place);
    const before = renderStats.rendered;
    const first = chartImages(split(), dir, FRAME);
    await first.done;
    expect(renderStats.rendered - before).toBe(1);
    expect(first.cached).toBe(false);
    expect(first.narrow.width).toBe(NARROW_WIDTH);
    expect({ width: first.narrow.width, height: first.narrow.height }).toEqual(chartSize(narrowChart(split())));
    expect(first.narrow.file).toBe(`${first.svg.file}#narrow`);
    const file = readFileSync(join(dir, first.svg.file), 'utf8');
    // Pages show the wide layout by the view #wide and the phone layout by #narrow, drawn beside it at its own size.
    expect(first.wide.file).toBe(`${first.svg.file}#wide`);
    expect(file).toContain(`<view id="wide" viewBox="0 0 ${first.wide.width} ${first.wide.height}"/>`);
    // Opened on its own (the download), the file shows the wide drawing with its title and subtitle above it
    // (at negative y) and its source and site below it, so it stands alone.
    const root = /^<svg [^>]*width="(\d+)" height="(\d+)" viewBox="0 (-\d+) (\d+) (\d+)"/.exec(file)!;
    const [width, height, top] = [Number(root[1]), Number(root[2]), -Number(root[3])];
    expect(width).toBe(first.wide.width);
    expect(height).toBeGreaterThan(first.wide.height + top + 20);
    const frameText = (text: string) =>
      new RegExp(
        `<text class="f[tm]" fill="#[0-9a-f]{6}" x="16" y="(-?[\\d.]+)" font-size="(\\d+)"[^>]*>${text}</text>`,
      ).exec(file);
    const title = frameText('2026 split')!;
    expect(Number(title[1])).toBeLessThan(0);
    expect(title[0]).toContain('font-weight="700"');
    expect(Number(frameText('Yuan · 2026')![1])).toBeLessThan(0);
    expect(Number(frameText('Source: Publisher, A piece, Mar 2026')![1])).toBeGreaterThan(first.wide.height);
    expect(Number(frameText('AI Frontier · ai-frontier.example.com')![1])).toBeGreaterThan(first.wide.height);
    expect(Number(frameText('AI Frontier · ai-frontier.example.com')![1])).toBeLessThan(height - top);
    const view = new RegExp(
      `<view id="narrow" viewBox="([\\d.]+) 0 ${first.narrow.width} ${first.narrow.height}"/>`,
    ).exec(file);
    expect(Number(view?.[1])).toBeGreaterThan(first.svg.width);
    const nestedAt = file.indexOf(
      `<svg x="${view?.[1]}" width="${first.narrow.width}" height="${first.narrow.height}"`,
    );
    expect(nestedAt).toBeGreaterThan(0);
    // One embedded font for both layouts.
    expect(file.match(/@font-face\{font-family:"AIF Sans";font-weight:100 599/g)).toHaveLength(1);
    const layouts = [file.slice(0, nestedAt), file.slice(nestedAt)];
    // The two layouts' dark-theme classes and clip ids differ, so neither restyles or clips the other.
    const names = (part: string, re: RegExp) => new Set([...part.matchAll(re)].map((m) => m[1]));
    for (const re of [/class="([^"]+)"/g, /\bid="([^"]+)"/g]) {
      const [a, b] = layouts.map((part) => names(part, re));
      expect([...a!].filter((n) => b!.has(n))).toEqual([]);
    }
    const faces = [
      ...file.matchAll(
        /@font-face\{font-family:"AIF Sans";font-weight:[^;]+;src:url\(data:font\/woff2;base64,([^)]+)\)\}/g,
      ),
    ];
    expect(faces.length).toBeGreaterThan(0);
    const embedded = await Promise.all(faces.map(async (f) => parseFont(await unwoff2(Buffer.from(f[1]!, 'base64')))));
    expect(file.length).toBeLessThan(60_000);
    for (const svg of layouts) {
      // Text stays text, in the shipped font cut down to the chart's characters and embedded, so it depends on no font of the reader's.
      const texts = [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)];
      expect(texts.map((t) => t[2]).join(' ')).toContain('data centres');
      // Axis numbers too (the canvas's own SVG text export lost digits after a currency sign).
      expect(texts.some((t) => /\d/.test(t[2]!))).toBe(true);
      // The family is named once per layout, on the element the text inherits it from, and by no text element.
      expect(svg).toMatch(/^<svg [^>]*font-family="AIF Sans"/);
      for (const t of texts) expect(t[1]).not.toContain('font-family');
      for (const t of texts)
        for (const c of t[2]!)
          if (c.trim())
            expect(
              embedded.some((f) => f.glyphOf(c.codePointAt(0)!) !== 0),
              c,
            ).toBe(true);
      // Drawn once: an SVG canvas keeps every stroke, so a second draw would repeat each path.
      const paths = [...svg.matchAll(/<path\b[^>]*>/g)].map((p) => p[0]);
      expect(paths.length).toBeGreaterThan(2);
      expect(new Set(paths).size).toBe(paths.length);
      // Light colours in the drawing; the dark theme's replace them under prefers-color-scheme: dark.
      expect(svg).toContain(`fill="${THEMES.light.background}"`);
      expect(svg.toLowerCase()).toContain(THEMES.light.series[0]!.toLowerCase());
      const dark = [...svg.matchAll(/@media \(prefers-color-scheme:dark\)\{(.*?)\}<\/style>/g)]
        .map((m) => m[1])
        .join('');
      for (const c of [THEMES.dark.background, THEMES.dark.text, THEMES.dark.series[0]!])
        expect(dark, c).toContain(c.toLowerCase());
    }
    const again = chartImages(split(), dir, FRAME);
    await again.done;
    expect(again.cached).toBe(true);
    expect(renderStats.rendered - before).toBe(1);
    expect(readdirSync(dir).filter((f) => f !== '.digests')).toEqual([first.svg.file]);
    // Labels too long for columns at phone width: the narrow drawing turns the bars horizontal instead of dropping labels.
    const longSpec = resolveChart(
      {
        type: 'bar',
        title: 'Long',
        labels: ['A category label that is far too long to sit under a column on a phone', 'Short'],
        datasets: [{ label: 'x', values: [1, 2] }],
      },
      lookup,
      place,
    );
    const long = chartImages(longSpec, dir, FRAME);
    await long.done;
    expect(narrowChart(longSpec).horizontal).toBe(true);
    expect(readFileSync(join(dir, long.svg.file), 'utf8')).toContain('<view id="narrow"');
    // Changing one value changes the hash and draws again.
    figures['c.dc'] = fig('c.dc', 'data centres', 76);
    const changed = chartImages(split(), dir, FRAME);
    await changed.done;
    expect(changed.hash).not.toBe(first.hash);
    expect(renderStats.rendered - before).toBe(3);
    figures['c.dc'] = fig('c.dc', 'data centres', 75);
    // Starting the worker pool (chart.js and the font in each worker) is slow on a busy machine.
  }, 30_000);

  it('lays the phone drawing out for its width: short labels stay columns, long ones wrap or turn the bars horizontal', () => {
    const bar = (labels: string[], horizontal = false) =>
      resolveChart(
        {
          type: 'bar',
          title: 'T',
          horizontal,
          labels,
          datasets: [{ label: 'x', values: labels.map((_, i) => i + 1) }],
        },
        lookup,
        place,
      );
    expect(narrowChart(bar(['2024', '2025', '2026']))).toMatchObject({ layout: 'narrow', horizontal: false });
    expect(narrowChart(bar(['Industry average before', 'Doubao (豆包) after']))).toMatchObject({
      layout: 'narrow',
      horizontal: false,
    });
    expect(
      narrowChart(
        bar(['Chips from domestic and foreign suppliers', 'Data centres in China and abroad', 'Models and talent']),
      ),
    ).toMatchObject({ horizontal: true });
    expect(chartSize(narrowChart(bar(['Chips', 'Data centres', 'Models and talent'], true))).width).toBe(NARROW_WIDTH);
    // Labels never rotate: the category axis wraps them.
    const config = toChartConfig(narrowChart(bar(['Industry average before', 'Doubao (豆包) after'])), 'light');
    expect((config.options.scales as Record<string, { ticks: { maxRotation: number } }>).x!.ticks.maxRotation).toBe(0);
    expect(config.aif.wrap).toBeGreaterThan(5);
  });

  it('gives each horizontal bar room for its label’s lines, so long labels never run into the next one', () => {
    const labels = [
      'US dollars per yuan, implied by the reported quarter of the cloud division (RMB 33.4 bn = $4.6 bn)',
      // chart.js pads the axis by half the first label and half the last, out of the bands: two long labels
      // alone ran into each other.
      'Growth in daily token volume on Volcano Engine from May 2024 to September 2025, as the company reported it',
    ];
    const chart = resolveChart(
      { type: 'bar', title: 'T', horizontal: true, labels, datasets: [{ label: 'x', values: [1, 250] }] },
      lookup,
      place,
    );
    const layout = (c: typeof chart) => ({
      configs: { light: toChartConfig(c, 'light'), dark: toChartConfig(c, 'dark') },
      size: chartSize(c),
    });
    const [wide, narrow] = [chart, narrowChart(chart)];
    const file = renderChartSvg({ wide: layout(wide), narrow: layout(narrow) }, FRAME);
    const nestedAt = file.indexOf('<svg x=');
    for (const [c, part] of [
      [wide, file.slice(0, nestedAt)],
      [narrow, file.slice(nestedAt)],
    ] as const) {
      const wrap = toChartConfig(c, 'light').aif.wrap!;
      const texts = [...part.matchAll(/<text\b[^>]*\by="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
        y: Number(m[1]),
        text: m[2]!.replace(/&#39;/g, "'"),
      }));
      // Where each label's first and last lines are drawn (baselines), in label order.
      const spans = labels.map((l) => {
        const lines = wrapLabel(l, wrap).map((line) => texts.find((t) => t.text === line)!.y);
        return [Math.min(...lines), Math.max(...lines)] as const;
      });
      expect(wrapLabel(labels[0]!, wrap).length).toBeGreaterThan(3);
      const lineHeight = LAYOUTS[c.layout ?? 'wide'].fontSize * 1.2;
      for (let i = 1; i < spans.length; i++)
        expect(
          spans[i]![0] - spans[i - 1]![1],
          `${c.layout ?? 'wide'}: label ${i} after label ${i - 1}`,
        ).toBeGreaterThanOrEqual(lineHeight);
    }
  });

  it('keeps every value label beside horizontal bars inside the drawing, in every layout', () => {
    const chart = { ...capex(), horizontal: true };
    for (const c of [chart, narrowChart(chart), subscriberChart(chart)]) {
      const size = chartSize(c);
      // Value labels are drawn left-aligned at the bar's end (axis ticks are centred on their gridline).
      const drawn = drawnTexts(c)
        .filter((d) => d.align === 'left')
        .map((d) => ({ text: d.text, right: d.x + d.width }));
      const layout = c.layout ?? 'wide';
      expect(
        drawn.map((d) => d.text),
        layout,
      ).toEqual(['¥85 bn', '¥75 bn', '¥40 bn']);
      for (const d of drawn)
        expect(d.right, `${layout}: "${d.text}" ends inside the drawing's padding`).toBeLessThanOrEqual(
          size.width - LAYOUTS[layout].pad,
        );
    }
  });

  it('draws the subscriber drawing as a PNG for feeds and email only when asked, on a framed card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-charts-png-'));
    const png = chartPng(capex(), dir);
    await png.done;
    expect(readdirSync(dir).filter((f) => f !== '.digests')).toEqual([png.file]);
    // The subscriber layout, not the page's wide drawing.
    expect({ width: png.width, height: png.height }).toEqual(chartSize(subscriberChart(capex())));
    expect(png.width).toBe(LAYOUTS.subscriber.width);
    const image = await variance(join(dir, png.file));
    expect({ width: image.width, height: image.height }).toEqual(pngPixels(png));
    expect(image.width).toBe(png.width * PIXEL_RATIO);
    expect(image.variance, 'PNG is not blank').toBeGreaterThan(500);
    // A palette PNG (colour type 3): about a third of the full-colour file.
    expect(readFileSync(join(dir, png.file))[25]).toBe(3);
    // The card: its border at every edge, the page colour just inside it.
    const img = await loadImage(readFileSync(join(dir, png.file)));
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const hex = (x: number, y: number) =>
      `#${[...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const edge = CARD_EDGE;
    const [w, h] = [img.width, img.height];
    for (const [x, y] of [
      [0, 0],
      [w - 1, h - 1],
      [w / 2, 0],
      [0, h / 2],
      [w - 1, h / 2],
      [w / 2, h - 1],
    ] as const)
      expect(hex(x, y), `border at ${x},${y}`).toBe(CARD_BORDER.toLowerCase());
    for (const [x, y] of [
      [edge + 1, edge + 1],
      [w - edge - 2, h - edge - 2],
    ] as const)
      expect(hex(x, y), `inside at ${x},${y}`).toBe(THEMES.light.background);
  }, 30_000);

  it('draws Chinese labels with real glyphs, not the missing-glyph box', () => {
    registerChartFonts();
    expect(GlobalFonts.families.some((f) => f.family === 'AIF Sans')).toBe(true);
    const canvas = createCanvas(400, 60);
    const ctx = canvas.getContext('2d');
    ctx.font = '24px "AIF Sans"';
    // Distinct characters get distinct widths/shapes; a font without them draws identical boxes.
    const render = (text: string) => {
      ctx.clearRect(0, 0, 400, 60);
      ctx.fillText(text, 0, 40);
      return Buffer.from(ctx.getImageData(0, 0, 400, 60).data).toString('base64');
    };
    expect(render('豆包')).not.toBe(render('火山'));
    expect(ctx.measureText('火山引擎').width).toBeGreaterThan(80);
  });
});

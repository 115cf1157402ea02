import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import { testSite } from '../sites/sites.ts';
import { FORMULAS, HOSTILE_AUTHOR, HOSTILE_TAG, HOSTILE_TITLE } from '../sites/hostile.ts';
import { textContent, walkElements } from '../../src/lib/html/dom.ts';
import { unsafeMarkup } from '../helpers/html-safety.ts';
import { curlyQuotes } from '../../src/lib/site/typography.ts';
import { parseCsv } from '../../src/lib/figures/csv.ts';

describe('hostile text in frontmatter', () => {
  // The editions test site holds the hostile article and figures (tests/sites/hostile.ts), its edition kept.
  const dir = testSite('editions').project;

  const read = (p: string) => readFileSync(join(dir, 'dist', p), 'utf8');

  it('renders as text on the article page: no element, attribute or script comes from the content', () => {
    const html = read('articles/hostile/index.html');
    const scripts: string[] = [];
    const handlers: string[] = [];
    let h1 = '';
    // Parse as a browser would (parse5 follows the HTML standard).
    walkElements(parse(html), (el) => {
      if (el.tagName === 'script')
        scripts.push(
          el.attrs.find((a) => a.name === 'type')?.value ??
            `classic ${el.attrs.find((a) => a.name === 'src')?.value ?? 'inline'}`,
        );
      for (const { name } of el.attrs) if (/^on/i.test(name)) handlers.push(`${el.tagName}[${name}]`);
      if (el.tagName === 'h1') h1 = textContent(el);
      if (el.tagName === 'b') throw new Error('a <b> element came from the content');
      // The only images are our chart's own static renderings.
      if (
        el.tagName === 'img' &&
        !/^\/charts\/chart-[0-9a-f]+\.svg#wide$/.test(el.attrs.find((a) => a.name === 'src')?.value ?? '')
      )
        throw new Error('an <img> came from the content');
    });
    // Of these kinds only (the page has two charts, each with its data block).
    expect([...new Set(scripts)].sort()).toEqual([
      'application/json',
      'application/ld+json',
      'classic /site.js',
      'module',
    ]);
    expect(handlers).toEqual([]);
    // The page shows the title typeset (typographer's quotes, like the body); JSON-LD and feeds carry it as written.
    expect(h1).toBe(curlyQuotes(HOSTILE_TITLE));
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(ld.headline).toBe(HOSTILE_TITLE);
  });

  it.each(['rss.xml', 'atom.xml'])('%s stays well-formed and reads back the exact title', (file) => {
    const xml = read(file);
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parseFeed(xml).items.find((i) => i.url?.endsWith('/articles/hostile/'));
    expect(item?.title).toBe(HOSTILE_TITLE);
    // A strict XML parser reads author and content back exactly (lenient feed parsers decode entities once more).
    const doc = new XMLParser({ ignoreAttributes: false, htmlEntities: true, parseTagValue: false }).parse(xml) as {
      rss?: { channel: { item: Array<Record<string, unknown>> } };
      feed?: { entry: Array<Record<string, unknown>> };
    };
    expect(JSON.stringify(doc)).toContain(JSON.stringify(HOSTILE_AUTHOR));
    // The item's HTML as a strict XML parser reads it (escaped text or CDATA alike).
    const entries = doc.rss ? doc.rss.channel.item : doc.feed!.entry;
    const entry = entries.find((e) => JSON.stringify(e).includes('/articles/hostile/'))!;
    const content = doc.rss ? entry['content:encoded'] : entry.content;
    const html = String(typeof content === 'object' && content ? (content as { '#text': string })['#text'] : content);
    expect(html).toContain('Body with');
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html).toContain('&lt;/script&gt;');
  });

  it('keeps hostile figure labels, notes, sources and chart labels as text on /figures/ and in chart data', () => {
    const figures = read('figures/index.html');
    const doc = parse(figures);
    const texts: string[] = [];
    walkElements(doc, (el) => {
      const siteScript = el.tagName === 'script' && el.attrs.some((a) => a.name === 'src' && a.value === '/site.js');
      if ((el.tagName === 'script' && !siteScript) || el.tagName === 'b' || el.tagName === 'img')
        throw new Error(`<${el.tagName}> on /figures/`);
      if (el.tagName === 'span' && el.attrs.some((a) => a.value === 'figure-entry__label')) texts.push(textContent(el));
    });
    expect(texts).toContain(HOSTILE_TITLE);
    const article = read('articles/hostile/index.html');
    const config = /<script type="application\/json" data-chart-config>([\s\S]*?)<\/script>/.exec(article)![1]!;
    expect(config).not.toMatch(/<\/script/i);
    expect(JSON.parse(config).drawing.labels[0]).toBe(HOSTILE_TITLE);
  });

  it('writes no cell a spreadsheet would run as a formula in /figures.csv or the chart CSVs, and negative numbers stay numbers', () => {
    const article = read('articles/hostile/index.html');
    const csvs = [
      'figures.csv',
      ...[...article.matchAll(/href="\/(charts\/chart-[0-9a-f]+\.csv)"/g)].map((m) => m[1]!),
    ];
    expect(csvs.length).toBe(3);
    const cells = csvs.flatMap((file) => parseCsv(read(file)).flatMap((r) => r.cells.map((cell) => ({ file, cell }))));
    const live = cells.filter(({ cell }) => /^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell)));
    expect(live).toEqual([]);
    // Each hostile text is there, as text: led by a single quote.
    for (const f of FORMULAS) expect(cells.map((c) => c.cell)).toContain(`'${f}`);
    // The value -5 (a figure's, a chart's) is written as a number a spreadsheet can add up.
    expect(parseCsv(read('figures.csv')).find((r) => r.cells[0] === 'hostile.formula')!.cells[2]).toBe('-5');
    expect(cells.some(({ file, cell }) => file.startsWith('charts/') && cell === '-5')).toBe(true);
  });

  it('keeps the newsletter edition and the social image safe', () => {
    const email = read('newsletter/hostile.html');
    // The edition's one <style> block (dark palette, phone spacing) is built from constants; tests/build/email.test.ts pins its content.
    expect(unsafeMarkup(email, ['script', 'canvas', 'link', 'iframe', 'object', 'embed'])).toEqual([]);
    expect(email.match(/<style\b/g)).toHaveLength(1);
    expect(email).toContain('&lt;/script&gt;');
    const card = readdirSync(join(dir, 'dist/og')).find((f) => /^hostile\.[0-9a-f]{16}\.png$/.test(f));
    expect(card, 'dist/og/hostile.<hash>.png').toBeDefined();
    const png = readFileSync(join(dir, 'dist/og', card!));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('feed.json parses and keeps the strings as data', () => {
    const item = JSON.parse(read('feed.json')).items.find((i: { url: string }) => i.url.endsWith('/articles/hostile/'));
    expect(item.title).toBe(HOSTILE_TITLE);
    expect(item.tags).toEqual([HOSTILE_TAG]);
    expect(item.authors).toEqual([{ name: HOSTILE_AUTHOR }]);
    expect(unsafeMarkup(item.content_html)).toEqual([]);
  });
});

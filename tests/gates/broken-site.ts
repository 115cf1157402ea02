/**
 * tests/fixtures/broken-site, a tiny hand-written dist with one of every mistake each gate must trip on, made
 * whole in a fresh folder: the heavy files (a fat chart chunk behind a dynamic import, a fattened stylesheet, a
 * long article) are generated from a seeded PRNG, so no large file sits in git and every run is identical, and
 * the feeds with dead URLs are written here too. Read by tests/gates/broken-site.test.ts (links, budgets) and
 * tests/gates/html.test.ts (the HTML checker).
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../helpers/project.ts';

/** The site address the broken site's feeds use. */
export const BROKEN_SITE_URL = 'https://ai-frontier.example.com';

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` pseudo-random base-36 words: about 0.65 gzip bytes per character, so sizes are predictable. */
function words(rand: () => number, count: number): string[] {
  return Array.from({ length: count }, () => Math.floor(rand() * 36 ** 6).toString(36));
}

/** A new copy of the broken site; returns its folder. */
export function makeBrokenSite(): string {
  const broken = mkdtempSync(join(tmpdir(), 'aif-broken-'));
  cpSync(join(projectRoot, 'tests/fixtures/broken-site'), broken, { recursive: true });
  const rand = prng(42);
  mkdirSync(join(broken, '_astro'), { recursive: true });
  // ~100 KB gzip behind the chart page's dynamic import (budget 61 KB).
  writeFileSync(
    join(broken, '_astro/chart-fat.js'),
    `export const noise = ${JSON.stringify(words(rand, 25_000))};\nexport function draw() {}\n`,
  );
  writeFileSync(join(broken, '_astro/fat.js'), `export const noise = ${JSON.stringify(words(rand, 500))};\n`);
  // The fixture's stylesheet, fattened to ~25 KB gzip (budget 15 KB).
  appendFileSync(
    join(broken, '_astro/site.css'),
    words(rand, 5_000)
      .map((w) => `.c-${w}{margin:${w.length}px}`)
      .join('\n'),
  );
  // ~65 KB gzip article (budget 50 KB), valid HTML so that only the intended errors show.
  mkdirSync(join(broken, 'articles/long'), { recursive: true });
  const paragraphs = Array.from({ length: 200 }, () => `<p>${words(rand, 80).join(' ')}</p>`).join('\n');
  writeFileSync(
    join(broken, 'articles/long/index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body><main><h1>Long</h1>\n${paragraphs}\n</main></body></html>\n`,
  );
  // Feeds with dead absolute URLs, written here rather than kept in the fixture folder.
  writeFileSync(
    join(broken, 'rss.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Broken fixture</title><link>${BROKEN_SITE_URL}/</link><description>A dead item, and a dead image in its escaped HTML</description>
<item><title>Gone</title><link>${BROKEN_SITE_URL}/articles/gone/</link><description>&lt;p&gt;&lt;a href="${BROKEN_SITE_URL}/articles/a/#top"&gt;Fine&lt;/a&gt; &lt;img src="${BROKEN_SITE_URL}/missing.png" alt=""&gt;&lt;/p&gt;</description></item>
</channel></rss>
`,
  );
  writeFileSync(
    join(broken, 'feed.json'),
    JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Broken fixture',
        home_page_url: `${BROKEN_SITE_URL}/`,
        feed_url: `${BROKEN_SITE_URL}/feed.json`,
        items: [
          {
            id: 'a',
            url: `${BROKEN_SITE_URL}/articles/a/#nowhere-either`,
            content_html: `<p><a href="${BROKEN_SITE_URL}/articles/a/">Fine</a></p>`,
          },
        ],
      },
      null,
      2,
    ),
  );
  return broken;
}

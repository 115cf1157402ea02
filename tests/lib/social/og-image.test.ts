import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { renderSocialCard, socialCardHash, startSocialCard, wrapText } from '../../../src/lib/social/og-image.ts';
import { cardCacheFile, socialCardsIn } from '../../../src/lib/social/card-files.ts';
import { registerChartFonts } from '../../../src/lib/charts/fonts.ts';

describe('social cards', () => {
  it('wraps words, and CJK by character, within the width', () => {
    registerChartFonts();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = '40px "AIF Sans"';
    const lines = wrapText(ctx, 'Tokens or revenue: two scoreboards for China’s AI cloud 火山引擎和阿里云的比赛', 400);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(ctx.measureText(l).width).toBeLessThanOrEqual(400);
    expect(lines.join(' ').replace(/\s+/g, '')).toBe(
      'Tokens or revenue: two scoreboards for China’s AI cloud 火山引擎和阿里云的比赛'.replace(/\s+/g, ''),
    );
  });

  it('draws a 1200×630 PNG even for a very long or hostile title, and caches it', async () => {
    const card = {
      kicker: 'AI Frontier · Issue 9',
      title: '</script><script>alert(1)</script> '.repeat(12),
      figure: '¥200 bn',
      figureLabel: 'A label',
      footer: 'x',
    };
    const png = await renderSocialCard(card);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const dir = mkdtempSync(join(tmpdir(), 'aif-og-'));
    await startSocialCard(card, dir).done;
    const file = cardCacheFile(socialCardHash(card), dir);
    const first = readFileSync(file);
    expect(first.equals(png)).toBe(true);
    // Named again (its page and the feeds all name it): nothing is drawn or written again.
    const mtime = statSync(file).mtimeMs;
    await startSocialCard(card, dir).done;
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual([basename(file)]);
  });

  it('names a card by a hash of everything drawn on it, so a changed card gets a new URL', () => {
    const card = {
      kicker: 'AI Frontier · Issue 1',
      title: 'A title',
      figure: '¥200 bn',
      figureLabel: 'capex',
      footer: '2 March 2026 · ai-frontier.example.com',
    };
    expect(socialCardHash(card)).toMatch(/^[0-9a-f]{16}$/);
    expect(socialCardHash({ ...card })).toBe(socialCardHash(card));
    for (const change of [
      { title: 'Another title' },
      { figure: '¥201 bn' },
      { footer: '2 March 2026 · frontier-column.org' },
      { kicker: 'AI Frontier · Issue 2' },
    ]) {
      expect(socialCardHash({ ...card, ...change }), JSON.stringify(change)).not.toBe(socialCardHash(card));
    }
  });

  it('finds the cards a page or feed names, once each, with their hashes', () => {
    const html =
      '<meta property="og:image" content="https://x.example/og/synthetic-1.0123456789abcdef.png">' +
      '<link href="/og/site.fedcba9876543210.png"><img src="/og/synthetic-1.0123456789abcdef.png">' +
      '<a href="/og/not-a-card.png"></a><a href="/charts/chart-0123456789abcdef.csv"></a>';
    expect(socialCardsIn(html)).toEqual([
      { name: 'synthetic-1.0123456789abcdef.png', hash: '0123456789abcdef' },
      { name: 'site.fedcba9876543210.png', hash: 'fedcba9876543210' },
    ]);
  });
});

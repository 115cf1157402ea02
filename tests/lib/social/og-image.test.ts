import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { socialCardHash, wrapText } from '../../../src/lib/social/og-image.ts';
import { socialCardsIn } from '../../../src/lib/social/card-files.ts';
import { registerChartFonts } from '../../../src/lib/fonts/chart-fonts.ts';

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

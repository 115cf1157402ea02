import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { renderSocialCard, socialCardHash, socialCardPng, wrapText } from '../../../src/lib/social/og-image.ts';
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
    const first = await socialCardPng(card, dir);
    const second = await socialCardPng(card, dir);
    expect(second.equals(first)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
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
});

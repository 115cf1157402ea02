import { describe, expect, it } from 'vitest';
import { createCanvas, SvgExportFlag } from '@napi-rs/canvas';
import { captureText } from '../../../src/lib/charts/render-static.ts';
import { registerChartFonts } from '../../../src/lib/fonts/chart-fonts.ts';

function canvas() {
  registerChartFonts();
  const ctx = createCanvas(300, 200, SvgExportFlag.NoPrettyXML).getContext('2d');
  ctx.font = '13px "AIF Sans"';
  ctx.fillStyle = '#1B1B1D';
  return { ctx, texts: captureText(ctx) };
}

describe('chart text as SVG <text>', () => {
  it('keeps every character, escaped, with the fill colour and size, once per place', () => {
    const { ctx, texts } = canvas();
    ctx.fillText('¥0.12/1,000 <&> 豆包', 10, 20);
    ctx.fillText('¥0.12/1,000 <&> 豆包', 10, 20);
    ctx.fillText('  ', 10, 40);
    expect([...texts]).toEqual([
      '<text fill="#1b1b1d" x="10" y="20" font-size="13" font-family="AIF Sans">¥0.12/1,000 &lt;&amp;&gt; 豆包</text>',
    ]);
  });

  it('carries anchor, weight, opacity and the canvas transform', () => {
    const { ctx, texts } = canvas();
    ctx.font = 'bold 12px "AIF Sans"';
    ctx.textAlign = 'center';
    ctx.fillStyle = 'rgba(85, 86, 92, 0.5)';
    ctx.translate(50, 60);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('Sep 2025', 0, 0);
    const [t] = [...texts];
    expect(t).toContain('fill="#55565c" fill-opacity="0.5"');
    expect(t).toContain('font-weight="700"');
    expect(t).toContain('text-anchor="middle"');
    expect(t).toMatch(/transform="matrix\([-\d.e]+ -1 1 [-\d.e]+ 50 60\)"/);
  });

  it('moves the baseline as the canvas does for top and middle', () => {
    const { ctx, texts } = canvas();
    ctx.fillText('Ay', 0, 50);
    ctx.textBaseline = 'middle';
    ctx.fillText('Ay', 100, 50);
    ctx.textBaseline = 'top';
    ctx.fillText('Ay', 200, 50);
    const ys = [...texts].map((t) => Number(/ y="([^"]+)"/.exec(t)![1]));
    expect(ys[0]).toBe(50);
    // Middle of the em box lies a few pixels above the alphabetic baseline; its top, about a font size.
    expect(ys[1]! - 50).toBeGreaterThan(2);
    expect(ys[1]! - 50).toBeLessThan(8);
    expect(ys[2]! - 50).toBeGreaterThan(ys[1]! - 50);
    expect(ys[2]! - 50).toBeLessThanOrEqual(14);
  });

  it('squeezes text wider than maxWidth, as the canvas would', () => {
    const { ctx, texts } = canvas();
    ctx.fillText('A category label far too long', 0, 20, 40);
    ctx.fillText('Short', 0, 40, 400);
    const [long, short] = [...texts];
    expect(long).toContain('textLength="40" lengthAdjust="spacingAndGlyphs"');
    expect(short).not.toContain('textLength');
  });
});

import { describe, expect, it } from 'vitest';
import { embedChartFont } from '../../../src/lib/fonts/svg-font.ts';
import { parseFont } from '../../../src/lib/fonts/ttf-subset.ts';
import { unwoff2 } from '../../helpers/woff.ts';

const faces = (svg: string) =>
  Promise.all(
    [
      ...svg.matchAll(
        /@font-face\{font-family:"AIF Sans";font-weight:([^;]+);src:url\(data:font\/woff2;base64,([^)]+)\)\}/g,
      ),
    ].map(async (m) => ({ weight: m[1], font: parseFont(await unwoff2(Buffer.from(m[2]!, 'base64'))) })),
  );
const has = (font: ReturnType<typeof parseFont>, text: string) =>
  [...text].every((c) => font.glyphOf(c.codePointAt(0)!) !== 0);

describe('embedChartFont', () => {
  it('embeds a regular and a bold face holding exactly the characters each weight draws', async () => {
    const svg = embedChartFont(
      '<svg xmlns="http://www.w3.org/2000/svg"><text fill="#000" x="1" y="2" font-size="13" font-family="AIF Sans">豆包 &amp; ¥0.12</text><text x="1" y="9" font-size="13" font-weight="700" font-family="Other">Bold</text></svg>',
    );
    const [regular, bold] = await faces(svg);
    expect(regular!.weight).toBe('100 599');
    expect(has(regular!.font, '豆包&¥0.12')).toBe(true);
    expect(has(regular!.font, 'B')).toBe(false);
    expect(bold!.weight).toBe('600 900');
    expect(has(bold!.font, 'Bold')).toBe(true);
    expect(has(bold!.font, '豆')).toBe(false);
    expect(svg).not.toContain('font-family="Other"');
    expect(svg.indexOf('<style>')).toBeLessThan(svg.indexOf('<text'));
  });

  it('leaves a drawing without text as it is', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L1 1"/></svg>';
    expect(embedChartFont(svg)).toBe(svg);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  BODY_FACES,
  BODY_FALLBACK_FAMILY,
  bodyFaceMetrics,
  bodyFontCss,
  bodyFontVariants,
  displayOf,
} from '../../../src/lib/fonts/body-font.ts';

const face = (weight: number, style: string) => BODY_FACES.find((f) => f.weight === weight && f.style === style)!;
const fontData = BODY_FACES.map((f) => ({
  src: [{ url: `/_astro/fonts/${f.weight}-${f.style}.woff2`, format: 'woff2' }],
  weight: String(f.weight),
  style: f.style,
}));

describe('the body font', () => {
  it('draws the first screen in the regular face only: it alone is preloaded, the others swap in', () => {
    expect(BODY_FACES.filter((f) => f.firstScreen).map((f) => `${f.weight} ${f.style}`)).toEqual(['400 normal']);
    expect(BODY_FACES.map(displayOf)).toEqual(BODY_FACES.map((f) => (f.firstScreen ? 'optional' : 'swap')));
  });

  it("gives Astro's fonts API one variant per face, with that face's file and display", () => {
    expect(bodyFontVariants()).toEqual(
      BODY_FACES.map((f) => ({ src: [f.file], weight: f.weight, style: f.style, display: displayOf(f) })),
    );
  });

  it("reads each face's metrics from its file: bold is wider on average, italic narrower, lines the same", async () => {
    const metrics = await bodyFaceMetrics();
    const [regular, bold, italic] = [face(400, 'normal'), face(700, 'normal'), face(400, 'italic')].map((f) =>
      metrics.get(f)!,
    );
    expect(bold!.xWidthAvg).toBeGreaterThan(regular!.xWidthAvg * 1.01);
    expect(italic!.xWidthAvg).toBeLessThan(regular!.xWidthAvg * 0.99);
    expect(bold!.ascent).toBeGreaterThan(0);
    expect([bold!.ascent, bold!.descent, bold!.unitsPerEm]).toEqual([
      regular!.ascent,
      regular!.descent,
      regular!.unitsPerEm,
    ]);
  });

  it('serves its faces and their fallbacks, cut from the regular file and scaled by the measured widths', async () => {
    const css = await bodyFontCss(fontData);
    const rules = css.split('\n');
    expect(
      rules.filter((r) => r.includes('font-family:"Source Serif 4"')).map((r) => /font-display:(\w+)/.exec(r)![1]),
    ).toEqual(BODY_FACES.map(displayOf));
    const fallbacks = rules.filter((r) => r.includes(`font-family:"${BODY_FALLBACK_FAMILY}"`));
    expect(fallbacks).toHaveLength(BODY_FACES.length);
    for (const rule of fallbacks) expect(rule).toContain('src:url("/_astro/fonts/400-normal.woff2")');
    const metrics = await bodyFaceMetrics();
    const ratio = metrics.get(face(700, 'normal'))!.xWidthAvg / metrics.get(face(400, 'normal'))!.xWidthAvg;
    const bold = fallbacks.find((r) => r.includes('font-weight:700'))!;
    expect(Number(/size-adjust:([\d.]+)%/.exec(bold)![1])).toBeCloseTo(ratio * 100, 1);
  });

  it('names a face it does not list, and where to add it', async () => {
    await expect(
      bodyFontCss([...fontData, { src: [{ url: '/x.woff2' }], weight: '900', style: 'normal' }]),
    ).rejects.toThrow(/900 normal face that src\/lib\/fonts\/body-font.ts does not list; add it to BODY_FACES/);
  });

  it('is named in the stylesheet right after the body font, so its faces stand in for the loading ones', () => {
    expect(readFileSync('src/styles/global.css', 'utf8')).toMatch(
      new RegExp(`--font-body: 'Source Serif 4', '${BODY_FALLBACK_FAMILY}',`),
    );
  });
});

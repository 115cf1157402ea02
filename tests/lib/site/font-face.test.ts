import { describe, expect, it } from 'vitest';
import {
  fallbackDescriptors,
  fallbackFaceCss,
  fontFaceCss,
  preloadUrl,
  type FaceMetrics,
} from '../../../src/lib/site/font-face.ts';

describe('font-face', () => {
  const faces = [
    { src: [{ url: '/_astro/fonts/i.woff2', format: 'woff2' }], weight: '400', style: 'italic' },
    { src: [{ url: '/_astro/fonts/r.woff2', format: 'woff2' }], weight: '400', style: 'normal' },
  ];
  it('writes @font-face rules, each with the font-display it is given', () => {
    expect(fontFaceCss('Source Serif 4', faces, (f) => (f.style === 'normal' ? 'optional' : 'swap'))).toBe(
      '@font-face{font-family:"Source Serif 4";src:url("/_astro/fonts/i.woff2") format("woff2");font-weight:400;font-style:italic;font-display:swap}\n' +
        '@font-face{font-family:"Source Serif 4";src:url("/_astro/fonts/r.woff2") format("woff2");font-weight:400;font-style:normal;font-display:optional}',
    );
  });
  it('preloads the regular upright face', () => {
    expect(preloadUrl(faces)).toBe('/_astro/fonts/r.woff2');
    expect(preloadUrl([])).toBeUndefined();
  });
});

describe('metric-matched fallback', () => {
  const regular: FaceMetrics = { unitsPerEm: 1000, ascent: 1000, descent: -300, lineGap: 0, xWidthAvg: 500 };
  // A face 10 % wider on average, drawn on a 2,000-unit em with its own ascent, descent and line gap.
  const bold: FaceMetrics = { unitsPerEm: 2000, ascent: 2100, descent: -600, lineGap: 100, xWidthAvg: 1100 };

  it("scales the regular file to the face's average width, and gives each line the face's ascent, descent and gap", () => {
    // size 1100/2000 ÷ 500/1000 = 1.1; overrides are divided by it, as browsers multiply them by size-adjust.
    expect(fallbackDescriptors(regular, bold)).toEqual({
      'size-adjust': '110%',
      'ascent-override': '95.45%', // 2100 / (2000 × 1.1)
      'descent-override': '27.27%', // 600 / 2200
      'line-gap-override': '4.55%', // 100 / 2200
    });
    expect(fallbackDescriptors(regular, regular)).toEqual({
      'size-adjust': '100%',
      'ascent-override': '100%',
      'descent-override': '30%',
      'line-gap-override': '0%',
    });
  });

  it('cuts every fallback face from the regular file, optional, the regular one as it is', () => {
    const r = { src: [{ url: '/r.woff2', format: 'woff2' }], weight: '400', style: 'normal', metrics: regular };
    const b = { src: [{ url: '/b.woff2', format: 'woff2' }], weight: '700', style: 'normal', metrics: bold };
    expect(fallbackFaceCss('Serif fallback', r, [r, b])).toBe(
      '@font-face{font-family:"Serif fallback";src:url("/r.woff2") format("woff2");font-weight:400;font-style:normal;font-display:optional}\n' +
        '@font-face{font-family:"Serif fallback";src:url("/r.woff2") format("woff2");font-weight:700;font-style:normal;font-display:optional;size-adjust:110%;ascent-override:95.45%;descent-override:27.27%;line-gap-override:4.55%}',
    );
  });
});

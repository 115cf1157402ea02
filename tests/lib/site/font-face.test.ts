import { describe, expect, it } from 'vitest';
import { fontFaceCss, preloadUrl } from '../../../src/lib/site/font-face.ts';

describe('font-face', () => {
  const faces = [
    { src: [{ url: '/_astro/fonts/i.woff2', format: 'woff2' }], weight: '400', style: 'italic' },
    { src: [{ url: '/_astro/fonts/r.woff2', format: 'woff2' }], weight: '400', style: 'normal' },
  ];
  it('writes swap @font-face rules', () => {
    expect(fontFaceCss('Source Serif 4', faces)).toBe(
      '@font-face{font-family:"Source Serif 4";src:url("/_astro/fonts/i.woff2") format("woff2");font-weight:400;font-style:italic;font-display:swap}\n' +
        '@font-face{font-family:"Source Serif 4";src:url("/_astro/fonts/r.woff2") format("woff2");font-weight:400;font-style:normal;font-display:swap}',
    );
  });
  it('preloads the regular upright face', () => {
    expect(preloadUrl(faces)).toBe('/_astro/fonts/r.woff2');
    expect(preloadUrl([])).toBeUndefined();
  });
});

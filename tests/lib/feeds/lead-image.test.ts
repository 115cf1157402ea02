import { describe, expect, it } from 'vitest';
import { imageType, leadImage } from '../../../src/lib/feeds/lead-image.ts';

describe('leadImage', () => {
  it('uses the hero when the article has one, with its alt text and type', () => {
    expect(
      leadImage(
        {
          cardPath: '/og/a.0123456789abcdef.png',
          hero: { src: '/images/chips.JPG?v=2', alt: 'A wafer' },
          cardAlt: 'card',
        },
        'https://c.example/',
      ),
    ).toEqual({ url: 'https://c.example/images/chips.JPG?v=2', alt: 'A wafer', type: 'image/jpeg' });
  });

  it('falls back to the 1200×630 social card', () => {
    expect(
      leadImage({ cardPath: '/og/a-b.0123456789abcdef.png', cardAlt: 'A — Col, issue 2' }, 'https://c.example/'),
    ).toEqual({
      url: 'https://c.example/og/a-b.0123456789abcdef.png',
      alt: 'A — Col, issue 2',
      type: 'image/png',
      width: 1200,
      height: 630,
    });
  });
});

describe('imageType', () => {
  it('reads the extension, case-insensitively, ignoring query and fragment', () => {
    expect(imageType('/x/y.webp#z')).toBe('image/webp');
    expect(imageType('https://c.example/p.SVG')).toBe('image/svg+xml');
    expect(imageType('/no-extension')).toBe('image/png');
  });
});

import { describe, expect, it } from 'vitest';
import { unicodeRangeBit, unicodeRanges } from '../../../src/lib/fonts/unicode-ranges.ts';

describe('OS/2 Unicode range bits', () => {
  it('names the bit of each block, as the OpenType specification assigns them', () => {
    expect(unicodeRangeBit(0x41)).toBe(0); // Basic Latin
    expect(unicodeRangeBit(0xe9)).toBe(1); // Latin-1 Supplement
    expect(unicodeRangeBit(0x2013)).toBe(31); // General Punctuation
    expect(unicodeRangeBit(0x20ac)).toBe(33); // Currency Symbols
    expect(unicodeRangeBit(0x2212)).toBe(38); // Mathematical Operators
    expect(unicodeRangeBit(0x706b)).toBe(59); // CJK Unified Ideographs: 火
    expect(unicodeRangeBit(0x20000)).toBe(59); // … and its Extension B
    expect(unicodeRangeBit(0xff0c)).toBe(68); // Halfwidth and Fullwidth Forms
    expect(unicodeRangeBit(0x1f031)).toBe(122); // Domino and Mahjong tiles share a bit
    expect(unicodeRangeBit(0x0860)).toBeUndefined(); // Syriac Supplement: no bit
  });

  it('sets a bit per block present in the four words, and Non-Plane 0 for anything beyond U+FFFF', () => {
    expect(unicodeRanges([])).toEqual([0, 0, 0, 0]);
    expect(unicodeRanges([0x41, 0x42])).toEqual([1, 0, 0, 0]);
    expect(unicodeRanges([0x41, 0x2013, 0x706b])).toEqual([(1 | (1 << 31)) >>> 0, 1 << 27, 0, 0]);
    expect(unicodeRanges([0x1f101])).toEqual([0, 1 << 25, 0, 0]); // Enclosed Alphanumeric Supplement: only bit 57
    expect(unicodeRanges([0x1f031])).toEqual([0, 1 << 25, 0, 1 << 26]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeStyles, parseStyle, styleValue } from '../../../src/lib/html/style.ts';

describe('mergeStyles', () => {
  it('lets a later style win property by property, each property once', () => {
    expect(mergeStyles('padding:8px;color:#111;background:#eee', 'color:#222;margin:0')).toBe(
      'padding:8px;color:#222;background:#eee;margin:0',
    );
  });

  it('drops longhands a later shorthand replaces', () => {
    expect(mergeStyles('border-left:3px solid #000;padding-left:24px', 'border:0;padding:0')).toBe(
      'border:0;padding:0',
    );
  });

  it('never repeats a property, whatever the inputs', () => {
    const decl = fc.tuple(
      fc.constantFrom('color', 'margin', 'padding', 'padding-left', 'border', 'font-size'),
      fc.constantFrom('0', '1px', '#fff'),
    );
    const style = fc.array(decl, { maxLength: 6 }).map((ds) => ds.map(([p, v]) => `${p}:${v}`).join(';'));
    fc.assert(
      fc.property(fc.array(style, { maxLength: 4 }), (styles) => {
        const props = parseStyle(mergeStyles(...styles)).map(([p]) => p);
        expect(new Set(props).size).toBe(props.length);
      }),
    );
  });
});

describe('styleValue', () => {
  it('reads the last value of a property', () => {
    expect(styleValue('color:#111; Color : #222', 'color')).toBe('#222');
    expect(styleValue(undefined, 'color')).toBeUndefined();
  });
});

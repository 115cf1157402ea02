import { describe, expect, it } from 'vitest';
import { fitWidth, inlineStyles } from '../../../src/lib/feeds/inline-styles.ts';
import { backgroundsWithoutColour, droppedDeclarations, sanitizerLosses } from '../../helpers/feed-sanitizer.ts';

const all = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : all(v)));

describe('feed inline styles', () => {
  it('use only declarations feed readers keep', () => {
    for (const style of all(inlineStyles)) expect(droppedDeclarations(style), style).toEqual([]);
  });

  it('never set a background without a text colour', () => {
    for (const style of all(inlineStyles)) expect(backgroundsWithoutColour(`<p style="${style}">x</p>`)).toEqual([]);
  });

  it('cap image widths at 600 px, keeping the aspect ratio', () => {
    expect(fitWidth(1440, 810)).toEqual({ width: 600, height: 338 });
    expect(fitWidth(320, 200)).toEqual({ width: 320, height: 200 });
  });
});

describe('the sanitiser mirror (tests/helpers/feed-sanitizer.ts)', () => {
  it('drops what feedparser drops: max-width, text-transform, odd characters, upper-case hex in shorthands', () => {
    expect(droppedDeclarations('max-width:600px;width:100%;text-transform:uppercase')).toEqual([
      'max-width:600px',
      'text-transform:uppercase',
    ]);
    expect(droppedDeclarations('background:#F1EFE9;color:#1B1B1D')).toEqual(['background:#F1EFE9']);
    expect(droppedDeclarations('font-family:-apple-system,Segoe UI;color:red')).toHaveLength(2);
    expect(
      droppedDeclarations("font-family:Georgia,'Times New Roman',serif;border:1px solid #d9d6ce;margin:0 0 4px"),
    ).toEqual([]);
  });

  it('reports attributes and elements readers strip', () => {
    expect(
      sanitizerLosses('<p role="note" aria-label="x" style="color:#111">a</p><svg></svg><ol reversed><li>x</li></ol>'),
    ).toEqual(['<p role> attribute', '<p aria-label> attribute', '<svg> element', '<ol reversed> attribute']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ELEMENTS,
  FEED_ATTRIBUTES,
  FEED_ELEMENTS,
  FEED_REWRITTEN_ELEMENTS,
  isTemplateStyle,
  TEMPLATE_STYLES,
} from '../../../src/lib/feeds/allow-list.ts';
import { inlineStyles } from '../../../src/lib/feeds/inline-styles.ts';
import { droppedDeclarations, SAFE_ATTRIBUTES, SAFE_ELEMENTS } from '../../helpers/feed-sanitizer.ts';
import { findings } from '../lint/fixture.ts';

describe('the allow-list', () => {
  it('stays within what feed readers keep (feedparser’s list)', () => {
    expect([...FEED_ELEMENTS].filter((e) => !SAFE_ELEMENTS.has(e))).toEqual([]);
    expect([...FEED_ATTRIBUTES].filter((a) => !SAFE_ATTRIBUTES.has(a))).toEqual([]);
    for (const style of TEMPLATE_STYLES) expect(droppedDeclarations(style), style).toEqual([]);
  });

  it('allows exactly the feed templates’ styles and a legend swatch', () => {
    expect(isTemplateStyle(inlineStyles.box)).toBe(true);
    expect(isTemplateStyle('color:#0072b2')).toBe(true);
    for (const bad of [
      'color:red',
      'color:#0072b2;position:fixed',
      'background:url(https://t.example/p.gif)',
      `${inlineStyles.box};top:0`,
    ])
      expect(isTemplateStyle(bad), bad).toBe(false);
  });

  it('is what the content check lets an author type: anything else is reported', () => {
    expect([...ARTICLE_ELEMENTS].sort()).toEqual([...FEED_ELEMENTS, ...FEED_REWRITTEN_ELEMENTS].sort());
    const reported = (tag: string) => findings('unknown-tag', `<${tag}>x</${tag}>`).length;
    for (const tag of ['iframe', 'video', 'button', 'marquee']) expect(reported(tag), tag).toBe(1);
    for (const tag of ['sup', 'abbr', 'details', 'figure']) expect(reported(tag), tag).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupByMonth, groupByTag, homePageUrl, paginate, tableOfContents } from '../../../src/lib/site/listing.ts';

const art = (id: string, published: string, tags: string[] = []) => ({
  id,
  data: { title: id, published: new Date(published), tags, issue: 1 },
});

describe('paginate', () => {
  it('splits into pages with prev/next links', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => p.url)).toEqual(['/', '/page/2/', '/page/3/']);
    expect(pages[1]).toMatchObject({ prevUrl: '/', nextUrl: '/page/3/', total: 3 });
    expect(pages[0]!.prevUrl).toBeUndefined();
    expect(pages[2]!.nextUrl).toBeUndefined();
  });

  it('keeps every item exactly once, in order, for any size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const pages = paginate(items, size);
        expect(pages.flatMap((p) => p.items)).toEqual(items);
        expect(pages.every((p) => p.items.length <= size)).toBe(true);
      }),
    );
  });

  it('refuses a nonsense page size', () => {
    expect(() => paginate([1], 0)).toThrow(/positive whole number/);
    expect(homePageUrl(1)).toBe('/');
  });
});

describe('groupByTag', () => {
  it('merges tags that slugify alike and sorts by use', () => {
    const groups = groupByTag([
      art('a', '2025-01-01', ['Cloud', 'capex']),
      art('b', '2025-02-01', ['cloud']),
      art('c', '2025-03-01', ['AI']),
    ]);
    expect(groups.map((g) => [g.slug, g.items.map((i) => i.id)])).toEqual([
      ['cloud', ['a', 'b']],
      ['ai', ['c']],
      ['capex', ['a']],
    ]);
  });

  it('gives tags in any script a group with a non-empty slug (a Chinese tag was skipped before)', () => {
    const groups = groupByTag([art('a', '2025-01-01', ['豆包', 'ByteDance']), art('b', '2025-02-01', ['豆包'])]);
    expect(groups.map((g) => [g.tag, g.slug, g.items.length])).toEqual([
      ['豆包', 'dou-bao', 2],
      ['ByteDance', 'bytedance', 1],
    ]);
  });

  it('groups any items through an accessor (the tag feeds group feed items with it)', () => {
    const items = [{ tags: ['capex'] }, { tags: ['Capex', 'chips'] }];
    expect(groupByTag(items, (i) => i.tags).map((g) => [g.slug, g.items.length])).toEqual([
      ['capex', 2],
      ['chips', 1],
    ]);
  });
});

describe('groupByMonth', () => {
  it('groups newest month first', () => {
    const groups = groupByMonth([art('a', '2025-10-27'), art('b', '2026-03-02'), art('c', '2026-03-20')]);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['March 2026', ['c', 'b']],
      ['October 2025', ['a']],
    ]);
  });
});

describe('tableOfContents', () => {
  it('appears only for long articles', () => {
    const h = (depth: number, t: string) => ({ depth, slug: t, text: t });
    expect(tableOfContents([h(2, 'a'), h(2, 'b')])).toEqual([]);
    expect(
      tableOfContents([h(2, 'a'), h(3, 'a1'), h(2, 'b'), h(2, 'c'), h(2, 'd'), h(4, 'x')]).map((x) => x.slug),
    ).toEqual(['a', 'a1', 'b', 'c', 'd']);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RELATED_WINDOW, indexArticles } from '../../../src/lib/content/article-index.ts';
import { tagSlug } from '../../../src/lib/slug.ts';

const art = (id: string, published: string, tags: string[] = []) => ({
  id,
  data: { title: id, published: new Date(published), tags, issue: 1 },
});
type Art = ReturnType<typeof art>;

describe('article index', () => {
  const all = [art('new', '2026-03-01', ['x']), art('mid', '2026-02-01', ['x', 'y']), art('old', '2026-01-01', ['z'])];

  it('finds the newer and older issue', () => {
    const index = indexArticles(all);
    expect(index.neighbours(all[1]!)).toEqual({ newer: all[0], older: all[2] });
    expect(index.neighbours(all[0]!).newer).toBeUndefined();
    expect(index.neighbours(art('absent', '2026-01-01'))).toEqual({});
  });

  it('ranks related issues by shared tags and, twice as much, shared figures', () => {
    const figs: Record<string, string[]> = { new: ['f1'], mid: [], old: ['f1', 'f2'], t: ['f1'] };
    const target = art('t', '2026-04-01', ['x']);
    const index = indexArticles([target, ...all], (a) => figs[a.id] ?? []);
    expect(index.related(target).map((a) => a.id)).toEqual(['new', 'old', 'mid']);
    expect(
      indexArticles([...all, art('lonely', '2026-01-01', ['q'])]).related(art('lonely', '2026-01-01', ['q'])),
    ).toEqual([]);
  });

  it('indexes figures and tags (tags that slugify alike are one), in archive order', () => {
    const list = [
      art('a', '2026-03-01', ['Cloud share']),
      art('b', '2026-02-01', ['cloud-share', 'capex']),
      art('c', '2026-01-01'),
    ];
    const figs: Record<string, string[]> = { a: ['f1', 'f1'], b: ['f2'], c: ['f1'] };
    const index = indexArticles(list, (a) => figs[a.id]!);
    expect(index.byFigure.get('f1')!.map((a) => a.id)).toEqual(['a', 'c']);
    expect(index.byTag.get('cloud-share')!.map((a) => a.id)).toEqual(['a', 'b']);
    expect(index.figuresOf(list[0]!)).toEqual(['f1']);
  });

  it('reads each article’s figures once, however many pages ask', () => {
    const list = Array.from({ length: 50 }, (_, i) =>
      art(`a${i}`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, ['t']),
    );
    let calls = 0;
    const index = indexArticles(list, () => (calls++, ['shared']));
    for (const a of list) index.related(a);
    expect(calls).toBe(list.length);
  });

  it('ranks exactly as scoring every pair would', () => {
    const tag = fc.constantFrom('AI', 'ai', 'capex', 'cloud', 'Chips', '豆包');
    const fig = fc.constantFrom('f1', 'f2', 'f3', 'f4');
    const entry = fc.record({
      day: fc.integer({ min: 1, max: 5 }),
      tags: fc.uniqueArray(tag, { maxLength: 3 }),
      figs: fc.uniqueArray(fig, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), (entries) => {
        const list = entries
          .map((e, i) => ({ ...art(`a${i}`, `2026-01-0${e.day}`, e.tags), figs: e.figs }))
          .sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
        const index = indexArticles(list, (a) => a.figs);
        for (const item of list) {
          // Reference: score every other article against this one.
          const tags = new Set(item.data.tags.map(tagSlug));
          const expected = list
            .filter((x) => x.id !== item.id)
            .map((x, i) => ({
              x,
              i,
              score:
                new Set(x.data.tags.map(tagSlug).filter((t) => tags.has(t))).size +
                2 * x.figs.filter((f) => item.figs.includes(f)).length,
            }))
            .filter((s) => s.score > 0)
            .sort(
              (a, b) => b.score - a.score || b.x.data.published.getTime() - a.x.data.published.getTime() || a.i - b.i,
            )
            .slice(0, 3)
            .map((s) => s.x.id);
          expect(index.related(item).map((x: Art) => x.id)).toEqual(expected);
        }
      }),
    );
  });

  it('takes related issues from the articles near each one when a figure is cited across a long archive', () => {
    // 10,000 issues that all cite one figure: each page looks at its neighbours in that list, not all 10,000.
    const list = Array.from({ length: 10_000 }, (_, i) =>
      art(`a${i}`, new Date(Date.UTC(2030, 0, 1) - i * 3_600_000).toISOString()),
    );
    const index = indexArticles(list, () => ['everywhere']);
    const at = (a: Art) => list.indexOf(a);
    for (const i of [0, 5_000, 9_999]) {
      const related = index.related(list[i]!);
      expect(related).toHaveLength(3);
      // Ties go to the newer article: the three just newer (or, for the newest, just older).
      expect(related.map(at)).toEqual(
        i === 0
          ? [1, 2, 3]
          : [i - RELATED_WINDOW, i - RELATED_WINDOW + 1, i - RELATED_WINDOW + 2].map((j) => Math.max(j, 0)),
      );
      for (const r of related) expect(Math.abs(at(r) - i)).toBeLessThanOrEqual(RELATED_WINDOW);
    }
  });
});

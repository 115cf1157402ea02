import { describe, expect, it } from 'vitest';
import { publishedArticles, readingMinutes, scheduledArticles, lastModified } from '../../../src/lib/site/articles.ts';

const entry = (id: string, published: string, extra: { draft?: boolean; issue?: number; updated?: string } = {}) => ({
  id,
  data: {
    title: id,
    published: new Date(published),
    updated: extra.updated ? new Date(extra.updated) : undefined,
    draft: extra.draft ?? false,
    issue: extra.issue ?? 1,
  },
});

describe('publishedArticles', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const all = [
    entry('old', '2025-01-01', { issue: 1 }),
    entry('new', '2026-05-01', { issue: 3 }),
    entry('draft', '2026-04-01', { draft: true, issue: 4 }),
    entry('future', '2026-07-01', { issue: 5 }),
    entry('same-day', '2026-05-01', { issue: 2 }),
  ];

  it('drops drafts and future articles in production, newest first, issue breaks ties', () => {
    expect(publishedArticles(all, { now, includeDrafts: false }).map((a) => a.id)).toEqual(['new', 'same-day', 'old']);
  });

  it('shows everything on the dev server', () => {
    expect(publishedArticles(all, { now, includeDrafts: true })).toHaveLength(5);
  });

  it('lists future non-draft articles as scheduled', () => {
    expect(scheduledArticles(all, now).map((a) => a.id)).toEqual(['future']);
  });
});

describe('readingMinutes', () => {
  it('counts words at 230 a minute, rounding up, ignoring tags and expressions', () => {
    const words = Array.from({ length: 460 }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes(words)).toBe(2);
    expect(readingMinutes(`${words} extra`)).toBe(3);
    expect(readingMinutes('<Fig id="a.b" /> {1 + 2}')).toBe(1);
  });
});

describe('lastModified', () => {
  it('prefers a later updated date', () => {
    expect(lastModified(entry('a', '2026-01-01', { updated: '2026-02-01' })).toISOString()).toContain('2026-02-01');
    expect(lastModified(entry('a', '2026-01-01')).toISOString()).toContain('2026-01-01');
  });
});

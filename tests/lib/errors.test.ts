import { describe, expect, it } from 'vitest';
import { ContentError, editDistance, nearest } from '../../src/lib/errors.ts';

describe('ContentError', () => {
  it('names file, line, column, field, problem and fix', () => {
    const e = new ContentError({ file: 'content/a.mdx', line: 3, column: 7, field: 'title', message: 'Title is empty.', fix: 'Write a title.' });
    expect(e.message).toBe('content/a.mdx:3:7 (title): Title is empty.\n  Fix: Write a title.');
  });
});

describe('nearest', () => {
  it('ranks candidates by edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearest('bytedance.capx', ['alibaba.revenue', 'bytedance.capex', 'bytedance.chips'], 2)).toEqual(['bytedance.capex', 'bytedance.chips']);
  });
});

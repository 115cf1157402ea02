import { describe, expect, it } from 'vitest';
import { ContentError, editDistance, nearest, withoutStackTraces } from '../../src/lib/errors.ts';

describe('ContentError', () => {
  it('names file, line, column, field, problem and fix', () => {
    const e = new ContentError({
      file: 'content/a.mdx',
      line: 3,
      column: 7,
      field: 'title',
      message: 'Title is empty.',
      fix: 'Write a title.',
    });
    expect(e.message).toBe('content/a.mdx:3:7 (title): Title is empty.\n  Fix: Write a title.');
  });
});

describe('nearest', () => {
  it('ranks candidates by edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearest('bytedance.capx', ['alibaba.revenue', 'bytedance.capex', 'bytedance.chips'], 2)).toEqual([
      'bytedance.capex',
      'bytedance.chips',
    ]);
  });
});

describe('withoutStackTraces', () => {
  it('keeps messages and drops stack frames', () => {
    expect(
      withoutStackTraces(
        'Error: bad\n  Location:\n    a.mdx:3:1\n  Stack trace:\n    at foo (x.js:1:1)\n    at bar (y.js:2:2)\nDone',
      ),
    ).toBe('Error: bad\n  Location:\n    a.mdx:3:1\nDone');
  });
});

import { describe, expect, it } from 'vitest';
import { slowest, slowestLines } from './slowest-files.ts';

describe('the slowest-files report', () => {
  const times = Array.from({ length: 14 }, (_, i) => ({
    file: `tests/f${i}.test.ts`,
    project: 'unit',
    ms: (i * 7919) % 13_000,
  }));

  it('lists the ten slowest files, slowest first', () => {
    const top = slowest(times);
    expect(top).toHaveLength(10);
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.ms).toBeGreaterThanOrEqual(top[i]!.ms);
    const cut = Math.min(...top.map((t) => t.ms));
    expect(times.filter((t) => t.ms > cut).every((t) => top.includes(t))).toBe(true);
  });

  it('prints seconds aligned, with file and project', () => {
    const lines = slowestLines([
      { file: 'tests/a.test.ts', project: 'e2e', ms: 45_530 },
      { file: 'tests/b.test.ts', project: 'unit', ms: 875 },
    ]);
    expect(lines).toEqual([
      'Slowest 2 test files:',
      '  45.5 s  tests/a.test.ts (e2e)',
      '   0.9 s  tests/b.test.ts (unit)',
    ]);
    expect(slowestLines([])).toEqual([]);
  });
});

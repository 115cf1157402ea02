/**
 * The benchmark's synthetic archive must pass the same chart rules as real articles, or
 * `npm run bench` stops at the content check instead of measuring anything.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticArticle, syntheticDate } from '../../scripts/lib/synthetic.ts';
import { registryLookup, resolveChart } from '../../src/lib/charts/spec.ts';
import { buildRegistry } from '../../src/lib/figures/registry.ts';
import { readRegistryFiles } from '../../src/lib/inputs/registry-files.ts';
import { projectRoot } from '../helpers/project.ts';

const registry = buildRegistry(readRegistryFiles(join(projectRoot, 'content', 'figures'), projectRoot)).registry!;

describe('synthetic articles', () => {
  it('chart only figures that share unit, rate and period', () => {
    const charts = Array.from({ length: 300 }, (_, i) => syntheticArticle(i, registry).text).flatMap((text) => [
      ...text.matchAll(/<Chart type="(\w+)" title="([^"]+)" figures=\{\[([^\]]*)\]\} \/>/g),
    ]);
    expect(charts.length).toBeGreaterThan(300);
    for (const [, type, title, ids] of charts) {
      const figures = JSON.parse(`[${ids}]`) as string[];
      expect(() =>
        resolveChart({ type: type as 'bar', title: title!, figures }, registryLookup(registry), { file: title! }),
      ).not.toThrow();
    }
  });

  it('dates every article of an archive of any size on or before the bench build date (2026-11-24), in order', () => {
    for (const count of [250, 1000, 4000, 10000]) {
      const dates = Array.from({ length: count }, (_, i) => syntheticDate(i, count));
      expect(dates[0]).toBe('2020-01-01');
      expect(dates.at(-1)! <= '2026-11-23', `${count}: last ${dates.at(-1)}`).toBe(true);
      expect([...dates].sort()).toEqual(dates);
    }
    // Small archives keep one article every two days.
    expect(syntheticDate(3, 250)).toBe('2020-01-07');
    expect(syntheticArticle(9999, registry, { count: 10000 }).text).toMatch(/^published: 2026-11-2[0-3]$/m);
  });
});

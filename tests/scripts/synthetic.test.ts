/**
 * The benchmark's synthetic archive must pass the same chart rules as real articles, or
 * `npm run bench` stops at the content check instead of measuring anything.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticArticle } from '../../scripts/lib/synthetic.ts';
import { registryLookup, resolveChart } from '../../src/lib/charts/spec.ts';
import { buildRegistry, readRegistryFiles } from '../../src/lib/figures/registry.ts';
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
});

/**
 * The content check never stops on an article it cannot make sense of: mutated copies of the showcase
 * articles (lines dropped, doubled, swapped, junk inserted) are checked in-process against the real
 * registry; each run ends in findings, never in an exception.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintProject } from '../../../src/lib/lint/lint.ts';
import { buildRegistry } from '../../../src/lib/figures/registry.ts';
import { readRegistryFiles } from '../../../src/lib/inputs/registry-files.ts';
import { registryLookup } from '../../../src/lib/charts/spec.ts';
import { toFigureIndex } from '../../../scripts/lib/figure-index.ts';
import { prng } from '../../../scripts/lib/synthetic.ts';
import { projectRoot } from '../../helpers/project.ts';
import { mutate } from '../../helpers/mutate.ts';
import { now, project } from './fixture.ts';

const JUNK = [
  '<',
  '{',
  '}',
  '|',
  '[^1]',
  '[^1]: x',
  '[a][b]',
  '![](javascript:x)',
  '---',
  '####',
  '¥150 bn',
  '50%',
  '<Fig id="x" >',
  '</Callout>',
  '\u0000',
  ':',
  '"',
  'import X from "./x"',
  '{1,500}',
  '<a target="_blank">',
];

describe('the content check on mangled articles', () => {
  const dir = join(projectRoot, 'content', 'articles');
  const originals = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
  const registry = buildRegistry(readRegistryFiles(join(projectRoot, 'content', 'figures'), projectRoot)).registry!;

  it('ends in findings, never an exception, over 60 mutated archives', { timeout: 60_000 }, () => {
    const rand = prng(4242);
    let findings = 0;
    for (let run = 0; run < 60; run++) {
      const files = Object.fromEntries(
        originals.map(([f, text]) => {
          let t = text;
          for (let m = 0; m < 1 + (run % 4); m++) t = mutate(t, rand, JUNK);
          return [f, t];
        }),
      );
      const { diagnostics } = lintProject(project(files), {
        now,
        pageSize: 10,
        figures: toFigureIndex(registry),
        chartLookup: registryLookup(registry),
      });
      for (const d of diagnostics) {
        expect(d.file).toMatch(/\.(mdx|yaml)$|^content|^src/);
        expect(d.message.length).toBeGreaterThan(10);
      }
      findings += diagnostics.length;
    }
    expect(findings).toBeGreaterThan(60);
  });
});

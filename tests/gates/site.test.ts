/**
 * The quality gates on the real site, built once into .cache/test-dist. Every problem is printed as
 * `file:line: what`. The HTML checker runs over this site with the run's other sites, in one JVM, and over the
 * deliberately broken site: tests/gates/html.test.ts; tests/gates/broken-site.test.ts shows the other gates trip.
 */
import { describe, expect, it } from 'vitest';
import { BUDGETS, findBudgetProblems, findDeadLinks, formatWeights, pageWeights } from './gates.ts';
import { siteUrl } from '../helpers/dist-files.ts';
import { testDist } from '../helpers/project.ts';

describe('gates on the built site', () => {
  it('every internal link, image, script, stylesheet, fragment and feed URL resolves', () => {
    expect(findDeadLinks(testDist, siteUrl())).toEqual([]);
  });

  it('keeps within the byte budgets', () => {
    const weights = pageWeights(testDist);
    console.log(formatWeights(weights));
    expect(findBudgetProblems(testDist, BUDGETS, weights)).toEqual([]);
    // The budgets must measure something: articles exist, and some page (a chart page) loads JS.
    expect(weights.some((w) => w.file.startsWith('articles/'))).toBe(true);
    expect(weights.some((w) => w.kind === 'chart' && w.js > 10_000)).toBe(true);
  });
});

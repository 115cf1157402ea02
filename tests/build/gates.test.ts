import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGETS, findDeadLinks, findInvalidHtml, gzipBytes, pageCssBytes, pageJsBytes } from '../helpers/gates.ts';
import { distFiles, sitePages } from '../helpers/dist-files.ts';
import { projectRoot, testDist } from '../helpers/project.ts';

const SITE = 'https://ai-frontier.example.com';
const pageFile = (p: string) => (p.endsWith('/') ? `${p.slice(1)}index.html` : p.slice(1));

describe('gates on the built site', () => {
  it('every HTML file passes the Nu Html Checker', () => {
    expect(findInvalidHtml(testDist)).toEqual([]);
  });

  it('every internal link, image, script, stylesheet and feed URL resolves', () => {
    expect(findDeadLinks(testDist, SITE)).toEqual([]);
  });

  it('keeps within the byte budgets', () => {
    const pages = sitePages(testDist).map(pageFile);
    const report: Record<string, { js: number; css: number }> = {};
    for (const page of pages) {
      const html = readFileSync(join(testDist, page), 'utf8');
      const js = pageJsBytes(testDist, page);
      const css = pageCssBytes(testDist, page);
      report[page] = { js, css };
      if (html.includes('data-chart')) expect(js, `${page} JS`).toBeLessThanOrEqual(BUDGETS.chartPageJs);
      else if (page !== 'search/index.html') expect(js, `${page} JS`).toBe(BUDGETS.plainPageJs);
      expect(css, `${page} CSS`).toBeLessThanOrEqual(BUDGETS.pageCss);
    }
    const articles = pages.filter((p) => p.startsWith('articles/'));
    const longest = Math.max(...articles.map((p) => gzipBytes(testDist, p)));
    expect(longest).toBeLessThanOrEqual(BUDGETS.articleHtml);
    expect(Object.values(report).some((r) => r.js > 0)).toBe(true);
    console.log('page weights (gzip bytes):', JSON.stringify({ ...report, longestArticleHtml: longest }));
  });
});

describe('each gate trips on a deliberately broken site', () => {
  let broken: string;
  beforeAll(() => {
    broken = mkdtempSync(join(tmpdir(), 'aif-broken-'));
    cpSync(join(projectRoot, 'tests/fixtures/broken-site'), broken, { recursive: true });
    // 200 KB of incompressible-ish script, from a seeded generator (no large file committed).
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    mkdirSync(join(broken, '_astro'), { recursive: true });
    writeFileSync(join(broken, '_astro/fat.js'), `export const noise = ${JSON.stringify(Array.from({ length: 30000 }, () => Math.floor(rand() * 1e9).toString(36)))};\n`);
  });

  it('the HTML checker finds the missing alt and the misplaced block', () => {
    const problems = findInvalidHtml(broken).join('\n');
    expect(problems).toMatch(/index\.html:\d+: An “img” element must have an “alt” attribute/);
    expect(problems).toMatch(/index\.html:\d+: Element “div” not allowed as child of element “span”/);
  });

  it('the link checker finds the dead link and the dead anchor', () => {
    expect(findDeadLinks(broken, SITE)).toEqual(['index.html: /articles/missing/ does not exist', 'index.html: /articles/a/#nowhere has no element #nowhere']);
  });

  it('the budget finds the fat script', () => {
    expect(pageJsBytes(broken, 'index.html')).toBeGreaterThan(BUDGETS.chartPageJs);
    expect(distFiles(broken)).toContain('_astro/fat.js');
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';
import { articleFromGuide, blocks, GUIDE_FILE, writeGuideArticle } from '../sites/authoring-guide.ts';

/**
 * docs/authoring.md promises that its examples work. Every example (the frontmatter, each mdx/md block) is
 * one article (tests/sites/authoring-guide.ts): it passes the check, and the production test site, which
 * holds it, builds it into the published article. And the message the guide prints is the one
 * `npm run check` prints for the same mistake.
 */
const FILE = GUIDE_FILE;
const env = { BUILD_DATE: '2026-12-01T12:00:00Z' };

describe('docs/authoring.md', () => {
  it('has examples to test (frontmatter and components)', () => {
    expect(blocks.filter((b) => b.lang === 'mdx').length).toBeGreaterThanOrEqual(4);
    expect(blocks.filter((b) => b.lang === 'md').length).toBeGreaterThanOrEqual(3);
  });

  it('every example passes the check and builds into the published article', () => {
    const site = testSite('production');
    expect(readFileSync(join(site.project, FILE), 'utf8')).toBe(articleFromGuide());
    const dir = copyProject();
    writeGuideArticle(dir);
    const check = runScript('scripts/check.ts', ['--content-only', FILE], { cwd: dir, env: { ...env, AIF_ROOT: dir } });
    expect(check.stderr + check.stdout).toMatch(/✓ Content: .*: 0 error\(s\), 0 warning\(s\)/);
    expect(check.status).toBe(0);

    const html = readFileSync(join(site.dist, 'articles', 'chip-export-rules-explained', 'index.html'), 'utf8');
    for (const seen of [
      "Where ByteDance's 2026 AI budget goes",
      'Tokens per day on Volcano Engine',
      'Token-processing share, H1 2025',
      'Three ways the bet ends',
      'Why it matters',
      'ByteDance buys volume; Alibaba defends revenue.',
      'we use our own division',
    ]) {
      expect(html.replaceAll('&#39;', "'").replaceAll('&#x27;', "'")).toContain(seen);
    }
  });

  it('shows the message npm run check really prints', () => {
    const shown = blocks.find((b) => b.lang === 'text')!.text.trim();
    const where = /^(\S+?):(\d+):(\d+): /.exec(shown)!;
    expect(where[1]).toBe(FILE);
    // Put the guide's mistake (logscale for logScale) on the line and column the message names.
    const front = `---\ntitle: "T"\ndek: "D"\npublished: 2026-11-24\nauthors: ["A"]\ntags: ["chips"]\nissue: 3\nsources:\n  - name: "S"\n    url: "https://example.org/"\n    date: 2026-11-20\nsummary: "S."\n---\n`;
    const chart = [
      '<Chart',
      '  type="line"',
      '  title="Tokens per day"',
      '  logscale',
      '  series="volcano.tokens.daily"',
      '/>',
    ];
    const firstChartLine = Number(where[2]) - 3;
    const lines = front.split('\n').slice(0, -1);
    while (lines.length < firstChartLine - 1) lines.push('');
    const dir = copyProject();
    writeFileSync(join(dir, FILE), `${[...lines, ...chart].join('\n')}\n`);
    expect(chart[3]!.indexOf('logscale') + 1).toBe(Number(where[3]));
    const r = runScript('scripts/check.ts', ['--content-only', FILE], { cwd: dir, env: { ...env, AIF_ROOT: dir } });
    expect(r.stderr).toContain(shown);
  });
});

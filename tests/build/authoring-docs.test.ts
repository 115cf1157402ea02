import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, projectRoot, runScript } from '../helpers/project.ts';

/**
 * docs/authoring.md promises that its examples work. This puts every
 * example (the frontmatter, each mdx/md block) into one article, checks it
 * and builds the site with it; and shows that the message the guide prints
 * is the one `npm run check` prints for the same mistake.
 */
const guide = readFileSync(join(projectRoot, 'docs', 'authoring.md'), 'utf8');
const blocks = [...guide.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const FILE = 'content/articles/2026-11-24-chip-export-rules-explained.mdx';
const env = { BUILD_DATE: '2026-12-01T12:00:00Z' };

/** The guide's examples as one article. In the figures example, text after "→" shows what the reader sees; it is not part of the source. */
function articleFromGuide(): string {
  const front = blocks
    .find((b) => b.lang === 'yaml' && b.text.startsWith('---'))!
    .text.replace('draft: true', 'draft: false');
  const body = blocks
    .filter((b) => b.lang === 'mdx' || b.lang === 'md')
    .map((b) => b.text.replace(/\s+→ .*$/gm, ''))
    .join('\n');
  return `${front}\n${body}`;
}

describe('docs/authoring.md', () => {
  it('has examples to test (frontmatter and components)', () => {
    expect(blocks.filter((b) => b.lang === 'mdx').length).toBeGreaterThanOrEqual(4);
    expect(blocks.filter((b) => b.lang === 'md').length).toBeGreaterThanOrEqual(3);
  });

  it('every example passes the check and builds into the published article', { timeout: 600_000 }, () => {
    const dir = copyProject();
    writeFileSync(join(dir, FILE), articleFromGuide());
    // The hero image the frontmatter example names, where the guide says images go.
    mkdirSync(join(dir, 'public', 'images'), { recursive: true });
    writeFileSync(join(dir, 'public', 'images', 'fab.jpg'), readFileSync(join(projectRoot, 'public', 'favicon.svg')));

    const check = runScript('scripts/check.ts', ['--content-only', FILE], { cwd: dir, env: { ...env, AIF_ROOT: dir } });
    expect(check.stderr + check.stdout).toMatch(/✓ Content: .*: 0 error\(s\), 0 warning\(s\)/);
    expect(check.status).toBe(0);

    const build = runScript('scripts/build.ts', [], { cwd: dir, env });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const html = readFileSync(join(dir, 'dist', 'articles', 'chip-export-rules-explained', 'index.html'), 'utf8');
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

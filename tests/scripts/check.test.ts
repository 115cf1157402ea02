import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, projectRoot, runScript } from '../helpers/project.ts';

/** A copy of the project as a fresh clone has it: no generated figure data. */
function freshCheckout(): string {
  const dir = copyProject();
  const generated = join(dir, 'src', 'generated');
  for (const name of readdirSync(generated))
    if (name !== '.gitignore') rmSync(join(generated, name), { recursive: true, force: true });
  return dir;
}

const ARTICLE = (issue: number, body: string) => `---
title: "Check fixture ${issue}"
dek: "Dek"
published: 2026-01-05
authors: ["A"]
tags: ["capex"]
issue: ${issue}
sources:
  - name: "S"
    url: "https://example.org/"
    date: 2026-01-01
summary: "One sentence."
---

${body}
`;

const check = (dir: string, args: string[]) =>
  runScript('scripts/check.ts', args, { cwd: dir, env: { AIF_ROOT: dir, BUILD_DATE: '2026-06-01' } });

// Each test runs the script (Node start-up, the registry, the linter) while other test files run beside it: allow it time.
describe('npm run check', { timeout: 60_000 }, () => {
  it('checks figure ids on a fresh checkout (no generated data yet) and writes the data for the build', () => {
    const dir = freshCheckout();
    writeFileSync(
      join(dir, 'content', 'articles', '2026-01-05-typo.mdx'),
      ARTICLE(40, 'Capex was <Fig id="bytedance.capx.2026" />.'),
    );
    const r = check(dir, ['--content-only']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /content\/articles\/2026-01-05-typo\.mdx:15:\d+: Unknown figure id "bytedance\.capx\.2026"/,
    );
    expect(existsSync(join(dir, 'src', 'generated', 'figures.json'))).toBe(true);
    expect(existsSync(join(dir, 'src', 'generated', 'figure-ids.ts'))).toBe(true);
  });

  it('runs the type check on a fresh checkout, quietly, after the content summary', { timeout: 120_000 }, () => {
    const dir = freshCheckout();
    // The type check covers tests/ too, as in a clone.
    cpSync(join(projectRoot, 'tests'), join(dir, 'tests'), { recursive: true, filter: (p) => !p.includes('fixtures') });
    const r = check(dir, []);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const content = r.stdout.indexOf('✓ Content:');
    const types = r.stdout.indexOf('✓ Types: astro check found nothing');
    expect(content).toBeGreaterThanOrEqual(0);
    expect(types).toBeGreaterThan(content);
    // Hints (e.g. deprecated APIs in tests/) are not printed, so nothing yellow says "warning" above "0 warnings".
    expect(r.stdout).not.toMatch(/warning ts\(|hints?\b/);
  });

  it("with a file: shows that article's findings, and errors elsewhere only when they stop the build", () => {
    const dir = freshCheckout();
    const mine = join('content', 'articles', '2026-01-05-mine.mdx');
    // A warning in the article under check: a typed number matching a registry figure would be one; an unused-figure warning is elsewhere.
    writeFileSync(join(dir, mine), ARTICLE(41, 'See [nowhere](/articles/nope/).'));
    writeFileSync(
      join(dir, 'content', 'articles', '2026-01-06-other.mdx'),
      ARTICLE(42, 'Capex was <Fig id="bytedance.capx.2026" />.'),
    );
    const r = check(dir, [mine]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /✗ Errors \(1\):\ncontent\/articles\/2026-01-05-mine\.mdx:15:\d+: Link to \/articles\/nope\//,
    );
    expect(r.stderr).toMatch(
      /✗ Errors in other files that would stop the build \(1\):\ncontent\/articles\/2026-01-06-other\.mdx:15/,
    );
    // Registry warnings are not about this article: neither listed nor counted.
    expect(r.stdout).not.toContain('Figures registry');
    expect(r.stdout).not.toContain('unused-figure');
  });

  it('says so when the file given is not an article', () => {
    const dir = copyProject();
    const r = check(dir, ['package.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('✗ package.json is not an article: give a file in content/articles/');
  });

  it('sums up registry warnings in one line instead of listing them', () => {
    const dir = freshCheckout();
    const r = check(dir, ['--content-only']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /⚠ Figures registry: \d+ warning\(s\) \(.*due for review.*\); npm run figures lists them\./,
    );
    expect(r.stdout + r.stderr).not.toContain('[stale-figure]');
    const pulled = runScript('scripts/pull-figures.ts', ['--offline', '--out', join(dir, 'src', 'generated')], {
      env: { BUILD_DATE: '2026-06-01' },
    });
    expect(pulled.stdout).toMatch(
      /⚠ content\/figures\/\w+\.yaml:\d+: Figure "[^"]+" was due for review on \d{4}-\d{2}-\d{2}\./,
    );
    // The dev server and the build pass --summary: one line there too.
    const summary = runScript(
      'scripts/pull-figures.ts',
      ['--offline', '--summary', '--out', join(dir, 'src', 'generated')],
      { env: { BUILD_DATE: '2026-06-01' } },
    );
    expect(summary.stdout).toMatch(
      /⚠ \d+ registry warning\(s\) \(stated vs computed, due for review(, home-page sources)?\); npm run figures lists them\./,
    );
    expect(summary.stdout).not.toContain('was due for review on');
  });
});

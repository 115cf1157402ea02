import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { copyProject, projectRoot, runScript, runScriptAsync } from '../helpers/project.ts';

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

/** How each test runs `npm run check` on its copy: that copy as the root, on a fixed date. */
const checkIn = (dir: string) => ({ cwd: dir, env: { AIF_ROOT: dir, BUILD_DATE: '2026-06-01' } });
const check = (dir: string, args: string[]) => runScript('scripts/check.ts', args, checkIn(dir));

// Each test runs the script (Node start-up, the registry, the linter) while other test files run beside it: allow it time.
describe('npm run check', { timeout: 60_000 }, () => {
  // The whole check with its type check (`astro check`, most of this file's time) on a fresh checkout starts
  // first and runs while the tests before its own (the last) run theirs.
  let typeCheck: ReturnType<typeof runScriptAsync>;
  beforeAll(() => {
    const dir = freshCheckout();
    // The type check covers tests/ too, as in a clone.
    cpSync(join(projectRoot, 'tests'), join(dir, 'tests'), { recursive: true, filter: (p) => !p.includes('fixtures') });
    typeCheck = runScriptAsync('scripts/check.ts', [], checkIn(dir));
  });

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

  it("reports each of an editor's mistakes once, at its line, with the fix, in line order", () => {
    const dir = freshCheckout();
    const file = join('content', 'articles', '2026-01-05-mistakes.mdx');
    const front = ARTICLE(43, '')
      .replace('summary: "One sentence."', `summary: "${'A summary that goes on. '.repeat(28).trim()}"`)
      .replace('tags: ["capex"]', 'tags: ["capex", "Capex"]');
    const body = [
      'import Fig from "../components/Fig.astro"',
      '',
      'ByteDance plans capex of ¥150 bn in 2026, <Fig id="bytedance.capex.2026" /> in all.[^1]',
      '',
      '## Where it goes',
      '',
      '#### Chips',
      '',
      '| Part | Cost |',
      '|---|---|',
      '| Chips | ¥85 bn | Watch the egress fees |',
      '',
      'See [the filing](http://example.org/filing) and [this](javascript:alert(1)).',
      '',
      '<img src="/favicon.svg" alt="The site icon" onError="alert(1)" />',
      '',
      '[^1]: The first note.',
      '',
      '[^1]: The second note.',
    ].join('\n');
    writeFileSync(join(dir, file), `${front.trimEnd()}\n${body}\n`);
    const r = check(dir, ['--offline', file]);
    expect(r.status).toBe(1);
    const out = r.stdout + r.stderr;
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The place, then the message on the same line.
    const at = (line: number, text: string) =>
      expect(out).toMatch(new RegExp(`${escape(`${file}:${line}`)}(?::\\d+)?: ${escape(text)}`));
    at(6, 'Tags "capex" and "Capex" are one tag (/tags/capex/)');
    at(12, 'The summary is 671 characters');
    at(14, '../components/Fig.astro does not exist');
    at(16, '"¥150 bn" contradicts <Fig id="bytedance.capex.2026" /> (¥200 billion) in the same sentence.');
    at(20, '#### skips a level after ## (line 18)');
    at(24, 'This row has 3 cells but the header has 2, so "Watch the egress fees" would be dropped.');
    at(26, '"http://example.org/filing" is plain http');
    at(26, '"javascript:alert(1)" is a javascript: address');
    at(28, '<img> has the event handler onError');
    at(32, 'Footnote [^1] is defined twice (first on line 30)');
    // Every finding has its fix, once; errors come in line order.
    const errorLines = [...r.stderr.matchAll(new RegExp(`${file.replace(/[.]/g, '\\.')}:(\\d+)`, 'g'))].map((m) =>
      Number(m[1]),
    );
    expect(errorLines).toEqual([...errorLines].sort((a, b) => a - b));
    expect(r.stderr.match(/\n {2}Fix: /g)?.length).toBe(r.stderr.match(/\]\n/g)?.length);
  });

  it('reports a broken registry entry once, not again in formulas and charts that use it', () => {
    const dir = freshCheckout();
    const yaml = join(dir, 'content', 'figures', 'bytedance.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^ {4}value: 200$/m, '    value: "200 bn"'));
    const r = check(dir, ['--content-only']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /✗ Errors \(1\):\ncontent\/figures\/bytedance\.yaml:6: figure bytedance\.capex\.2026\.value: Expected a number, received "200 bn"\./,
    );
    expect(r.stdout + r.stderr).not.toMatch(/unknown id|starts its axis|not used by any article|were not checked/);
  });

  it('tells registry warnings from your change from those already there (the last commit, or a saved list)', () => {
    const dir = freshCheckout();
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', 'content');
    git('commit', '-qm', 'before');
    const sources = join(dir, 'content', 'figures', 'sources.yaml');
    writeFileSync(
      sources,
      readFileSync(sources, 'utf8').replace(
        /url: "https:\/\/www\.scmp\.com\/tech\/[^"]+"/,
        'url: "https://www.scmp.com/"',
      ),
    );
    const r = check(dir, ['--content-only']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /⚠ Registry warnings from your change \(not in the last commit\) \(1\):\ncontent\/figures\/sources\.yaml:\d+: Source "scmp-capex" links to https:\/\/www\.scmp\.com\/, a home page/,
    );
    expect(r.stdout).toMatch(/⚠ Figures registry: (\d+) warning\(s\): 1 from your change, \d+ already there \(/);
    const [, total, known] = /(\d+) warning\(s\): 1 from your change, (\d+) already there/.exec(r.stdout)!;
    expect(Number(total)).toBe(Number(known) + 1);
    // Against the saved output of npm run figures after the change: nothing new.
    const saved = join(dir, 'before.txt');
    const figures = runScript(
      'scripts/pull-figures.ts',
      ['--offline', '--dir', join(dir, 'content', 'figures'), '--out', join(dir, 'gen')],
      {
        env: { BUILD_DATE: '2026-06-01' },
      },
    );
    writeFileSync(saved, figures.stdout);
    expect(check(dir, ['--content-only', '--since', saved]).stdout).toMatch(/: 0 from your change, \d+ already there/);
  });

  it('runs the type check on a fresh checkout, quietly, after the content summary', { timeout: 120_000 }, async () => {
    const r = await typeCheck;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const content = r.stdout.indexOf('✓ Content:');
    const types = r.stdout.indexOf('✓ Types: astro check found nothing');
    expect(content).toBeGreaterThanOrEqual(0);
    expect(types).toBeGreaterThan(content);
    // Hints (e.g. deprecated APIs in tests/) are not printed, so nothing yellow says "warning" above "0 warnings".
    expect(r.stdout).not.toMatch(/warning ts\(|hints?\b/);
  });
});

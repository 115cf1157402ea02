/**
 * The size guard on a long synthetic issue: the build stops before Gmail
 * would clip its edition, naming the edition, its size and what weighs most,
 * and goes on (with the warning) when told to; `npm run email` does the same
 * with an edition from an earlier build.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';

describe('an edition past Gmail’s clipping limit', () => {
  it('stops the build, naming the edition, its size and what weighs most; goes on when allowed', () => {
    // The editions test site holds the very long issue (tests/sites/long-issue.ts) and keeps its edition: its
    // first build ran without leave to pass the limit, its second with --allow-large-edition.
    const site = testSite('editions');
    const [stopped, allowed] = site.builds;
    expect(stopped!.args).not.toContain('--allow-large-edition');
    expect(stopped!.status).toBe(1);
    expect(stopped!.stderr).toMatch(
      /✗ newsletter\/very-long\.html is 1\d\d\.\d KB of HTML, over Gmail's 102\.0 KB: .*Heaviest: .*tables \d+\.\d KB/,
    );
    expect(stopped!.stderr).toContain('--allow-large-edition');
    expect(allowed!.args).toContain('--allow-large-edition');
    expect(allowed!.status, allowed!.stderr).toBe(0);
    expect(allowed!.stderr).toMatch(/⚠ newsletter\/very-long\.html is 1\d\d\.\d KB/);
    expect(statSync(join(site.dist, 'newsletter/very-long.html')).size).toBeGreaterThan(102 * 1024);
  });
});

describe('npm run email on editions from an earlier build', () => {
  const dist = mkdtempSync(join(tmpdir(), 'aif-editions-'));
  mkdirSync(join(dist, 'newsletter'));
  const page = (kb: number) =>
    `<!DOCTYPE html><html><head><title>#5: Short subject</title></head><body>${'<p style="color:#1b1b1d">word word word</p>'.repeat(Math.ceil((kb * 1024) / 42))}</body></html>`;
  for (const [slug, kb] of [
    ['fine', 40],
    ['close', 95],
    ['huge', 110],
  ] as const) {
    writeFileSync(join(dist, 'newsletter', `${slug}.html`), page(kb));
    writeFileSync(join(dist, 'newsletter', `${slug}.txt`), 'text');
  }
  const run = (...args: string[]) =>
    runScript('scripts/email.ts', [
      ...args,
      '--no-build',
      '--dist',
      dist,
      '--out',
      mkdtempSync(join(tmpdir(), 'aif-out-')),
    ]);

  it('copies an edition under 90 KB without a word', () => {
    const r = run('fine');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('warns past 90 KB and copies it', () => {
    const r = run('close');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/⚠ close\.html is 9\d\.\d KB of HTML, close to Gmail's 102\.0 KB clipping limit/);
  });

  it('refuses past 102 KB unless told to go on', () => {
    const refused = run('huge');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/✗ huge\.html is 11\d\.\d KB of HTML, over Gmail's 102\.0 KB/);
    const forced = run('huge', '--allow-large-edition');
    expect(forced.status).toBe(0);
    expect(forced.stderr).toMatch(/⚠ huge\.html/);
  });

  it('warns about a subject longer than a phone shows', () => {
    writeFileSync(
      join(dist, 'newsletter', 'long-subject.html'),
      '<title>' + 'A subject far too long for any phone to show it whole in the inbox list' + '</title>',
    );
    writeFileSync(join(dist, 'newsletter', 'long-subject.txt'), 'text');
    const r = run('long-subject');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/⚠ long-subject: The subject ".*" is 71 characters; phones show about 55/);
  });
});

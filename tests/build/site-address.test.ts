/**
 * The site address in real builds: a production build stops on the placeholder (and on an address with a
 * query, or a contact it cannot link) at once, before its first step, with one clear message and no output (an address with a path builds:
 * tests/build/site-base.test.ts); SITE_URL reaches feeds, pages and social cards; the
 * --allow-placeholder-url flag lets a local preview through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScriptAsync, testDist } from '../helpers/project.ts';
import { testSite } from '../sites/sites.ts';

/** An absolute address in text, HTML or JSON. */
const URL_PATTERN = /https?:\/\/[^\s"'<>\\)]+/g;

// Each case sets both variables itself; the test suite's own allowance (tests/vitest.config.ts) is switched off.
const production = { ALLOW_PLACEHOLDER_URL: '', BUILD_DATE: '2026-11-24T00:00:00Z' };

describe('site address in a production build', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject();
  });

  it('stops on the placeholder with the fix, no stack trace and no dist/', async () => {
    const result = await runScriptAsync('scripts/build.ts', ['--offline'], {
      cwd: dir,
      env: { ...production, SITE_URL: '' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('The site address is https://ai-frontier.example.com, a placeholder');
    expect(result.stderr).toContain('npm run build -- --allow-placeholder-url');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    // At once: before the figures, the content check or Astro.
    expect(result.stdout).not.toMatch(/figures|content check|astro build/);
  });

  it('stops on an address with a query, and on a contact that is neither an email nor a form, each with the fix', async () => {
    const query = await runScriptAsync('scripts/build.ts', ['--offline', '--allow-placeholder-url'], {
      cwd: dir,
      env: { ...production, SITE_URL: 'https://someone.github.io/ai-frontier/?ref=1' },
    });
    expect(query.status).not.toBe(0);
    expect(query.stderr).toContain('has a query, a fragment or credentials');
    const contact = await runScriptAsync('scripts/build.ts', ['--offline', '--allow-placeholder-url'], {
      cwd: dir,
      env: { ...production, SITE_CONTACT: 'letters at example.org' },
    });
    expect(contact.status).not.toBe(0);
    expect(contact.stderr).toContain(
      'src/site.config.ts (contact): "letters at example.org" is neither an email address nor an https:// address',
    );
    expect(contact.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    for (const r of [query, contact]) expect(r.stdout).not.toMatch(/figures|content check|astro build/);
  });

  it('builds with a real SITE_URL, which every absolute URL then uses', () => {
    // The production test site: SITE_URL set, the placeholder not allowed (tests/sites/sites.ts).
    const site = testSite('production');
    const build = site.builds.at(-1)!;
    expect(build.env).toMatchObject({ SITE_URL: 'https://frontier-column.org', ALLOW_PLACEHOLDER_URL: '' });
    expect(build.args).not.toContain('--allow-placeholder-url');
    const read = (p: string) => readFileSync(join(site.dist, p), 'utf8');
    expect(read('rss.xml')).toContain('<link>https://frontier-column.org/</link>');
    expect(read('index.html')).toContain('<link rel="canonical" href="https://frontier-column.org/"');
    expect(read('robots.txt')).toContain('Sitemap: https://frontier-column.org/sitemap-index.xml');
    expect(read('sitemap-0.xml')).toContain('<loc>https://frontier-column.org/</loc>');
    // No address the site makes is left at the placeholder: every example.com address in what it wrote is one an
    // author typed (the site holds the kitchen sink and the authoring guide's examples, which cite such pages).
    const typed = new Set(
      readdirSync(join(site.project, 'content', 'articles')).flatMap((f) =>
        [...readFileSync(join(site.project, 'content', 'articles', f), 'utf8').matchAll(URL_PATTERN)].map((m) => m[0]),
      ),
    );
    for (const p of ['rss.xml', 'index.html', 'feed.json', 'sitemap-0.xml']) {
      const made = [...read(p).matchAll(URL_PATTERN)].map((m) => m[0]).filter((u) => u.includes('example.com'));
      expect(
        made.filter((u) => !typed.has(u)),
        p,
      ).toEqual([]);
    }
  });

  it('builds with the placeholder when --allow-placeholder-url says so', () => {
    // The main test site: no SITE_URL, the test run's own allowance switched off, the flag given.
    const build = testSite('main').builds.at(-1)!;
    expect(build.args).toContain('--allow-placeholder-url');
    expect(build.env.ALLOW_PLACEHOLDER_URL).toBe('');
    expect(build.env.SITE_URL).toBeUndefined();
    expect(readFileSync(join(testDist, 'index.html'), 'utf8')).toContain('https://ai-frontier.example.com/');
  });
});

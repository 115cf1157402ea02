import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';

const run = (dir: string, args: string[]) =>
  runScript('scripts/new.ts', args, { cwd: dir, env: { AIF_ROOT: dir, BUILD_DATE: '2026-11-24T09:00:00Z' } });

describe('npm run new', { timeout: 60_000 }, () => {
  it('takes the next issue after the published ones, a short slug and today, and says what to do next', () => {
    const dir = copyProject();
    const r = run(dir, ['Why ByteDance is betting on its own chips']);
    expect(r.status, r.stderr).toBe(0);
    const file = 'content/articles/2026-11-24-bytedance-betting-own-chips.mdx';
    const text = readFileSync(join(dir, file), 'utf8');
    // Published issues are 1 and 2; the kitchen-sink draft holds 99.
    expect(text).toMatch(/^issue: 3$/m);
    expect(text).toMatch(/^published: 2026-11-24$/m);
    expect(r.stdout).toContain(`✓ Created ${file}`);
    expect(r.stdout).toContain('/articles/bytedance-betting-own-chips/');
    expect(r.stdout).toContain(`npm run check -- ${file}`);
    // The next one skips the number this draft now holds.
    expect(readFileSync(join(dir, run(dir, ['Another one']).stdout.match(/Created (\S+)/)![1]!), 'utf8')).toMatch(
      /^issue: 4$/m,
    );
  });

  it('takes --slug and --date', () => {
    const dir = copyProject();
    const r = run(dir, [
      'A very long title about token prices in China this year',
      '--slug',
      'Token Prices',
      '--date',
      '2027-01-05',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'content/articles/2027-01-05-token-prices.mdx'), 'utf8');
    expect(text).toMatch(/^published: 2027-01-05$/m);
  });

  it('refuses a date that is not YYYY-MM-DD, a taken URL, and a missing title, with a fix', () => {
    const dir = copyProject();
    const bad = run(dir, ['Title', '--date', '2027-02-30']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--date 2027-02-30 is not a calendar date written as YYYY-MM-DD');
    const taken = run(dir, ['Anything', '--slug', 'kitchen-sink']);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain(
      '/articles/kitchen-sink/ is already taken by content/articles/2026-01-01-kitchen-sink.mdx',
    );
    expect(run(dir, []).stderr).toContain('Usage: npm run new -- "Title of the article"');
  });
});

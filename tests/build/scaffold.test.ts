import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';
import { SCAFFOLDED, testSite } from '../sites/sites.ts';

/** `content/articles/2026-12-01-some-title.mdx` → `some-title` (the date prefix is not part of the URL). */
const slugOf = (file: string) => basename(file, '.mdx').replace(/^\d{4}-\d{2}-\d{2}-/, '');

describe('npm run new', () => {
  it('scaffolds a draft that builds once draft is false', () => {
    // The production test site ran `npm run new` for two titles, then set draft: false in the first one's file
    // (tests/sites/sites.ts), and was built.
    const site = testSite('production');
    const published = join(site.project, site.notes.published!);
    const draft = join(site.project, site.notes.draft!);
    expect(readFileSync(draft, 'utf8')).toContain('draft: true');
    expect(readFileSync(draft, 'utf8')).toMatch(/^issue: \d+$/m);
    expect(readFileSync(published, 'utf8')).toContain('draft: false');
    // The same title again is refused (in a copy: the site is shared).
    const again = runScript('scripts/new.ts', [SCAFFOLDED.draft], {
      cwd: copyProject(undefined, site.project),
      env: { BUILD_DATE: '2026-12-01T09:00:00Z' },
    });
    expect(again.status).toBe(1);

    // As a draft it is not published…
    expect(existsSync(join(site.dist, 'articles', slugOf(draft)))).toBe(false);
    // …and once draft is false it is.
    expect(readFileSync(join(site.dist, 'articles', slugOf(published), 'index.html'), 'utf8')).toContain(
      SCAFFOLDED.published,
    );
  });
});

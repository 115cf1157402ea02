import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, runScript } from '../helpers/project.ts';

describe('npm run new', () => {
  it('scaffolds a draft that builds once draft is false', () => {
    const dir = copyProject();
    const env = { BUILD_DATE: '2026-11-24T09:00:00Z', AIF_ROOT: dir };
    const created = runScript('scripts/new.ts', ['Chip export rules, explained'], { cwd: dir, env });
    expect(created.status, created.stderr).toBe(0);
    const file = join(dir, 'content/articles/2026-11-24-chip-export-rules-explained.mdx');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('draft: true');
    expect(text).toMatch(/issue: (\d+)/);
    expect(runScript('scripts/new.ts', ['Chip export rules, explained'], { cwd: dir, env }).status).toBe(1);

    // As a draft it is not published…
    expect(runScript('scripts/build.ts', [], { cwd: dir, env }).status).toBe(0);
    expect(existsSync(join(dir, 'dist/articles/chip-export-rules-explained'))).toBe(false);
    // …and once draft is false it is.
    writeFileSync(file, text.replace('draft: true', 'draft: false'));
    const build = runScript('scripts/build.ts', [], { cwd: dir, env });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(readFileSync(join(dir, 'dist/articles/chip-export-rules-explained/index.html'), 'utf8')).toContain(
      'Chip export rules, explained',
    );
  });
});

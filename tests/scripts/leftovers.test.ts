/**
 * What a killed build leaves beside its output: which names count as leftovers, that only those of
 * builds no longer running are removed, and that git, ESLint, Prettier and TypeScript ignore them
 * meanwhile (checked on a copy of the project's configuration with leftovers full of lint errors).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import ts from 'typescript';
import { leftoverPid, leftoversOf, processIsAlive } from '../../scripts/lib/leftovers.ts';
import { projectRoot } from '../helpers/project.ts';

describe('leftovers of a killed build', () => {
  it('names the staging folder, its stats file and the previous output, by build id; nothing else', () => {
    expect(leftoverPid('.dist-staging-4242', 'dist')).toBe(4242);
    expect(leftoverPid('.dist-staging-4242.stats.json', 'dist')).toBe(4242);
    expect(leftoverPid('dist.previous-4242', 'dist')).toBe(4242);
    expect(leftoverPid('.test-dist-staging-7', 'test-dist')).toBe(7);
    for (const name of [
      'dist',
      '.dist-staging-',
      '.dist-staging-12x',
      'dist.previous-',
      'dist.previous-1.bak',
      'docs',
      '.other-staging-1',
    ])
      expect(leftoverPid(name, 'dist'), name).toBeUndefined();
  });

  it('lists those of builds that are gone, never one still running or its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-leftovers-'));
    for (const name of [
      'dist',
      '.dist-staging-111',
      '.dist-staging-111.stats.json',
      'dist.previous-222',
      '.dist-staging-333',
      `.dist-staging-${process.pid}`,
      'notes',
    ])
      mkdirSync(join(dir, name));
    const alive = (pid: number) => pid === 333;
    expect(leftoversOf(join(dir, 'dist'), alive).sort()).toEqual(
      ['.dist-staging-111', '.dist-staging-111.stats.json', 'dist.previous-222'].map((n) => join(dir, n)),
    );
    expect(processIsAlive(process.pid)).toBe(true);
    // A process id that cannot be running (above the kernel's pid_max).
    expect(processIsAlive(2 ** 30)).toBe(false);
  });

  it('are ignored by git, ESLint, Prettier and TypeScript, so `npm run lint` stays clean while they exist', async () => {
    const project = mkdtempSync(join(tmpdir(), 'aif-leftover-lint-'));
    for (const f of ['.gitignore', '.prettierignore', 'eslint.config.js', 'tsconfig.json', 'package.json'])
      cpSync(join(projectRoot, f), join(project, f));
    symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'));
    const bad = 'const unused: any = eval("1")\n';
    const files = ['.dist-staging-4242/a.ts', 'dist.previous-4242/b.ts', '.cache/.test-dist-staging-9/c.ts'];
    for (const f of files) {
      mkdirSync(join(project, f, '..'), { recursive: true });
      writeFileSync(join(project, f), bad);
    }
    writeFileSync(join(project, '.dist-staging-4242.stats.json'), '{ "charts":1 }');
    writeFileSync(join(project, 'kept.ts'), bad);

    spawnSync('git', ['init', '-q'], { cwd: project });
    const gitIgnored = (f: string) => spawnSync('git', ['check-ignore', '-q', f], { cwd: project }).status === 0;
    const eslint = new ESLint({ cwd: project });
    const prettierIgnored = async (f: string) =>
      (await prettier.getFileInfo(join(project, f), { ignorePath: ['.gitignore', '.prettierignore'] })).ignored;
    const config = ts.readConfigFile(join(project, 'tsconfig.json'), (p) => ts.sys.readFile(p));
    const tsFiles = ts.parseJsonConfigFileContent(config.config, ts.sys, project).fileNames;

    for (const f of [...files, '.dist-staging-4242.stats.json']) {
      expect(gitIgnored(f), `git: ${f}`).toBe(true);
      expect(await eslint.isPathIgnored(join(project, f)), `eslint: ${f}`).toBe(true);
      expect(await prettierIgnored(f), `prettier: ${f}`).toBe(true);
      expect(tsFiles, `tsconfig: ${f}`).not.toContain(join(project, f));
    }
    // The same checks do see an ordinary file.
    expect(gitIgnored('kept.ts')).toBe(false);
    expect(await eslint.isPathIgnored(join(project, 'kept.ts'))).toBe(false);
    expect(await prettierIgnored('kept.ts')).toBe(false);
    expect(tsFiles).toContain(join(project, 'kept.ts'));
  });
});

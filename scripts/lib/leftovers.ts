/**
 * What a killed build leaves beside its output folder: its staging folder (a whole site,
 * `.dist-staging-<pid>/`), that folder's stats file, and the previous output (`dist.previous-<pid>/`)
 * when the kill landed between the final renames. The next build into the same output removes those
 * whose build is no longer running; git, ESLint, Prettier and TypeScript ignore them meanwhile
 * (.gitignore, eslint.config.js, .prettierignore, tsconfig.json), so `npm run lint` stays clean.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether a process with this id is running (EPERM: it is, as another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The build id in a leftover's name beside the output folder `outName`, or undefined when the name is not one. */
export function leftoverPid(name: string, outName: string): number | undefined {
  if (name.startsWith(`.${outName}-staging-`)) {
    const m = /^(\d+)(?:\.stats\.json)?$/.exec(name.slice(outName.length + 10));
    return m ? Number(m[1]) : undefined;
  }
  if (name.startsWith(`${outName}.previous-`)) {
    const m = /^(\d+)$/.exec(name.slice(outName.length + 10));
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}

/** Paths beside `outDir` left by builds that are no longer running (never this process's own). */
export function leftoversOf(outDir: string, isAlive = processIsAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dirname(outDir));
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      const pid = leftoverPid(name, basename(outDir));
      return pid !== undefined && pid !== process.pid && !isAlive(pid);
    })
    .map((name) => join(dirname(outDir), name));
}

/**
 * package-lock.json installs on every platform the dependencies support: each optional platform
 * package (native builds of the canvas, the Astro compiler, Pagefind) is listed in full, so `npm ci`
 * on macOS, Windows or musl Linux fetches and verifies its own binary. npm drops other platforms'
 * entries when `npm install` runs beside an existing node_modules/ (npm/cli#4828, #7961); `npm run
 * lockfile` (`npm install --package-lock-only`) puts them back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/project.ts';

interface Entry {
  version?: string;
  integrity?: string;
  link?: boolean;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, Entry>;
};

/** Each optional dependency in the lock that is missing, or listed without a version and integrity hash. */
export function incompleteOptionals(packages: Record<string, Entry>): string[] {
  const bad: string[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      const base = key === '' ? 'node_modules' : `${key}/node_modules`;
      const found = [`${base}/${name}`, `node_modules/${name}`].map((k) => packages[k]).find(Boolean);
      if (!found || (!found.link && !(found.integrity && /^\d+\.\d+\.\d+/.test(found.version ?? ''))))
        bad.push(`${name} (needed by ${key || 'the project'})`);
    }
  }
  return bad;
}

describe('package-lock.json', () => {
  it('lists every optional platform package in full (version and integrity), so npm ci works on any platform', () => {
    const names = Object.keys(lock.packages);
    expect(names.some((k) => k.endsWith('/canvas-darwin-arm64'))).toBe(true);
    expect(names.some((k) => k.endsWith('/canvas-win32-x64-msvc'))).toBe(true);
    expect(incompleteOptionals(lock.packages), 'run `npm run lockfile` and commit package-lock.json').toEqual([]);
  });

  it('finds a pruned or half-written entry (the check can fail)', () => {
    const packages = structuredClone(lock.packages);
    const darwin = Object.keys(packages).find((k) => k.endsWith('/canvas-darwin-arm64'))!;
    delete packages[darwin];
    const win = Object.keys(packages).find((k) => k.endsWith('/canvas-win32-x64-msvc'))!;
    packages[win] = { version: '1.1.1' };
    expect(incompleteOptionals(packages)).toEqual([
      '@napi-rs/canvas-darwin-arm64 (needed by node_modules/@napi-rs/canvas)',
      '@napi-rs/canvas-win32-x64-msvc (needed by node_modules/@napi-rs/canvas)',
    ]);
  });
});

/**
 * `npm run lockfile`: after `npm install`, give package-lock.json an entry
 * for every platform-specific optional package (darwin, win32, musl, …) that
 * the registry mirror of this workplace does not serve. npm records only
 * what it can fetch, and `npm ci` then refuses a lockfile with missing
 * optional entries. The added entries carry os/cpu/libc, so npm skips them
 * on machines they do not fit and fetches them where they do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from './lib/args.ts';

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

readArgs({ command: 'npm run lockfile', options: {} });
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const path = join(root, 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockEntry> };

/** os, cpu and libc read off a platform package's name, e.g. `canvas-linux-x64-musl`. */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> {
  const n = name.split('/').pop()!;
  const os =
    ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'sunos', 'aix'].find((o) => n.includes(o)) ??
    (n.includes('windows') ? 'win32' : n.includes('wasm32') ? undefined : undefined);
  const cpu =
    ['arm64', 'x64', 'ia32', 'riscv64', 'ppc64', 's390x', 'loong64', 'wasm32'].find((c) => n.includes(c)) ??
    (/-arm(-|$)|gnueabihf|eabi/.test(n) ? 'arm' : undefined);
  const libc = n.includes('musl') ? 'musl' : n.includes('gnu') ? 'glibc' : undefined;
  return {
    ...(os ? { os: [os] } : {}),
    ...(cpu && cpu !== 'wasm32' ? { cpu: [cpu] } : { ...(cpu === 'wasm32' ? { cpu: ['wasm32'] } : {}) }),
    ...(libc ? { libc: [libc] } : {}),
  };
}

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = key === '' ? 'node_modules' : `${key}/node_modules`;
    const nested = `${base}/${dep}`;
    const top = `node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[top]) continue;
    lock.packages[top] = { version, optional: true, ...platformOf(dep) };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(
  added === 0
    ? '✓ package-lock.json already lists every optional platform package'
    : `✓ Added ${added} optional platform package entries to package-lock.json`,
);

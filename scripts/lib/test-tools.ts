/**
 * Where the tests' two outside programs are: Chromium (browser tests, through
 * playwright-core) and Java 17+ (the Nu Html Checker). The decisions are pure
 * functions over a `System` (environment, platform, user, which files are
 * executable), so they are unit-tested with fake machines; `realSystem()`
 * reads this machine. `npm test` runs scripts/test-tools.ts first, which
 * installs what is missing where it can or stops with the command to run;
 * the test helpers call `chromiumForTests()` and `javaForTests()` to use the
 * same programs.
 */
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The machine as the finder sees it. */
export interface System {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Effective user id; undefined where there is none (Windows). */
  uid: number | undefined;
  home: string;
  /** Contents of /etc/os-release ('' when absent). */
  osRelease: string;
  isExecutable(path: string): boolean;
  /** Names in a directory ([] when it does not exist). */
  listDir(path: string): string[];
  /** Major version of the Java runtime at this path, or undefined when it does not run or report one. */
  javaVersion(path: string): number | undefined;
}

export const MIN_JAVA = 17;

export type Found = { path: string; via: string };
/** Found, or why not (`setting` when an explicit variable points at something unusable). */
export type Lookup = { found: Found } | { missing: string; setting?: string };

/** The usual places of Chromium and Google Chrome, in the order they are tried. */
export function systemBrowserPaths(sys: Pick<System, 'platform' | 'home'>): string[] {
  if (sys.platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => join(sys.home, 'Applications', a))];
  }
  if (sys.platform === 'linux') {
    return [
      // Debian's package of Chromium's headless shell (chromium-headless-shell), the browser Playwright itself
      // runs headless tests in: the same engine without the browser's window layer, about a third less CPU a
      // page load than the full browser in headless mode.
      '/usr/bin/chromium-headless-shell',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
      '/opt/google/chrome/chrome',
    ];
  }
  return [];
}

/** Where Playwright keeps the browsers it downloads (only used when already there: the tests never download one). */
export function playwrightCacheDir(sys: Pick<System, 'env' | 'platform' | 'home'>): string {
  const set = sys.env.PLAYWRIGHT_BROWSERS_PATH;
  if (set && set !== '0') return set;
  if (sys.platform === 'darwin') return join(sys.home, 'Library', 'Caches', 'ms-playwright');
  if (sys.platform === 'win32')
    return join(sys.env.LOCALAPPDATA ?? join(sys.home, 'AppData', 'Local'), 'ms-playwright');
  return join(sys.home, '.cache', 'ms-playwright');
}

// Executables inside one chromium-<rev>/ or chromium_headless_shell-<rev>/ folder, for every platform and layout Playwright has used.
const PLAYWRIGHT_EXECUTABLES = [
  'chrome-linux64/chrome',
  'chrome-linux-arm64/chrome',
  'chrome-linux/chrome',
  'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
  'chrome-headless-shell-linux64/chrome-headless-shell',
  'chrome-headless-shell-linux-arm64/chrome-headless-shell',
  'chrome-headless-shell-mac-arm64/chrome-headless-shell',
  'chrome-headless-shell-mac-x64/chrome-headless-shell',
  'chrome-linux/headless_shell',
];

/** Browsers in Playwright's cache: the headless shell before full Chromium, newest revision first. */
export function playwrightBrowsers(sys: System): string[] {
  const dir = playwrightCacheDir(sys);
  const rank = (name: string) => {
    const m = /^(chromium|chromium_headless_shell)-(\d+)$/.exec(name);
    return m ? { name, shell: m[1] !== 'chromium', rev: Number(m[2]) } : undefined;
  };
  const folders = sys
    .listDir(dir)
    .map(rank)
    .filter((r) => r !== undefined)
    .sort((a, b) => Number(b.shell) - Number(a.shell) || b.rev - a.rev);
  return folders.flatMap((f) => PLAYWRIGHT_EXECUTABLES.map((exe) => join(dir, f.name, exe)));
}

/** `name` on the PATH, as a shell would find it. */
export function onPath(sys: Pick<System, 'env' | 'isExecutable'>, name: string): string | undefined {
  for (const dir of (sys.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (sys.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Chromium: CHROMIUM_PATH, then the system locations, then Chromium/Chrome on the PATH, then Playwright's cache. */
export function findChromium(sys: System): Lookup {
  const set = sys.env.CHROMIUM_PATH;
  if (set) {
    return sys.isExecutable(set)
      ? { found: { path: set, via: 'CHROMIUM_PATH' } }
      : { missing: `CHROMIUM_PATH is set to ${set}, which is not an executable file`, setting: 'CHROMIUM_PATH' };
  }
  for (const path of systemBrowserPaths(sys)) if (sys.isExecutable(path)) return { found: { path, via: 'system' } };
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const path = onPath(sys, name);
    if (path) return { found: { path, via: 'PATH' } };
  }
  for (const path of playwrightBrowsers(sys))
    if (sys.isExecutable(path)) return { found: { path, via: "Playwright's cache" } };
  return {
    missing: `no Chromium or Chrome in ${[...systemBrowserPaths(sys), 'the PATH', playwrightCacheDir(sys)].join(', ')}`,
  };
}

/** Java 17+: JAVA (a path, or a name looked up on the PATH), else `java` on the PATH. */
export function findJava(sys: System): Lookup {
  const set = sys.env.JAVA;
  const path = set
    ? set.includes('/') || set.includes('\\')
      ? set
      : onPath(sys, set)
    : onPath(sys, sys.platform === 'win32' ? 'java.exe' : 'java');
  const via = set ? 'JAVA' : 'PATH';
  const setting = set ? 'JAVA' : undefined;
  if (!path || !sys.isExecutable(path)) {
    return set
      ? { missing: `JAVA is set to ${set}, which is not an executable file`, setting }
      : { missing: 'no java on the PATH' };
  }
  const version = sys.javaVersion(path);
  if (version === undefined)
    return { missing: `${path} is not a working Java (\`${path} -version\` failed or reported no version)`, setting };
  if (version < MIN_JAVA)
    return { missing: `${path} is Java ${version}; the Nu Html Checker needs Java ${MIN_JAVA} or newer`, setting };
  return { found: { path, via } };
}

/** Major version from `java -version` output: `openjdk version "17.0.15"` → 17, `java version "1.8.0_292"` → 8. */
export function parseJavaVersion(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major === 1 && m[2] ? Number(m[2]) : major;
}

type Distro =
  { id: 'debian' | 'ubuntu'; version: number } | { id: 'fedora' | 'arch' | 'other-linux' | 'macos' | 'other' };

/** Which family of system this is, from the platform and /etc/os-release. */
export function distro(sys: Pick<System, 'platform' | 'osRelease'>): Distro {
  if (sys.platform === 'darwin') return { id: 'macos' };
  if (sys.platform !== 'linux') return { id: 'other' };
  const field = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(sys.osRelease)?.[1]?.toLowerCase() ?? '';
  const ids = [field('ID'), ...field('ID_LIKE').split(/\s+/)];
  const version = Number.parseFloat(field('VERSION_ID')) || 0;
  if (field('ID') === 'ubuntu' || (ids.includes('ubuntu') && field('UBUNTU_CODENAME')))
    return { id: 'ubuntu', version: field('ID') === 'ubuntu' ? version : 0 };
  if (ids.includes('debian')) return { id: 'debian', version: field('ID') === 'debian' ? version : 0 };
  if (ids.some((i) => ['fedora', 'rhel', 'centos'].includes(i))) return { id: 'fedora' };
  if (ids.includes('arch')) return { id: 'arch' };
  return { id: 'other-linux' };
}

/**
 * apt packages for what is missing. Debian 12 and later package Chromium's headless shell on its own
 * (chromium-headless-shell, the browser the tests prefer); Ubuntu ships Chromium as chromium-browser; Java 17
 * is the default runtime only from Debian 12 and Ubuntu 24.04.
 */
export function aptPackages(
  d: { id: 'debian' | 'ubuntu'; version: number },
  need: { chromium: boolean; java: boolean },
): string[] {
  const javaDefaultIs17Plus = d.version === 0 || (d.id === 'debian' ? d.version >= 12 : d.version >= 24);
  const chromium =
    d.id === 'ubuntu'
      ? 'chromium-browser'
      : d.version === 0 || d.version >= 12
        ? 'chromium-headless-shell'
        : 'chromium';
  return [
    ...(need.chromium ? [chromium] : []),
    ...(need.java ? [javaDefaultIs17Plus ? 'default-jre-headless' : 'openjdk-17-jre-headless'] : []),
  ];
}

/** The command a person should run on this system to install what is missing. */
export function installCommand(
  sys: Pick<System, 'platform' | 'osRelease' | 'uid'>,
  need: { chromium: boolean; java: boolean },
): string | undefined {
  const d = distro(sys);
  const sudo = sys.uid === 0 ? '' : 'sudo ';
  switch (d.id) {
    case 'debian':
    case 'ubuntu':
      return `${sudo}apt-get install -y ${aptPackages(d, need).join(' ')}`;
    case 'fedora':
      return `${sudo}dnf install -y ${[...(need.chromium ? ['chromium'] : []), ...(need.java ? ['java-17-openjdk-headless'] : [])].join(' ')}`;
    case 'arch':
      return `${sudo}pacman -S --needed ${[...(need.chromium ? ['chromium'] : []), ...(need.java ? ['jre-openjdk-headless'] : [])].join(' ')}`;
    case 'macos':
      return [need.chromium ? 'brew install --cask chromium' : '', need.java ? 'brew install --cask temurin' : '']
        .filter(Boolean)
        .join(' && ');
    default:
      return undefined;
  }
}

export type Plan =
  | { kind: 'ready'; chromium: Found; java: Found }
  | { kind: 'install'; packages: string[]; chromium: Lookup; java: Lookup }
  | { kind: 'stop'; message: string };

/**
 * What to do: run the tests (both found); install with apt-get (Debian or Ubuntu, root, apt-get present,
 * and nothing missing because of an explicit setting); or stop with one message naming the command to run.
 * `afterInstall` says an install was already tried, so the next step can only be ready or stop.
 */
export function plan(sys: System, afterInstall = false): Plan {
  const chromium = findChromium(sys);
  const java = findJava(sys);
  if ('found' in chromium && 'found' in java) return { kind: 'ready', chromium: chromium.found, java: java.found };
  const need = { chromium: 'missing' in chromium, java: 'missing' in java };
  const badSetting = [chromium, java].some((l) => 'setting' in l && l.setting);
  const d = distro(sys);
  if (
    !afterInstall &&
    !badSetting &&
    (d.id === 'debian' || d.id === 'ubuntu') &&
    sys.uid === 0 &&
    onPath(sys, 'apt-get')
  ) {
    return { kind: 'install', packages: aptPackages(d, need), chromium, java };
  }
  return { kind: 'stop', message: stopMessage(sys, chromium, java, afterInstall) };
}

/** One message: what is missing and why, the exact command for this system, and how to point at programs already there. */
export function stopMessage(sys: System, chromium: Lookup, java: Lookup, afterInstall = false): string {
  const needs = [
    'missing' in chromium ? 'the browser tests need Chromium' : '',
    'missing' in java ? `the HTML checker needs Java ${MIN_JAVA}+` : '',
  ];
  const lines = [`✗ npm test cannot start: ${needs.filter(Boolean).join(' and ')}.`];
  if ('missing' in chromium) lines.push(`  Chromium: ${chromium.missing}.`);
  if ('missing' in java) lines.push(`  Java: ${java.missing}.`);
  for (const [lookup, what] of [
    [chromium, 'a Chromium or Chrome executable'],
    [java, `a Java ${MIN_JAVA}+ executable`],
  ] as const) {
    if ('setting' in lookup && lookup.setting)
      lines.push(`  Point ${lookup.setting} at ${what}, or unset it to let the tests look in the usual places.`);
  }
  const need = { chromium: 'missing' in chromium && !chromium.setting, java: 'missing' in java && !java.setting };
  if (!need.chromium && !need.java) return lines.join('\n');
  const it = need.chromium && need.java ? 'them' : 'it';
  if (afterInstall && sys.uid === 0 && (distro(sys).id === 'debian' || distro(sys).id === 'ubuntu'))
    lines.push(`  apt-get did not make ${it} available (see its output above).`);
  const command = installCommand(sys, need);
  lines.push(
    command
      ? `  Install ${it}:  ${command}`
      : `  Install ${[need.chromium ? 'Chromium or Google Chrome' : '', need.java ? `a Java ${MIN_JAVA}+ runtime` : ''].filter(Boolean).join(' and ')} with this system's package manager.`,
  );
  const settings = [need.chromium ? 'CHROMIUM_PATH=/path/to/chrome' : '', need.java ? 'JAVA=/path/to/java' : '']
    .filter(Boolean)
    .join(' ');
  lines.push(
    `  ${command ? 'Or use' : 'Then, or to use'} ${it === 'them' ? 'ones' : 'one'} you already have:  ${settings} npm test`,
  );
  return lines.join('\n');
}

// --- This machine -----------------------------------------------------------------------

export function realSystem(env: NodeJS.ProcessEnv = process.env): System {
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a minimal image: the distro is "other".
  }
  return {
    env,
    platform: process.platform,
    uid: process.getuid?.(),
    home: env.HOME || homedir(),
    osRelease,
    isExecutable(path) {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    listDir: (path) => readdirSafe(path) ?? [],
    javaVersion(path) {
      const r = spawnSync(path, ['-version'], { encoding: 'utf8', timeout: 30_000 });
      return r.status === 0 ? parseJavaVersion(`${r.stderr}\n${r.stdout}`) : undefined;
    },
  };
}

function readdirSafe(path: string): string[] | undefined {
  try {
    return readdirSync(path);
  } catch {
    return undefined;
  }
}

/** The Chromium the browser tests launch; throws the finder's message when there is none (never a silent skip). */
export function chromiumForTests(sys: System = realSystem()): string {
  const lookup = findChromium(sys);
  if ('found' in lookup) return lookup.found.path;
  throw new Error(stopMessage(sys, lookup, { found: { path: '', via: '' } }));
}

/** The Java that runs the Nu Html Checker; throws the finder's message when there is none. */
export function javaForTests(sys: System = realSystem()): string {
  const lookup = findJava(sys);
  if ('found' in lookup) return lookup.found.path;
  throw new Error(stopMessage(sys, { found: { path: '', via: '' } }, lookup));
}

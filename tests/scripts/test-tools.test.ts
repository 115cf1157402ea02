import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/project.ts';
import {
  chromiumForTests,
  distro,
  findChromium,
  findJava,
  installCommand,
  javaForTests,
  parseJavaVersion,
  plan,
  stopMessage,
  type System,
} from '../../scripts/lib/test-tools.ts';

const DEBIAN_12 = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';
const UBUNTU_2204 = 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=jammy\n';
const FEDORA = 'NAME="Fedora Linux"\nVERSION_ID=40\nID=fedora\n';

/** A fake machine: the executables that exist, the folders that can be listed, and each java's version. */
function machine(
  opts: {
    files?: string[];
    dirs?: Record<string, string[]>;
    java?: Record<string, number>;
    env?: Record<string, string>;
    platform?: NodeJS.Platform;
    uid?: number;
    osRelease?: string;
  } = {},
): System {
  const files = new Set(opts.files ?? []);
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env },
    platform: opts.platform ?? 'linux',
    uid: opts.uid ?? 1000,
    home: '/home/ada',
    osRelease: opts.osRelease ?? DEBIAN_12,
    isExecutable: (p) => files.has(p),
    listDir: (p) => opts.dirs?.[p] ?? [],
    javaVersion: (p) => opts.java?.[p],
  };
}

const JAVA = { files: ['/usr/bin/java'], java: { '/usr/bin/java': 17 } };

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even over a system Chromium', () => {
    const sys = machine({ files: ['/usr/bin/chromium', '/opt/my/chrome'], env: { CHROMIUM_PATH: '/opt/my/chrome' } });
    expect(findChromium(sys)).toEqual({ found: { path: '/opt/my/chrome', via: 'CHROMIUM_PATH' } });
  });

  it('refuses a CHROMIUM_PATH that points nowhere instead of quietly using another browser', () => {
    const sys = machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/nowhere' } });
    expect(findChromium(sys)).toEqual({
      missing: 'CHROMIUM_PATH is set to /nowhere, which is not an executable file',
      setting: 'CHROMIUM_PATH',
    });
  });

  it("prefers Debian's Chromium headless shell, then Debian's Chromium, then Ubuntu's, then Google Chrome on Linux", () => {
    expect(findChromium(machine({ files: ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'] }))).toEqual({
      found: { path: '/usr/bin/chromium-headless-shell', via: 'system' },
    });
    expect(findChromium(machine({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }))).toEqual({
      found: { path: '/usr/bin/chromium', via: 'system' },
    });
    expect(findChromium(machine({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium-browser'] }))).toEqual({
      found: { path: '/usr/bin/chromium-browser', via: 'system' },
    });
    expect(findChromium(machine({ files: ['/usr/bin/google-chrome'] }))).toEqual({
      found: { path: '/usr/bin/google-chrome', via: 'system' },
    });
  });

  it('finds Google Chrome and Chromium apps on macOS, also in ~/Applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(machine({ platform: 'darwin', files: [chrome, '/usr/bin/chromium'] }))).toEqual({
      found: { path: chrome, via: 'system' },
    });
    const mine = '/home/ada/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findChromium(machine({ platform: 'darwin', files: [mine] }))).toEqual({
      found: { path: mine, via: 'system' },
    });
  });

  it('looks on the PATH for chromium or chrome installed elsewhere', () => {
    expect(
      findChromium(machine({ env: { PATH: '/home/ada/bin:/usr/bin' }, files: ['/home/ada/bin/google-chrome-stable'] })),
    ).toEqual({ found: { path: '/home/ada/bin/google-chrome-stable', via: 'PATH' } });
  });

  it("falls back to Playwright's cache: the headless shell before full Chromium, newest revision first", () => {
    const cache = '/home/ada/.cache/ms-playwright';
    const sys = machine({
      dirs: {
        [cache]: ['chromium_headless_shell-1200', 'chromium-1100', 'chromium-1187', 'ffmpeg-1011', 'webkit-2000'],
      },
      files: [
        `${cache}/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell`,
        `${cache}/chromium-1100/chrome-linux/chrome`,
        `${cache}/chromium-1187/chrome-linux64/chrome`,
      ],
    });
    expect(findChromium(sys)).toEqual({
      found: {
        path: `${cache}/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell`,
        via: "Playwright's cache",
      },
    });
    // Without a shell: the newest full Chromium.
    const full = machine({
      dirs: { [cache]: ['chromium-1100', 'chromium-1187'] },
      files: [`${cache}/chromium-1100/chrome-linux/chrome`, `${cache}/chromium-1187/chrome-linux64/chrome`],
    });
    expect(findChromium(full)).toEqual({
      found: { path: `${cache}/chromium-1187/chrome-linux64/chrome`, via: "Playwright's cache" },
    });
  });

  it("reads PLAYWRIGHT_BROWSERS_PATH and macOS's cache folder", () => {
    const exe =
      '/pw/chromium-1187/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    expect(
      findChromium(
        machine({
          platform: 'darwin',
          env: { PLAYWRIGHT_BROWSERS_PATH: '/pw' },
          dirs: { '/pw': ['chromium-1187'] },
          files: [exe],
        }),
      ),
    ).toMatchObject({ found: { path: exe } });
    const mac = '/home/ada/Library/Caches/ms-playwright';
    const shell = `${mac}/chromium_headless_shell-1187/chrome-headless-shell-mac-x64/chrome-headless-shell`;
    expect(
      findChromium(machine({ platform: 'darwin', dirs: { [mac]: ['chromium_headless_shell-1187'] }, files: [shell] })),
    ).toMatchObject({ found: { path: shell } });
  });

  it('names every place it looked when there is nothing', () => {
    const result = findChromium(machine());
    expect(result).toMatchObject({ missing: expect.stringContaining('/usr/bin/chromium') });
    expect(result).toMatchObject({ missing: expect.stringContaining('/home/ada/.cache/ms-playwright') });
  });
});

describe('findJava', () => {
  it('uses java on the PATH when it is 17 or newer', () => {
    expect(findJava(machine(JAVA))).toEqual({ found: { path: '/usr/bin/java', via: 'PATH' } });
  });

  it('rejects an older Java with its version', () => {
    expect(findJava(machine({ files: ['/usr/bin/java'], java: { '/usr/bin/java': 11 } }))).toEqual({
      missing: '/usr/bin/java is Java 11; the Nu Html Checker needs Java 17 or newer',
    });
  });

  it('takes JAVA as a path or as a name on the PATH, before the java on the PATH', () => {
    const jdk = '/opt/jdk-21/bin/java';
    expect(
      findJava(
        machine({
          ...JAVA,
          files: ['/usr/bin/java', jdk],
          java: { '/usr/bin/java': 17, [jdk]: 21 },
          env: { JAVA: jdk },
        }),
      ),
    ).toEqual({ found: { path: jdk, via: 'JAVA' } });
    expect(
      findJava(machine({ files: ['/usr/bin/java21'], java: { '/usr/bin/java21': 21 }, env: { JAVA: 'java21' } })),
    ).toEqual({ found: { path: '/usr/bin/java21', via: 'JAVA' } });
  });

  it('reports a JAVA that points nowhere, or at a runtime that does not start, as a bad setting', () => {
    expect(findJava(machine({ ...JAVA, env: { JAVA: '/nowhere/java' } }))).toEqual({
      missing: 'JAVA is set to /nowhere/java, which is not an executable file',
      setting: 'JAVA',
    });
    expect(findJava(machine({ files: ['/opt/broken/java'], env: { JAVA: '/opt/broken/java' } }))).toMatchObject({
      setting: 'JAVA',
      missing: expect.stringContaining('is not a working Java'),
    });
  });

  it('parses java -version output of every era', () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaVersion('java version "1.8.0_292"')).toBe(8);
    expect(parseJavaVersion('Error: could not find libjava.so')).toBeUndefined();
  });
});

describe('distro and install commands', () => {
  it('tells Debian, Ubuntu and derivatives, Fedora, macOS and others apart', () => {
    expect(distro({ platform: 'linux', osRelease: DEBIAN_12 })).toEqual({ id: 'debian', version: 12 });
    expect(distro({ platform: 'linux', osRelease: UBUNTU_2204 })).toEqual({ id: 'ubuntu', version: 22.04 });
    expect(
      distro({ platform: 'linux', osRelease: 'ID=linuxmint\nID_LIKE="ubuntu debian"\nUBUNTU_CODENAME=noble\n' }),
    ).toEqual({ id: 'ubuntu', version: 0 });
    expect(distro({ platform: 'linux', osRelease: FEDORA })).toEqual({ id: 'fedora' });
    expect(distro({ platform: 'linux', osRelease: '' })).toEqual({ id: 'other-linux' });
    expect(distro({ platform: 'darwin', osRelease: '' })).toEqual({ id: 'macos' });
  });

  it('names the packages of each system, with sudo when not root', () => {
    const both = { chromium: true, java: true };
    expect(installCommand({ platform: 'linux', osRelease: DEBIAN_12, uid: 1000 }, both)).toBe(
      'sudo apt-get install -y chromium-headless-shell default-jre-headless',
    );
    // Debian 11 has no package of the headless shell: the full browser.
    expect(
      installCommand(
        { platform: 'linux', osRelease: DEBIAN_12.replace(/12/g, '11'), uid: 0 },
        { chromium: true, java: false },
      ),
    ).toBe('apt-get install -y chromium');
    expect(installCommand({ platform: 'linux', osRelease: DEBIAN_12, uid: 0 }, { chromium: false, java: true })).toBe(
      'apt-get install -y default-jre-headless',
    );
    // Ubuntu 22.04's default runtime is Java 11, and its Chromium is chromium-browser.
    expect(installCommand({ platform: 'linux', osRelease: UBUNTU_2204, uid: 1000 }, both)).toBe(
      'sudo apt-get install -y chromium-browser openjdk-17-jre-headless',
    );
    expect(installCommand({ platform: 'linux', osRelease: FEDORA, uid: 1000 }, both)).toBe(
      'sudo dnf install -y chromium java-17-openjdk-headless',
    );
    expect(installCommand({ platform: 'darwin', osRelease: '', uid: 501 }, both)).toBe(
      'brew install --cask chromium && brew install --cask temurin',
    );
    expect(installCommand({ platform: 'win32', osRelease: '', uid: undefined }, both)).toBeUndefined();
  });
});

describe('plan', () => {
  const chromium = '/usr/bin/chromium';

  it('is ready when both are found', () => {
    expect(plan(machine({ ...JAVA, files: [chromium, '/usr/bin/java'] }))).toEqual({
      kind: 'ready',
      chromium: { path: chromium, via: 'system' },
      java: { path: '/usr/bin/java', via: 'PATH' },
    });
  });

  it('installs with apt-get only on Debian or Ubuntu, as root, with apt-get on the PATH', () => {
    const root = { uid: 0, files: ['/usr/bin/apt-get'] };
    expect(plan(machine(root))).toMatchObject({
      kind: 'install',
      packages: ['chromium-headless-shell', 'default-jre-headless'],
    });
    expect(plan(machine({ ...root, osRelease: UBUNTU_2204, files: ['/usr/bin/apt-get', chromium] }))).toMatchObject({
      kind: 'install',
      packages: ['openjdk-17-jre-headless'],
    });
    expect(plan(machine({ uid: 1000, files: ['/usr/bin/apt-get'] }))).toMatchObject({ kind: 'stop' });
    expect(plan(machine({ uid: 0 }))).toMatchObject({ kind: 'stop' });
    expect(plan(machine({ ...root, osRelease: FEDORA }))).toMatchObject({ kind: 'stop' });
  });

  it('does not install over an explicit setting that points nowhere', () => {
    expect(
      plan(
        machine({
          uid: 0,
          files: ['/usr/bin/apt-get', chromium, '/usr/bin/java'],
          java: { '/usr/bin/java': 17 },
          env: { JAVA: '/gone/java' },
        }),
      ),
    ).toMatchObject({ kind: 'stop' });
  });

  it('stops after an install that did not help, instead of trying again', () => {
    expect(plan(machine({ uid: 0, files: ['/usr/bin/apt-get'] }), true)).toMatchObject({
      kind: 'stop',
      message: expect.stringContaining('apt-get did not make them available'),
    });
  });
});

describe('stopMessage', () => {
  it('says what is missing, why, the exact command for this system, and how to use programs already there', () => {
    const sys = machine();
    expect(stopMessage(sys, findChromium(sys), findJava(sys)).split('\n')).toEqual([
      '✗ npm test cannot start: the browser tests need Chromium and the HTML checker needs Java 17+.',
      expect.stringMatching(
        /^ {2}Chromium: no Chromium or Chrome in \/usr\/bin\/chromium-headless-shell, \/usr\/bin\/chromium, .*, the PATH, \/home\/ada\/\.cache\/ms-playwright\.$/,
      ),
      '  Java: no java on the PATH.',
      '  Install them:  sudo apt-get install -y chromium-headless-shell default-jre-headless',
      '  Or use ones you already have:  CHROMIUM_PATH=/path/to/chrome JAVA=/path/to/java npm test',
    ]);
  });

  it('asks to fix a bad setting rather than to install', () => {
    const sys = machine({ ...JAVA, env: { CHROMIUM_PATH: '/nowhere' } });
    const message = stopMessage(sys, findChromium(sys), findJava(sys));
    expect(message).toContain('Point CHROMIUM_PATH at a Chromium or Chrome executable, or unset it');
    expect(message).not.toContain('apt-get');
    expect(message).not.toContain('Java');
  });

  it('has no command to offer on an unknown system, and says so', () => {
    const sys = machine({ osRelease: 'ID=gentoo\n', ...JAVA });
    expect(stopMessage(sys, findChromium(sys), findJava(sys))).toContain(
      "Install Chromium or Google Chrome with this system's package manager.",
    );
  });
});

describe('what the test helpers use', () => {
  it('returns the programs found, or throws the same message', () => {
    expect(chromiumForTests(machine({ files: ['/usr/bin/chromium'] }))).toBe('/usr/bin/chromium');
    expect(javaForTests(machine(JAVA))).toBe('/usr/bin/java');
    expect(() => chromiumForTests(machine({ env: { CHROMIUM_PATH: '/nowhere' } }))).toThrow(
      'CHROMIUM_PATH is set to /nowhere',
    );
    expect(() => javaForTests(machine())).toThrow('✗ npm test cannot start: the HTML checker needs Java 17+.');
  });
});

describe('scripts/test-tools.ts on this machine', () => {
  it('reports the programs it found and where from', () => {
    const [chromium, java] = [chromiumForTests(), javaForTests()];
    const result = runScript('scripts/test-tools.ts', [], { env: { CHROMIUM_PATH: chromium, JAVA: java } });
    expect(result.stdout.trim()).toBe(`✓ Test tools: Chromium ${chromium} (CHROMIUM_PATH), Java ${java} (JAVA)`);
    expect(result.status).toBe(0);
  });

  it('stops at once with the message, and no stack trace, when a setting points nowhere', () => {
    const result = runScript('scripts/test-tools.ts', [], {
      env: { CHROMIUM_PATH: '/nowhere/chrome', JAVA: '/nowhere/java' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      '✗ npm test cannot start: the browser tests need Chromium and the HTML checker needs Java 17+.',
      '  Chromium: CHROMIUM_PATH is set to /nowhere/chrome, which is not an executable file.',
      '  Java: JAVA is set to /nowhere/java, which is not an executable file.',
      '  Point CHROMIUM_PATH at a Chromium or Chrome executable, or unset it to let the tests look in the usual places.',
      '  Point JAVA at a Java 17+ executable, or unset it to let the tests look in the usual places.',
    ]);
  });
});

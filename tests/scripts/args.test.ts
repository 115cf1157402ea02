import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argumentProblem, usage } from '../../scripts/lib/args.ts';
import { copyProject, runScript } from '../helpers/project.ts';
import { parseArgs } from 'node:util';

const spec = {
  command: 'npm run email --',
  operands: '<article>…',
  options: {
    all: { type: 'boolean', help: 'every issue' },
    out: { type: 'string', value: 'DIR', default: 'email', help: 'where to write' },
  },
} as const;

/** parseArgs's own error for these arguments. */
const parseError = (args: string[], positionals = true) => {
  try {
    parseArgs({
      args,
      options: { all: { type: 'boolean' }, out: { type: 'string' } },
      allowPositionals: positionals,
      strict: true,
    });
  } catch (e) {
    return e;
  }
  throw new Error('no error');
};

describe('script arguments', () => {
  it('writes a usage line with every option, then what each does', () => {
    expect(usage(spec)).toBe(
      'Usage: npm run email -- <article>… [--all] [--out DIR]\n  --all      every issue\n  --out DIR  where to write (default: email)',
    );
  });

  it("says what is wrong in its own words, never the parser's advice", () => {
    expect(argumentProblem(parseError(['--al']), ['all', 'out'], true)).toBe(
      'Unknown option --al. Did you mean --all?',
    );
    expect(argumentProblem(parseError(['--allow-placeholder-url']), ['all', 'out'], true)).toBe(
      'Unknown option --allow-placeholder-url.',
    );
    expect(argumentProblem(parseError(['--out']), ['all', 'out'], true)).toBe('--out needs a value after it.');
    expect(argumentProblem(parseError(['--all=yes']), ['all', 'out'], true)).toBe('--all takes no value.');
    expect(argumentProblem(parseError(['stray'], false), ['all', 'out'], false)).toBe(
      'Unexpected argument "stray": this command takes options only.',
    );
    expect(argumentProblem(new Error('something else'), [], true)).toBeUndefined();
  });

  // Each script, given an option it does not know: exit 2, one line naming it, and its usage listing its options.
  it.each([
    ['scripts/build.ts', 'npm run build --', ['--out DIR', '--offline', '--allow-placeholder-url']],
    ['scripts/check.ts', 'npm run check --', ['--content-only', '--strict', '--offline', '--since REF|FILE']],
    ['scripts/new.ts', 'npm run new --', ['--slug SLUG', '--date YYYY-MM-DD']],
    [
      'scripts/email.ts',
      'npm run email --',
      ['--all', '--no-build', '--out DIR', '--dist DIR', '--allow-placeholder-url'],
    ],
    ['scripts/send.ts', 'npm run send --', ['--no-build', '--dist DIR', '--allow-placeholder-url']],
    [
      'scripts/pull-figures.ts',
      'npm run figures --',
      ['--offline', '--strict', '--watch', '--summary', '--dir DIR', '--out DIR'],
    ],
    ['scripts/dev.ts', 'npm run dev --', ['--port N', '--host', '--open']],
    ['scripts/lint.ts', 'npm run lint --', ['--no-generate']],
    ['scripts/bench.ts', 'npm run bench --', ['--articles N[,N…]', '--runs R', '--no-lighthouse', '--cold-only']],
    ['scripts/test-tools.ts', 'node scripts/test-tools.ts', []],
  ])('%s refuses an unknown option with its usage', { timeout: 30_000 }, (script, command, options) => {
    const r = runScript(script, ['--no-such-option']);
    expect(r.status).toBe(2);
    const [first, usageLine] = r.stderr.split('\n');
    expect(first).toBe('✗ Unknown option --no-such-option.');
    expect(usageLine).toMatch(new RegExp(`^Usage: ${command.replace(/[|[\]]/g, '\\$&')}`));
    for (const o of options) expect(usageLine).toContain(`[${o}]`);
    expect(r.stderr).not.toMatch(/place it at the end|positional argument/);
  });

  it('--help prints the usage and exits 0', { timeout: 30_000 }, () => {
    const r = runScript('scripts/email.ts', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run email -- <article slug or file>… \[--all\]/);
    expect(r.stdout).toContain('--allow-placeholder-url');
  });
});

describe('--allow-placeholder-url in npm run email and npm run send', { timeout: 60_000 }, () => {
  it('email passes it to the build it runs', () => {
    const dir = copyProject();
    // A stand-in build that records what it was given, then fails (nothing to copy).
    writeFileSync(
      join(dir, 'scripts', 'build.ts'),
      "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('../build-args.json', import.meta.url), JSON.stringify(process.argv.slice(2)));\nprocess.exit(3);\n",
    );
    const r = runScript('scripts/email.ts', ['tokens-versus-revenue', '--allow-placeholder-url'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, 'build-args.json'), 'utf8'))).toEqual([
      '--out',
      join(dir, 'dist'),
      '--allow-placeholder-url',
    ]);
  });

  it('send accepts it, and still refuses to send with the placeholder address, saying why', () => {
    const r = runScript('scripts/send.ts', ['bytedance-200-billion-ai-bet', '--allow-placeholder-url', '--no-build'], {
      env: { SITE_URL: 'https://ai-frontier.example.com', BUILD_DATE: '2026-06-01', BUTTONDOWN_API_KEY: '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('The site address is https://ai-frontier.example.com, a placeholder');
    expect(r.stderr).toContain('--allow-placeholder-url is for local previews (npm run build, npm run email)');
    expect(r.stderr).not.toContain('Unknown option');
  });
});

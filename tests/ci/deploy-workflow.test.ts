/**
 * The GitHub Pages workflow (.github/workflows/deploy.yml), checked offline: the workflow schema through
 * @action-validator/cli (which is shown rejecting broken copies), least privilege (leastPrivilegeProblems,
 * shown rejecting copies that grant too much), and what README "Publishing" promises of it: when it runs,
 * what it caches, that it checks content, builds with the site address and deploys with the official
 * Pages actions.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/project.ts';

const workflowFile = join(projectRoot, '.github', 'workflows', 'deploy.yml');
const source = readFileSync(workflowFile, 'utf8');
const cli = join(dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')), 'cli.mjs');

function validate(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function validateText(text: string): { status: number | null; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'aif-workflow-')), 'deploy.yml');
  writeFileSync(file, text);
  return validate(file);
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  steps: Step[];
  environment?: { name: string };
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  outputs?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = parse(source) as Workflow;

/** What each job may have, at most: reading the Pages address, reading the repository, deploying. */
const ALLOWED: Record<string, Record<string, string>> = {
  'pages-address': { pages: 'read' },
  build: { contents: 'read' },
  deploy: { pages: 'write', 'id-token': 'write' },
};

/**
 * Everything in a workflow's text that is not least privilege: permissions granted to the whole workflow or
 * beyond what a job needs (the build job runs npm install scripts and the articles' MDX), a job without its
 * own permissions or a time limit, a checkout that leaves its token in .git/config, an action not pinned to
 * a full commit SHA with its release in a comment.
 */
function leastPrivilegeProblems(text: string): string[] {
  const wf = parse(text) as Workflow;
  const problems: string[] = [];
  if (wf.permissions && Object.keys(wf.permissions).length > 0)
    problems.push(`the workflow grants ${JSON.stringify(wf.permissions)} to every job`);
  for (const [name, job] of Object.entries(wf.jobs)) {
    if (!job.permissions) problems.push(`${name}: no permissions of its own`);
    for (const [scope, level] of Object.entries(job.permissions ?? {})) {
      const allowed = ALLOWED[name]?.[scope];
      if (allowed !== level && !(allowed === 'write' && level === 'read'))
        problems.push(`${name}: ${scope}: ${level} is more than it needs`);
    }
    if (typeof job['timeout-minutes'] !== 'number') problems.push(`${name}: no timeout-minutes`);
    for (const step of job.steps) {
      if (step.uses?.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false)
        problems.push(`${name}: checkout keeps its token in .git/config (persist-credentials: false)`);
    }
  }
  for (const line of text.split('\n').filter((l) => /^\s*(?:-\s+)?uses:/.test(l))) {
    if (!/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line.trim().replace(/^-\s+/, '')))
      problems.push(`not pinned to a commit SHA with its release in a comment: ${line.trim()}`);
  }
  return problems;
}
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const uses = (action: string) => steps.find((s) => s.uses?.split('@')[0] === action);
const runIndex = (command: string) => workflow.jobs.build!.steps.findIndex((s) => s.run?.trim() === command);

// The schema checks run the validator once per workflow text (a fraction of a second each).
describe('deploy workflow', { timeout: 60_000 }, () => {
  it('passes the workflow schema check', () => {
    const r = validate(workflowFile);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('the check rejects broken workflows (a misspelt trigger, a job without runs-on, an unknown job in needs)', () => {
    const broken = [
      source.replace('  workflow_dispatch:\n', '  workflow_dispach:\n'),
      source.replace(/ {4}runs-on: ubuntu-latest\n {4}timeout-minutes: 30/, '    timeout-minutes: 30'),
      source.replace('needs: build', 'needs: biuld'),
    ];
    for (const text of broken) {
      expect(text).not.toBe(source);
      const r = validateText(text);
      expect(r.status).toBe(1);
      expect(r.output).toMatch(/"errors"/);
    }
  });

  it('runs on every push to main, every day and on demand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    const [schedule] = workflow.on.schedule as Array<{ cron: string }>;
    // minute hour day-of-month month day-of-week: a fixed time on every day.
    expect(schedule!.cron.split(' ')).toEqual([
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      '*',
      '*',
      '*',
    ]);
  });

  it('restores and saves the build cache (charts, social cards, remote figures) between runs', () => {
    const cache = uses('actions/cache');
    expect(cache, 'an actions/cache step').toBeDefined();
    const paths = String(cache!.with!.path)
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    expect(paths).toContain('.cache/');
    // Where scripts/pull-figures.ts keeps remote sources (its default --out and remote-cache/).
    expect(readFileSync(join(projectRoot, 'scripts/pull-figures.ts'), 'utf8')).toMatch(
      /out: \{[^}]*default: 'src\/generated'[^}]*\}[\s\S]*join\(out, 'remote-cache'\)/,
    );
    expect(paths).toContain('src/generated/remote-cache/');
    // A key unique to the run (so every run saves) restored from the newest earlier one by prefix.
    expect(String(cache!.with!.key)).toContain('${{ github.run_id }}');
    expect(String(cache!.with!.key).startsWith(String(cache!.with!['restore-keys']))).toBe(true);
  });

  it('installs, pulls figures, checks content, then builds with the site address', () => {
    const order = ['npm ci --no-audit --no-fund', 'npm run figures', 'npm run check', 'npm run build'].map(runIndex);
    expect(
      order.every((i) => i >= 0),
      `steps found at ${order.join(', ')}`,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const scripts = (
      JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ['figures', 'check', 'build']) expect(scripts[name], `npm run ${name}`).toBeDefined();
    const build = workflow.jobs.build!.steps[runIndex('npm run build')]!;
    expect(build.env?.SITE_URL).toBe('${{ vars.SITE_URL || needs.pages-address.outputs.base_url }}');
    expect(uses('actions/configure-pages')?.id).toBe('pages');
    expect(workflow.jobs['pages-address']!.outputs?.base_url).toBe('${{ steps.pages.outputs.base_url }}');
    expect(workflow.jobs.build!.needs).toBe('pages-address');
    // The production build is not allowed the placeholder address.
    expect(source).not.toMatch(/allow-placeholder-url|ALLOW_PLACEHOLDER_URL/);
  });

  it('deploys dist/ to GitHub Pages with the official actions', () => {
    expect(uses('actions/upload-pages-artifact')?.with?.path).toBe('dist/');
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    for (const s of steps.filter((s) => s.uses)) expect(s.uses, 'official actions only').toMatch(/^actions\/[a-z-]+@/);
  });

  it('is least privilege: per-job permissions (the build job reads the repository, nothing more), no stored token, pinned actions, time limits', () => {
    expect(leastPrivilegeProblems(source)).toEqual([]);
    expect(workflow.permissions ?? {}).toEqual({});
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs['pages-address']!.permissions).toEqual({ pages: 'read' });
    expect(uses('actions/checkout')?.with?.['persist-credentials']).toBe(false);
  });

  it('the least-privilege check rejects a workflow that grants too much, keeps a token, pins to a tag or runs without a limit', () => {
    const build =
      '  build:\n    needs: pages-address\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    permissions:\n      contents: read\n';
    expect(source).toContain(build);
    const worse: Array<[string, string, RegExp]> = [
      [
        'the build job mints identity tokens',
        source.replace(build, `${build}      id-token: write\n`),
        /build: id-token: write is more than it needs/,
      ],
      ['the build job deploys', source.replace(build, `${build}      pages: write\n`), /build: pages: write/],
      [
        'the build job writes the repository',
        source.replace(build, build.replace('contents: read', 'contents: write')),
        /build: contents: write/,
      ],
      [
        'the workflow grants to all',
        source.replace('permissions: {}\n', 'permissions:\n  contents: read\n  id-token: write\n'),
        /grants .* to every job/,
      ],
      [
        'a job without permissions',
        source.replace(build, build.replace('    permissions:\n      contents: read\n', '')),
        /build: no permissions of its own/,
      ],
      [
        'the checkout keeps its token',
        source.replace('          persist-credentials: false\n', '          fetch-depth: 1\n'),
        /persist-credentials/,
      ],
      [
        'an action at a tag',
        source.replace(/actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v5'),
        /not pinned .*actions\/checkout@v5/,
      ],
      [
        'a SHA without its release',
        source.replace(/(actions\/cache@[0-9a-f]{40}) # v[\d.]+/, '$1'),
        /not pinned .*actions\/cache/,
      ],
      ['a job without a time limit', source.replace('    timeout-minutes: 10\n', ''), /deploy: no timeout-minutes/],
    ];
    for (const [what, text, expected] of worse) {
      expect(text, what).not.toBe(source);
      // Still a valid workflow for the schema: only the policy catches it.
      expect(validateText(text).status, what).toBe(0);
      expect(leastPrivilegeProblems(text).join('\n'), what).toMatch(expected);
    }
  });
});

/**
 * The GitHub Pages workflow (.github/workflows/deploy.yml), checked offline: the workflow schema through
 * @action-validator/cli (which is shown rejecting broken copies), and what README "Publishing" promises
 * of it: when it runs, what it caches, that it checks content, builds with the site address and deploys
 * with the official Pages actions.
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
}
const workflow = parse(source) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const uses = (action: string) => steps.find((s) => s.uses?.split('@')[0] === action);
const runIndex = (command: string) => workflow.jobs.build!.steps.findIndex((s) => s.run?.trim() === command);

describe('deploy workflow', () => {
  it('passes the workflow schema check', () => {
    const r = validate(workflowFile);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('the check rejects broken workflows (a misspelt trigger, a job without runs-on, an unknown job in needs)', () => {
    const broken = [
      source.replace('  workflow_dispatch:\n', '  workflow_dispach:\n'),
      source.replace(/ {4}runs-on: ubuntu-latest\n {4}timeout-minutes/, '    timeout-minutes'),
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
    expect(build.env?.SITE_URL).toBe('${{ vars.SITE_URL || steps.pages.outputs.base_url }}');
    expect(uses('actions/configure-pages')?.id).toBe('pages');
    // The production build is not allowed the placeholder address.
    expect(source).not.toMatch(/allow-placeholder-url|ALLOW_PLACEHOLDER_URL/);
  });

  it('deploys dist/ to GitHub Pages with the official actions and only the permissions they need', () => {
    expect(uses('actions/upload-pages-artifact')?.with?.path).toBe('dist/');
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    for (const s of steps.filter((s) => s.uses))
      expect(s.uses, 'official actions at a major version').toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});

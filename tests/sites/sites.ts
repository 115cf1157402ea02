/**
 * The built sites the tests read. Scenarios that do not interfere share one build instead of paying for one
 * each: every site is built at most once per run, all side by side, by the first project's global setup to
 * run (buildSitesForRun: the sites the run's projects read).
 *
 * - `main` (.cache/test-dist): the project as it is. The build tests, the gates and the browser tests read it.
 * - `production`: a production build (a real site address, no newsletter editions) of a copy holding the
 *   publishing rules' draft, future-dated and ordinary articles, the kitchen-sink draft published, an article
 *   scaffolded with `npm run new` and published beside one left a draft, and docs/authoring.md's examples as
 *   one article. Read by publishing, kitchen-sink, scaffold, authoring-docs and site-address, and copied and
 *   built again by cache-trust (its clean build) and living-figures; the browser tests audit its kitchen-sink article
 *   and the HTML checker (tests/gates/html.test.ts) checks it.
 * - `editions`: newsletter editions of hostile text, merge tags (one pulled from a sheet served on 127.0.0.1
 *   while it builds) and an issue too long for an inbox, built twice: without leave to pass Gmail's clipping
 *   limit (that build stops) and with it. Read by hostile, email-merge-tags and email-size.
 * - `repo`: the project built for a GitHub Pages project site, under /repo/. Read by the build and the browser
 *   tests of site-base, and by the HTML checker.
 *
 * Each site keeps, beside it in .cache/test-sites/, a record of its builds (arguments, environment, exit status
 * and output), so a test can read what a build printed; a site whose build failed fails only the tests that
 * read it, with that output.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TestProject } from 'vitest/node';
import { copyProject, projectRoot, runScript, runScriptAsync, testDist } from '../helpers/project.ts';
import { writeGuideArticle } from './authoring-guide.ts';
import { writeHostile } from './hostile.ts';
import { writeLongIssue } from './long-issue.ts';
import { serveSheet, writeMergeTags } from './merge-tags.ts';
import { writePublishingArticles } from './publishing.ts';

export type SiteName = 'main' | 'production' | 'editions' | 'repo';
export const SITE_NAMES: readonly SiteName[] = ['main', 'production', 'editions', 'repo'];

export interface BuildRecord {
  /** `node scripts/build.ts` arguments and the variables set over the test run's environment. */
  args: string[];
  env: Record<string, string>;
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface TestSite {
  name: SiteName;
  /** The folder built from: the project itself (main) or a copy of it. */
  project: string;
  dist: string;
  /** Every build of the run, in order; the last one made `dist`. */
  builds: BuildRecord[];
  /** What the site's preparation made that tests look for (scaffolded files). */
  notes: Record<string, string>;
}

const SITES_DIR = join(projectRoot, '.cache', 'test-sites');
const recordFile = (name: SiteName) => join(SITES_DIR, `${name}.json`);
const projectOf = (name: SiteName) => (name === 'main' ? projectRoot : join(SITES_DIR, name));
const distOf = (name: SiteName) => (name === 'main' ? testDist : join(projectOf(name), 'dist'));

/** Titles `npm run new` scaffolds in the production site: the first is published, the second stays a draft. */
export const SCAFFOLDED = { published: 'Which chips the new rules cover', draft: 'A draft left as scaffolded' };

interface Preparation {
  /** Variables only known once prepared (a free port). */
  env?: Record<string, string>;
  notes?: Record<string, string>;
  /** Called after the site's last build. */
  done?: () => Promise<void>;
}

interface Recipe {
  prepare: (dir: string) => Preparation | Promise<Preparation>;
  builds: Array<{ args: string[]; env: Record<string, string> }>;
}

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

const EDITIONS_ENV = {
  BUILD_DATE: '2026-11-24T00:00:00Z',
  EMAIL_EDITIONS: 'hostile,merge-tags,very-long',
  NEWSLETTER_SERVICE: 'generic',
};

/** Each production-like build below switches off the test run's own leave to use the placeholder address. */
const PRODUCTION = { ALLOW_PLACEHOLDER_URL: '' };

const RECIPES: Record<SiteName, Recipe> = {
  main: {
    // The sign-up forms post to a free port on 127.0.0.1, where tests/e2e/reader.test.ts listens (it reads the
    // address back from the built form).
    prepare: async () => ({ env: { NEWSLETTER_SIGNUP: `http://127.0.0.1:${await freePort()}/subscribe` } }),
    builds: [
      {
        // A local preview's build: the placeholder address, allowed by the flag (tests/build/site-address.test.ts).
        args: ['--out', testDist, '--allow-placeholder-url'],
        env: {
          ...PRODUCTION,
          BUILD_DATE: '2026-11-24T12:00:00Z',
          NEWSLETTER_SERVICE: 'generic',
          // Every issue's newsletter edition stays in the output (a plain build publishes none).
          EMAIL_EDITIONS: 'all',
          SITE_CONTACT: 'letters@ai-frontier.example.com',
        },
      },
    ],
  },
  production: {
    prepare: (dir) => {
      copyProject(dir);
      writePublishingArticles(dir);
      writeGuideArticle(dir);
      const sink = join(dir, 'content/articles/2026-01-01-kitchen-sink.mdx');
      writeFileSync(sink, readFileSync(sink, 'utf8').replace('draft: true', 'draft: false'));
      // Scaffolded last, so each takes the next free issue number.
      const notes: Record<string, string> = {};
      for (const [key, title] of Object.entries(SCAFFOLDED)) {
        const made = runScript('scripts/new.ts', [title], {
          cwd: dir,
          env: { AIF_ROOT: dir, BUILD_DATE: '2026-12-01T09:00:00Z' },
        });
        const file = /Created (\S+\.mdx)/.exec(made.stdout)?.[1];
        if (made.status !== 0 || !file) throw new Error(`npm run new "${title}" failed:\n${made.stdout}${made.stderr}`);
        notes[key] = file;
      }
      const published = join(dir, notes.published!);
      writeFileSync(published, readFileSync(published, 'utf8').replace('draft: true', 'draft: false'));
      return { notes };
    },
    builds: [
      {
        args: ['--offline'],
        env: { ...PRODUCTION, SITE_URL: 'https://frontier-column.org', BUILD_DATE: '2026-12-01T12:00:00Z' },
      },
    ],
  },
  editions: {
    prepare: async (dir) => {
      copyProject(dir);
      writeHostile(dir);
      writeLongIssue(dir);
      const sheet = await serveSheet();
      writeMergeTags(dir, sheet.url);
      return { done: sheet.close };
    },
    builds: [
      // Stops: the very long issue's edition is past Gmail's 102 KB (tests/build/email-size.test.ts).
      { args: [], env: EDITIONS_ENV },
      { args: ['--allow-large-edition'], env: EDITIONS_ENV },
    ],
  },
  repo: {
    prepare: (dir) => {
      copyProject(dir);
      return {};
    },
    builds: [
      {
        args: ['--offline'],
        env: {
          SITE_URL: 'https://user.github.io/repo/',
          BUILD_DATE: '2026-11-24T12:00:00Z',
          EMAIL_EDITIONS: 'all',
          SITE_CONTACT: 'letters@example.org',
        },
      },
    ],
  },
};

/** Whether the site was built in this run (its record is newer than the Vitest process, where global setups run). */
function builtThisRun(name: SiteName): boolean {
  const file = recordFile(name);
  return existsSync(file) && statSync(file).mtimeMs >= performance.timeOrigin;
}

async function buildSite(name: SiteName, prepared: Preparation): Promise<TestSite> {
  const builds: BuildRecord[] = [];
  try {
    for (const build of RECIPES[name].builds) {
      const env = { ...build.env, ...prepared.env };
      const r = await runScriptAsync('scripts/build.ts', build.args, { cwd: projectOf(name), env });
      builds.push({ args: build.args, env, status: r.status, stdout: r.stdout, stderr: r.stderr });
    }
  } finally {
    await prepared.done?.();
  }
  const site: TestSite = { name, project: projectOf(name), dist: distOf(name), builds, notes: prepared.notes ?? {} };
  writeFileSync(recordFile(name), JSON.stringify(site, null, 1));
  return site;
}

/**
 * Build the named sites not yet built in this run, side by side. Every copy is made first, so none reads the
 * project while the main build writes its generated files. The main site failing stops the run (every project
 * reads it); another failing fails the tests that read it.
 */
export async function buildSites(names: readonly SiteName[]): Promise<void> {
  const todo = names.filter((n) => !builtThisRun(n));
  if (todo.length === 0) return;
  mkdirSync(SITES_DIR, { recursive: true });
  if (todo.includes('main')) rmSync(testDist, { recursive: true, force: true });
  const started = performance.now();
  const prepared: Preparation[] = [];
  for (const name of todo) prepared.push(await RECIPES[name].prepare(projectOf(name)));
  const sites = await Promise.all(todo.map((name, i) => buildSite(name, prepared[i]!)));
  const main = sites.find((s) => s.name === 'main');
  if (main && main.builds.at(-1)!.status !== 0) {
    const last = main.builds.at(-1)!;
    throw new Error(`Site build failed:\n${last.stdout}\n${last.stderr}`);
  }
  const count = sites.reduce((n, s) => n + s.builds.length, 0);
  console.log(
    `Test sites: ${todo.join(', ')}, ${count} builds side by side in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The sites each project's tests read (by project name: tests/vitest.config.ts). */
const SITES_READ_BY: Record<string, readonly SiteName[]> = {
  build: SITE_NAMES,
  gates: ['main', 'repo', 'production'],
  e2e: ['main', 'repo', 'production'],
};

/**
 * Build, side by side, every site read by a project of this run. Global setups run one after another, so the
 * first to run builds them all at once (four builds overlap well: much of a build waits on one core) and the
 * others find them built; a run of one project (`--project gates`) builds only what it reads.
 */
export async function buildSitesForRun(project: TestProject): Promise<void> {
  const read = new Set(project.vitest.projects.flatMap((p) => SITES_READ_BY[p.name] ?? []));
  await buildSites(SITE_NAMES.filter((name) => read.has(name)));
}

/** A site built in this run, failing with its build's output when that build failed. */
export function testSite(name: SiteName): TestSite {
  const file = recordFile(name);
  if (!existsSync(file))
    throw new Error(`The test site "${name}" was not built: tests/sites/sites.ts builds it in a global setup.`);
  const site = JSON.parse(readFileSync(file, 'utf8')) as TestSite;
  const last = site.builds.at(-1)!;
  if (last.status !== 0)
    throw new Error(
      `The test site "${name}" did not build (node scripts/build.ts ${last.args.join(' ')}):\n${last.stdout}\n${last.stderr}`,
    );
  return site;
}

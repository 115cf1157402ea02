/**
 * `npm run email -- <article>` (or `--all`): the newsletter edition of an
 * issue, ready to paste or upload into any newsletter service. Builds the
 * site (unless --no-build) with the wanted editions added to the ones every
 * build makes (the newest issues), then copies the HTML and plain-text parts
 * from dist/newsletter/ into email/.
 *
 * <article> is a slug (`tokens-versus-revenue`) or a file path
 * (`content/articles/2025-10-27-tokens-versus-revenue.mdx`). Each edition is
 * checked against Gmail's clipping limit (a warning past 90 KB, a stop past
 * 102 KB unless --allow-large-edition) and its subject against what phones show.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugFromFileName } from '../src/lib/slug.ts';
import { formatSeconds } from './lib/progress-format.ts';
import { readArgs, usage } from './lib/args.ts';
import { ALLOW_LARGE } from './lib/editions.ts';
import { checkEditionSize } from '../src/lib/email/size-guard.ts';
import { subjectWarning } from '../src/lib/email/email-html.ts';
import { unescapeXml } from '../src/lib/html/escape.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const command = {
  command: 'npm run email --',
  operands: '<article slug or file>…',
  options: {
    all: { type: 'boolean', help: 'every published issue instead of the ones named' },
    'no-build': { type: 'boolean', help: 'use the last build in --dist instead of building' },
    out: { type: 'string', value: 'DIR', default: 'email', help: 'where the .html and .txt parts go' },
    dist: { type: 'string', value: 'DIR', default: 'dist', help: 'the built site to take them from' },
    'allow-placeholder-url': {
      type: 'boolean',
      help: 'build with the placeholder site address (a local look; links in the edition point nowhere)',
    },
    'allow-large-edition': {
      type: 'boolean',
      help: "go on when an edition passes Gmail's 102 KB clipping limit (or ALLOW_LARGE_EDITION=1)",
    },
  },
} as const;
const { values: opts, positionals: wanted } = readArgs(command);
const all = opts.all === true;
const noBuild = opts['no-build'] === true;
const allowLarge = opts['allow-large-edition'] === true || process.env.ALLOW_LARGE_EDITION === '1';
const outDir = resolve(root, opts.out);
const dist = resolve(root, opts.dist);

if (!all && wanted.length === 0) {
  console.error(`✗ Name an article, or give --all.\n${usage(command)}`);
  process.exit(2);
}

const wantedSlugs = wanted.map((w) =>
  w.endsWith('.mdx') ? slugFromFileName(w) : w.replace(/\/$/, '').replace(/^.*\//, ''),
);

if (!noBuild) {
  const env = { ...process.env, EMAIL_EDITIONS: all ? 'all' : wantedSlugs.join(',') };
  const buildArgs = [
    join(root, 'scripts', 'build.ts'),
    '--out',
    dist,
    ...(allowLarge ? ['--allow-large-edition'] : []),
    ...(opts['allow-placeholder-url'] === true ? ['--allow-placeholder-url'] : []),
  ];
  const build = spawnSync(process.execPath, buildArgs, {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const editions = join(dist, 'newsletter');
const available = existsSync(editions)
  ? readdirSync(editions)
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.slice(0, -5))
  : [];
const slugs = all ? available : wantedSlugs;

mkdirSync(outDir, { recursive: true });
let failed = false;
let copied = 0;
const started = performance.now();
// One line per edition for a few; a count for the whole archive.
const listEach = slugs.length <= 10;
for (const slug of slugs) {
  if (!available.includes(slug)) {
    const hint = noBuild
      ? ` A build makes editions of the newest issues only; run without --no-build to make this one.`
      : '';
    console.error(
      `✗ No published article "${slug}". Drafts and future-dated articles have no edition yet.${hint} Editions in ${dist.replace(root + '/', '')}/newsletter/: ${available.join(', ') || 'none'}.`,
    );
    failed = true;
    continue;
  }
  const html = readFileSync(join(editions, `${slug}.html`), 'utf8');
  // The build checked the size already; an edition taken from an earlier build is checked here.
  const size = checkEditionSize(`${slug}.html`, html, ALLOW_LARGE);
  if (noBuild && size.verdict !== 'ok')
    console.error(`${size.verdict === 'stop' && !allowLarge ? '✗' : '⚠'} ${size.message}`);
  if (noBuild && size.verdict === 'stop' && !allowLarge) {
    failed = true;
    continue;
  }
  const subject = unescapeXml(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
  const long = subjectWarning(subject);
  if (long) console.error(`⚠ ${slug}: ${long}`);
  for (const ext of ['html', 'txt']) copyFileSync(join(editions, `${slug}.${ext}`), join(outDir, `${slug}.${ext}`));
  copied++;
  if (listEach) console.log(`✓ ${join(outDir, slug)}.html and .txt`);
}
if (!listEach)
  console.log(
    `✓ ${copied} editions (.html and .txt) in ${outDir.replace(root + '/', '')}/ in ${formatSeconds(performance.now() - started)}`,
  );
process.exit(failed ? 1 : 0);

/**
 * `npm run send -- <article>`: put an issue's newsletter edition into the
 * configured email service. With Buttondown it creates a draft through the
 * API (key from BUTTONDOWN_API_KEY, never from the repository) for you to
 * review and send there; with the other presets it prints the upload steps.
 * Refuses drafts, future-dated articles and the placeholder site address.
 *
 * <article> is a slug or a file path. Options: --no-build (use the existing
 * dist/), --dist <dir>.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugFromFileName } from '../src/lib/slug.ts';
import { validateFrontmatter } from '../src/lib/content/frontmatter.ts';
import { buildNow } from '../src/lib/build/build-env.ts';
import { presetFor } from '../src/lib/email/presets.ts';
import { createButtondownDraft, refusal, SendError } from '../src/lib/email/send.ts';
import { editionSubject } from '../src/lib/email/email-html.ts';
import { site } from '../src/site.config.ts';
import { readArgs, usage } from './lib/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const command = {
  command: 'npm run send --',
  operands: '<article slug or file>',
  options: {
    'no-build': { type: 'boolean', help: 'use the last build in --dist instead of building' },
    dist: { type: 'string', value: 'DIR', default: 'dist', help: 'the built site to take the edition from' },
    'allow-placeholder-url': {
      type: 'boolean',
      help: 'accepted as npm run build and npm run email take it, but an edition is never sent with the placeholder address',
    },
  },
} as const;
const { values: opts, positionals: wanted } = readArgs(command);
const dist = resolve(root, opts.dist);

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

if (wanted.length !== 1) {
  console.error(`✗ Name one article (one issue at a time).\n${usage(command)}`);
  process.exit(2);
}

const slug = wanted[0]!.endsWith('.mdx')
  ? slugFromFileName(wanted[0]!)
  : wanted[0]!.replace(/\/$/, '').replace(/^.*\//, '');
const articlesDir = join(root, 'content', 'articles');
const file = readdirSync(articlesDir).find((f) => f.endsWith('.mdx') && slugFromFileName(f) === slug);
if (!file) fail(`No article "${slug}" in content/articles/.`);
const path = join(articlesDir, file);
const { data, errors } = validateFrontmatter(relative(root, path), readFileSync(path, 'utf8'));
if (!data)
  fail(
    `${relative(root, path)} has frontmatter errors; run npm run check.\n${errors.map((e) => e.message).join('\n')}`,
  );

const why = refusal(
  { slug, title: data.title, summary: data.summary, published: data.published, draft: data.draft },
  site.url,
  buildNow(),
);
if (why)
  fail(
    opts['allow-placeholder-url'] === true && /placeholder/.test(why)
      ? `${why}\n  --allow-placeholder-url is for local previews (npm run build, npm run email); an edition goes to real readers, so send needs the real address.`
      : why,
  );

if (opts['no-build'] !== true) {
  // A build makes editions of the newest issues only; EMAIL_EDITIONS asks it for this one too.
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts'), '--out', dist], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, EMAIL_EDITIONS: slug },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const htmlFile = join(dist, 'newsletter', `${slug}.html`);
const textFile = join(dist, 'newsletter', `${slug}.txt`);
if (!existsSync(htmlFile)) fail(`${relative(root, htmlFile)} is missing; build the site first (npm run build).`);

const service = site.newsletter.service as string;
const preset = (() => {
  try {
    return presetFor(service);
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const subject = editionSubject(data.issue, data.title);
const articleUrl = new URL(`/articles/${slug}/`, site.url).href;

if (service !== 'buttondown') {
  console.log(`${preset.label} has no API path here; upload the edition by hand:`);
  console.log(`  Subject:    ${subject}`);
  console.log(`  HTML part:  ${relative(root, htmlFile)}`);
  console.log(`  Text part:  ${relative(root, textFile)}`);
  console.log(`  Steps:      ${preset.upload}`);
  process.exit(0);
}

if (!site.newsletter.postalAddress.trim()) {
  console.warn(
    '⚠ newsletter.postalAddress is empty in src/site.config.ts, and Buttondown has no address merge tag: the edition carries no postal address, which anti-spam laws (CAN-SPAM, CASL) ask for. Set it before sending.',
  );
}

try {
  const { id } = await createButtondownDraft(
    { subject, html: readFileSync(htmlFile, 'utf8'), description: data.summary, canonicalUrl: articleUrl },
    { apiKey: process.env.BUTTONDOWN_API_KEY, baseUrl: process.env.BUTTONDOWN_API_URL },
  );
  console.log(
    `✓ Created a Buttondown draft "${subject}"${id ? ` (id ${id})` : ''}. Nothing was sent: open Buttondown → Emails → Drafts to review it and send it.`,
  );
} catch (error) {
  if (error instanceof SendError) fail(error.message);
  throw error;
}

/**
 * `npm run send -- <article>`: put an issue's newsletter edition into the
 * configured email service. With Buttondown it creates a draft through the
 * API (key from BUTTONDOWN_API_KEY, never from the repository) for you to
 * review and send there; with the other presets it prints the upload steps.
 * Refuses drafts, future-dated articles, the placeholder site address, a key
 * or API address that could not be used safely, and an edition Buttondown
 * would not send as it is. The build it runs gets no credentials (the key
 * stays in this process) and stops if this process is killed.
 *
 * <article> is a slug or a file path. Options: --no-build (use the existing
 * dist/), --dist <dir>, --allow-large-edition (send an edition past Gmail's
 * 102 KB clipping limit; it warns from 90 KB). BUTTONDOWN_API_URL (https only;
 * http for 127.0.0.1) and BUTTONDOWN_TIMEOUT_MS point it at another server or
 * wait longer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugFromFileName } from '../src/lib/slug.ts';
import { validateFrontmatter } from '../src/lib/content/frontmatter.ts';
import { buildNow, withoutSecrets } from '../src/lib/build/build-env.ts';
import { presetFor } from '../src/lib/email/presets.ts';
import {
  apiKeyProblem,
  apiUrlProblem,
  BUTTONDOWN_API,
  createButtondownDraft,
  DEFAULT_TIMEOUT_MS,
  nakedEditionProblem,
  refusal,
  SendError,
} from '../src/lib/email/send.ts';
import { editionSubject } from '../src/lib/email/email-html.ts';
import { checkEditionSize } from '../src/lib/email/size-guard.ts';
import { site } from '../src/site.config.ts';
import { readArgs, usage } from './lib/args.ts';
import { Reaper, runWatched } from './lib/reaper.ts';
import { ALLOW_LARGE } from './lib/editions.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const command = {
  command: 'npm run send --',
  operands: '<article slug or file>',
  options: {
    'no-build': { type: 'boolean', help: 'use the last build in --dist instead of building' },
    dist: { type: 'string', value: 'DIR', default: 'dist', help: 'the built site to take the edition from' },
    'allow-large-edition': {
      type: 'boolean',
      help: "send an edition past Gmail's 102 KB clipping limit (it warns from 90 KB)",
    },
    'allow-placeholder-url': {
      type: 'boolean',
      help: 'accepted as npm run build and npm run email take it, but an edition is never sent with the placeholder address',
    },
  },
} as const;
const { values: opts, positionals: wanted } = readArgs(command);
const dist = resolve(root, opts.dist);
const allowLarge = opts['allow-large-edition'] === true || process.env.ALLOW_LARGE_EDITION === '1';

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

const service = site.newsletter.service as string;
const apiKey = process.env.BUTTONDOWN_API_KEY;
const apiUrl = process.env.BUTTONDOWN_API_URL || BUTTONDOWN_API;
// Checked before a build, so a key that cannot be used does not cost one.
if (service === 'buttondown') {
  const problem = apiKeyProblem(apiKey) ?? apiUrlProblem(apiUrl);
  if (problem) fail(problem);
}

if (opts['no-build'] !== true) {
  // A build makes editions of the newest issues only; EMAIL_EDITIONS asks it for this one too. It gets no
  // credentials: an article's MDX runs in it and could print the key into the site and the edition.
  const status = await runWatched(
    new Reaper(),
    process.execPath,
    [join(root, 'scripts', 'build.ts'), '--out', dist, ...(allowLarge ? ['--allow-large-edition'] : [])],
    { cwd: root, env: { ...withoutSecrets(process.env), EMAIL_EDITIONS: slug } },
  );
  if (status !== 0) process.exit(status);
}
const htmlFile = join(dist, 'newsletter', `${slug}.html`);
const textFile = join(dist, 'newsletter', `${slug}.txt`);
if (!existsSync(htmlFile)) fail(`${relative(root, htmlFile)} is missing; build the site first (npm run build).`);
const html = readFileSync(htmlFile, 'utf8');
// Gmail clips past 102 KB, footer and unsubscribe link included (the build checks too; --no-build reads an older one).
const size = checkEditionSize(relative(root, htmlFile), html, ALLOW_LARGE);
if (size.verdict === 'stop' && !allowLarge) fail(size.message);
if (size.verdict !== 'ok') console.warn(`⚠ ${size.message}`);

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

const naked = nakedEditionProblem(html, relative(root, htmlFile));
if (naked) fail(naked);

try {
  const timeout = Number(process.env.BUTTONDOWN_TIMEOUT_MS);
  const { id, note } = await createButtondownDraft(
    { subject, html, description: data.summary, canonicalUrl: articleUrl },
    { apiKey, baseUrl: apiUrl, timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS },
  );
  console.log(
    `✓ Created a Buttondown draft "${subject}"${id ? ` (id ${id})` : ''}, as your own HTML (template "naked": no Buttondown header or footer; Buttondown writes the plain-text part from it). Nothing was sent: open Buttondown → Emails → Drafts to review it and send it.${note ? `\n  ${note}` : ''}`,
  );
} catch (error) {
  if (error instanceof SendError) fail(error.message);
  throw error;
}

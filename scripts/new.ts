/**
 * `npm run new -- "Title"`: create content/articles/<date>-<slug>.mdx with
 * complete frontmatter (the next issue number, the date, draft: true) and a
 * skeleton using the column's components. Refuses to overwrite a file.
 *
 * Options: --slug SLUG        the URL slug (default: the title's names, numbers and nouns, at most six words)
 *          --date YYYY-MM-DD  the publication date (default: today)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs, usage } from './lib/args.ts';
import { checkArticles } from '../src/lib/inputs/check-articles.ts';
import { nextIssueNumber, scaffoldArticle, scaffoldFileName, shortSlug } from '../src/lib/content/scaffold.ts';
import { slugify } from '../src/lib/slug.ts';

const root = resolve(process.env.AIF_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const command = {
  command: 'npm run new --',
  operands: '"Title of the article"',
  options: {
    slug: { type: 'string', value: 'SLUG', help: "the URL's last part (default: the title's main words)" },
    date: { type: 'string', value: 'YYYY-MM-DD', help: 'the publication date (default: today)' },
  },
} as const;
const { values, positionals } = readArgs(command);
const title = positionals.join(' ').trim();
if (!title) {
  console.error(`✗ Give the article's title.\n${usage(command)}`);
  process.exit(2);
}

const date =
  values.date ?? (process.env.BUILD_DATE ? new Date(process.env.BUILD_DATE) : new Date()).toISOString().slice(0, 10);
if (
  !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
  Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
  new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
) {
  console.error(`✗ --date ${date} is not a calendar date written as YYYY-MM-DD, e.g. --date 2026-03-02`);
  process.exit(2);
}
const slug = values.slug !== undefined ? slugify(values.slug) : shortSlug(title);
if (!slug) {
  console.error(
    `✗ No usable slug from ${JSON.stringify(values.slug ?? title)}; give one with --slug, e.g. --slug bytedance-capex`,
  );
  process.exit(2);
}

const day = new Date(`${date}T00:00:00Z`);
const { articles } = checkArticles(root);
const issue = nextIssueNumber(articles.flatMap((a) => (a.data ? [{ issue: a.data.issue, draft: a.data.draft }] : [])));
const taken = articles.find((a) => a.slug === slug);
if (taken) {
  console.error(`✗ The URL /articles/${slug}/ is already taken by ${taken.file}; choose another with --slug.`);
  process.exit(1);
}
const file = join(root, 'content', 'articles', scaffoldFileName(slug, day));
if (existsSync(file)) {
  console.error(`✗ ${relative(root, file)} already exists; choose another title or --slug, or edit that file.`);
  process.exit(1);
}
writeFileSync(file, scaffoldArticle({ title, today: day, nextIssue: issue }));
const shown = relative(process.cwd(), file) || file;
console.log(`✓ Created ${shown}
  Issue ${issue}, published ${date}, draft. It will be at /articles/${slug}/.

Next:
  1. npm run dev                 preview it at http://localhost:4321/articles/${slug}/ (drafts show there)
  2. Write it: replace the placeholder dek, summary, tags and sources; docs/authoring.md has the components.
  3. npm run check -- ${shown}   its mistakes, with file:line and a fix
  4. Set draft: false, then npm run build (the site's address must be set: docs/authoring.md, section 0).`);

/**
 * `npm run new -- "Title"`: create content/articles/<today>-<slug>.mdx with
 * complete frontmatter (next issue number, today's date, draft: true) and a
 * skeleton using the column's components. Refuses to overwrite a file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArticles } from '../src/lib/content/check-articles.ts';
import { nextIssueNumber, scaffoldArticle, scaffoldFileName } from '../src/lib/content/scaffold.ts';

const root = resolve(process.env.AIF_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const title = process.argv.slice(2).filter((a) => !a.startsWith('--')).join(' ').trim();
if (!title) {
  console.error('Usage: npm run new -- "Title of the article"');
  process.exit(2);
}
const today = process.env.BUILD_DATE ? new Date(process.env.BUILD_DATE) : new Date();
const { articles } = checkArticles(root);
const issues = articles.flatMap((a) => (a.data ? [a.data.issue] : []));
const file = join(root, 'content', 'articles', scaffoldFileName(title, today));
if (existsSync(file)) {
  console.error(`✗ ${relative(root, file)} already exists; choose another title or edit that file.`);
  process.exit(1);
}
writeFileSync(file, scaffoldArticle({ title, today, nextIssue: nextIssueNumber(issues) }));
console.log(`✓ Created ${relative(root, file)} (issue ${nextIssueNumber(issues)}, draft). Preview it with npm run dev; set draft: false to publish.`);

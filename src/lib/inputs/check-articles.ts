import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentError } from '../errors.ts';
import { slugFromFileName } from '../slug.ts';
import { validateFrontmatter } from '../content/frontmatter.ts';
import { nextIssueNumber } from '../content/scaffold.ts';
import type { ArticleData } from '../content/article-schema.ts';

export interface LoadedArticle {
  /** Path relative to the project root, as errors print it. */
  file: string;
  slug: string;
  text: string;
  data?: ArticleData;
}

export interface ArticleCheck {
  articles: LoadedArticle[];
  errors: ContentError[];
}

/** Read every article under `dir` and check what can be checked before Astro runs. */
export function checkArticles(root: string, dir = join(root, 'content', 'articles')): ArticleCheck {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const errors: ContentError[] = [];
  const articles: LoadedArticle[] = files.map((name) => {
    const file = relative(root, join(dir, name));
    const text = readFileSync(join(dir, name), 'utf8');
    const result = validateFrontmatter(file, text);
    errors.push(...result.errors);
    return { file, slug: slugFromFileName(name), text, data: result.data };
  });
  errors.push(...duplicates(articles));
  return { articles, errors };
}

function duplicates(articles: LoadedArticle[]): ContentError[] {
  const errors: ContentError[] = [];
  const seenSlug = new Map<string, LoadedArticle>();
  const seenIssue = new Map<number, LoadedArticle>();
  for (const a of articles) {
    const prior = seenSlug.get(a.slug);
    if (prior) {
      errors.push(
        new ContentError({
          file: a.file,
          line: 1,
          message: `The URL /articles/${a.slug}/ is already taken by ${prior.file}.`,
          fix: 'Rename one of the files: the URL comes from the file name without its date.',
        }),
      );
    } else seenSlug.set(a.slug, a);
    if (!a.data) continue;
    const other = seenIssue.get(a.data.issue);
    if (other) {
      errors.push(
        new ContentError({
          file: a.file,
          line: lineOfField(a.text, 'issue'),
          field: 'issue',
          message: `Issue number ${a.data.issue} is already used by ${other.file}.`,
          // The number `npm run new` would give: one after the highest published issue, skipping taken ones.
          fix: `Give this article the next free issue number (${nextIssueNumber(articles.flatMap((x) => (x.data ? [x.data] : [])))}), as npm run new does.`,
        }),
      );
    } else seenIssue.set(a.data.issue, a);
  }
  return errors;
}

/** 1-based line of a top-level frontmatter field, for messages. */
export function lineOfField(text: string, field: string): number {
  const index = text.split('\n').findIndex((l) => l.startsWith(`${field}:`));
  return index < 0 ? 1 : index + 1;
}

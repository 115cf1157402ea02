import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './project.ts';
import { slugFromFileName } from '../../src/lib/slug.ts';

export interface SourceArticle {
  file: string;
  slug: string;
  front: { title: string; dek: string; published: string; draft?: boolean; tags?: string[]; issue: number };
  body: string;
}

/** The articles in a project's content folder, read straight from disk (independent of the site code). */
export function sourceArticles(root = projectRoot): SourceArticle[] {
  const dir = join(root, 'content', 'articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const [, fm = '', body = ''] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
      return { file, slug: slugFromFileName(file), front: parse(fm) as SourceArticle['front'], body };
    });
}

/** Published articles (not drafts, not dated after `now`), newest first. */
export function publishedSourceArticles(now: Date, root = projectRoot): SourceArticle[] {
  return sourceArticles(root)
    .filter((a) => !a.front.draft && new Date(a.front.published) <= now)
    .sort((a, b) => new Date(b.front.published).getTime() - new Date(a.front.published).getTime());
}

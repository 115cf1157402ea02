import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isContentError, type ContentError } from '../errors.ts';
import { parseAuthors, type AuthorEntry } from '../site/authors.ts';

/** The project's authors file (none: no authors), or the mistake in it, for the content check. */
export function readAuthors(root: string): { authors: AuthorEntry[]; errors: ContentError[] } {
  const file = join(root, 'content', 'authors.yaml');
  if (!existsSync(file)) return { authors: [], errors: [] };
  try {
    return { authors: parseAuthors(readFileSync(file, 'utf8')), errors: [] };
  } catch (error) {
    if (!isContentError(error)) throw error;
    return { authors: [], errors: [error] };
  }
}

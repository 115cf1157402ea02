/**
 * Bylines and author pages. `content/authors.yaml` maps each name, exactly as articles write it
 * in `authors:`, to a bio; the author page lives at /authors/<slug of the name>/.
 */
import { parse } from 'yaml';
import { slugify } from '../slug.ts';

/** A type alias (not an interface), so it is the plain record Astro's file() loader expects. */
export type AuthorEntry = {
  id: string;
  name: string;
  bio: string;
  role?: string;
};

export function authorPath(name: string): string {
  return `/authors/${slugify(name)}/`;
}

/** Parse content/authors.yaml into entries keyed by slug; a mistake names the author and the fix. */
export function parseAuthors(text: string, file = 'content/authors.yaml'): AuthorEntry[] {
  const data: unknown = parse(text) ?? {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new Error(
      `${file}: expected a map of author names to { bio, role }\n  Fix: write each author as\n    Jane Doe:\n      bio: One or two sentences.`,
    );
  const seen = new Map<string, string>();
  return Object.entries(data as Record<string, unknown>).map(([name, value]) => {
    const v = (value ?? {}) as { bio?: unknown; role?: unknown };
    if (typeof v.bio !== 'string' || v.bio.trim() === '')
      throw new Error(
        `${file}: "${name}" has no bio\n  Fix: add a line under it:  bio: One or two sentences about ${name}.`,
      );
    const id = slugify(name);
    if (id === '')
      throw new Error(
        `${file}: "${name}" gives an empty page address\n  Fix: spell the name with at least one Latin letter or digit.`,
      );
    if (seen.has(id))
      throw new Error(
        `${file}: "${name}" and "${seen.get(id)}" would share the page ${authorPath(name)}\n  Fix: make the names differ in letters or digits.`,
      );
    seen.set(id, name);
    return { id, name, bio: v.bio.trim(), ...(typeof v.role === 'string' ? { role: v.role } : {}) };
  });
}

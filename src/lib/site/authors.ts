/**
 * Bylines and author pages. `content/authors.yaml` maps each name, exactly as articles write it
 * in `authors:`, to a bio; the author page lives at /authors/<slug of the name>/.
 */
import { ContentError } from '../errors.ts';
import { slugify } from '../slug.ts';
import { readYaml } from '../yaml-schema.ts';

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

/** A byline is a name: longer than this it is a mistake (and its page address would be too long for a file system). */
export const MAX_AUTHOR_NAME = 80;

/**
 * Parse content/authors.yaml into entries keyed by slug. A mistake throws a ContentError naming the
 * file, the line and the fix (the YAML reader refuses stray bytes and alias bombs the same way).
 */
export function parseAuthors(text: string, file = 'content/authors.yaml'): AuthorEntry[] {
  const yaml = readYaml(file, text);
  if (yaml.errors.length > 0) throw yaml.errors[0]!;
  const data: unknown = yaml.value ?? {};
  const fail = (name: string | undefined, message: string, fix: string): never => {
    throw new ContentError({ file, line: name === undefined ? 1 : yaml.lineOf([name]), message, fix });
  };
  if (typeof data !== 'object' || Array.isArray(data))
    fail(
      undefined,
      'Expected a map of author names to { bio, role }.',
      'Write each author as\n    Jane Doe:\n      bio: One or two sentences.',
    );
  const seen = new Map<string, string>();
  return Object.entries(data as Record<string, unknown>).map(([name, value]) => {
    const v = (value ?? {}) as { bio?: unknown; role?: unknown };
    if (name.length > MAX_AUTHOR_NAME)
      fail(
        name,
        `An author's name is ${name.length} characters long; a byline has at most ${MAX_AUTHOR_NAME}.`,
        'Write the name as articles print it in their byline.',
      );
    if (typeof v.bio !== 'string' || v.bio.trim() === '')
      fail(name, `"${name}" has no bio.`, `Add a line under it:  bio: One or two sentences about ${name}.`);
    const id = slugify(name);
    if (id === '')
      fail(name, `"${name}" gives an empty page address.`, 'Spell the name with at least one Latin letter or digit.');
    if (seen.has(id))
      fail(
        name,
        `"${name}" and "${seen.get(id)}" would share the page ${authorPath(name)}.`,
        'Make the names differ in letters or digits.',
      );
    seen.set(id, name);
    return { id, name, bio: (v.bio as string).trim(), ...(typeof v.role === 'string' ? { role: v.role } : {}) };
  });
}

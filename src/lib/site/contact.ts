/**
 * How readers reach the column: `contact` in src/site.config.ts (or SITE_CONTACT at build time), an
 * email address or the https:// address of a contact form. The footer of every page and /about/
 * show it; a value that is neither stops the build with the fix.
 */
import { ContentError } from '../errors.ts';

export interface ContactLink {
  /** `mailto:…` or the form's address. */
  href: string;
  /** What the link reads: the address itself, or "the contact form". */
  text: string;
  kind: 'email' | 'form';
}

const FILE = 'src/site.config.ts';
// One @, no spaces or angle brackets, a dot in the domain: what a mail client accepts in a mailto: link.
const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/;

/** The contact link for a configured value; undefined when none is set (empty or blank). */
export function contactLink(value: string): ContactLink | undefined {
  const text = value.trim().replace(/^mailto:/i, '');
  if (!text) return undefined;
  if (EMAIL.test(text)) return { href: `mailto:${text}`, text, kind: 'email' };
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:' && !url.username && !url.password)
    return { href: url.href, text: 'the contact form', kind: 'form' };
  throw new ContentError({
    file: FILE,
    field: 'contact',
    message: `"${value}" is neither an email address nor an https:// address of a contact form.`,
    fix: "Write an address readers can write to, e.g. contact: 'letters@your-domain.com', or a form's full https:// address (SITE_CONTACT overrides it at build time).",
  });
}

/** Why the contact cannot be linked (neither an email address nor an https:// form: file, field and fix), or undefined. */
export function contactProblem(contact: string): string | undefined {
  try {
    contactLink(contact);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

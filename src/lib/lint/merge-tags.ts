/**
 * `{{ first_name }}`, `*|FNAME|*` or `{% if %}` typed in an article: email
 * services would read it as their own template code. The edition makes it
 * plain text (email/merge-tags.ts), so readers see it as written; this
 * warning tells the author a tag meant for the service will not work from
 * the article.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { LintContext } from './context.ts';
import { MERGE_TAG_OPENERS } from '../email/merge-tags.ts';

export function mergeTagsInContent(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    a.text.split('\n').forEach((line, i) => {
      const opener = MERGE_TAG_OPENERS.find((o) => line.includes(o));
      if (!opener) return;
      out.push({
        severity: 'warning',
        rule: 'merge-tag',
        file: a.file,
        line: i + 1,
        column: line.indexOf(opener) + 1,
        message: `"${opener}" opens a merge tag in email services (Buttondown, Kit, Mailchimp); the newsletter edition shows it as plain text, so a tag meant for the service does nothing here.`,
        fix: 'Keep it if it is meant as text. Personal fields (a subscriber’s name) belong in the email service’s own template, not in the article.',
      });
    });
  }
  return out;
}

/**
 * What each email service's template engine would evaluate in an edition, as
 * their docs describe the syntax: Buttondown (Django-style) and Kit (Liquid)
 * `{{ … }}` and `{% … %}`, Mailchimp `*|…|*`; for the generic preset every
 * syntax, `%%…%%` included (older services use it).
 */
import { PRESETS, type NewsletterService } from '../../src/lib/email/presets.ts';

export function tagsEvaluated(service: NewsletterService, part: string): string[] {
  const liquid = [...part.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)].map((m) => m[0]);
  const mailchimp = [...part.matchAll(/\*\|[^|]*\|\*/g)].map((m) => m[0]);
  const percent = [...part.matchAll(/%%[^%]*%%/g)].map((m) => m[0]);
  if (service === 'mailchimp') return mailchimp;
  if (service === 'generic') return [...liquid, ...mailchimp, ...percent];
  return liquid;
}

/** The footer's own tags for a preset. */
export function footerTags(service: NewsletterService): string[] {
  const p = PRESETS[service];
  return [p.unsubscribe, p.preferences, p.viewOnline, p.address?.html, p.address?.text].filter(
    (t): t is string => t !== undefined,
  );
}

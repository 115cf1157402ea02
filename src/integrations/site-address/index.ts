import type { AstroIntegration } from 'astro';
import { placeholderAllowed, publishingProblem } from '../../lib/hosting/site-address.ts';
import { contactLink, contactProblem } from '../../lib/site/contact.ts';

/**
 * Stops `astro build` when the site address is the placeholder (unless ALLOW_PLACEHOLDER_URL=1, which
 * `npm run build -- --allow-placeholder-url` sets) or cannot be served from; dev and preview are never stopped.
 * A contact that is neither an email address nor an https:// form address stops every command before any
 * page renders; an empty one is a warning (readers then have no way to write to the column). `npm run build`
 * makes the same check before its first step (scripts/build.ts), so this one stops `astro build` run alone.
 */
export function siteAddressGuard(site: { url: string; contact: string }): AstroIntegration {
  return {
    name: 'ai-frontier:site-address',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // The message alone (file, field, fix): Astro prints a thrown error's stack otherwise.
        const problem =
          command === 'build' ? publishingProblem(site, placeholderAllowed(process.env)) : contactProblem(site.contact);
        if (problem) throw new Error(problem);
        if (command === 'build' && !contactLink(site.contact))
          logger.warn(
            'No contact is set, so the footer and /about/ offer readers no way to write to the column. Set `contact` in src/site.config.ts (an email address or a contact form’s https:// address) or SITE_CONTACT.',
          );
      },
    },
  };
}

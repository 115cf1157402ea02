import type { AstroIntegration } from 'astro';
import { placeholderAllowed, siteAddressProblem } from '../../lib/hosting/site-address.ts';

/**
 * Stops `astro build` when the site address is the placeholder (unless ALLOW_PLACEHOLDER_URL=1, which
 * `npm run build -- --allow-placeholder-url` sets) or cannot be served from; dev and preview are never stopped.
 */
export function siteAddressGuard(address: string): AstroIntegration {
  return {
    name: 'ai-frontier:site-address',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const problem = siteAddressProblem(address, placeholderAllowed(process.env));
        if (problem) throw new Error(problem);
      },
    },
  };
}

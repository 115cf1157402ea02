/** What every feed of the site says about itself: icons, generator, stylesheet, WebSub hub. */
import type { Feed } from '../lib/feeds/model.ts';
import { site } from '../site.config.ts';

export function channelExtras(): Pick<Feed, 'icon' | 'favicon' | 'generator' | 'stylesheet' | 'hub'> {
  return {
    icon: new URL('/icon-512.png', site.url).href,
    favicon: new URL('/icon-144.png', site.url).href,
    generator: { name: `${site.name} (Astro)`, uri: 'https://astro.build/' },
    // Root-relative: browsers apply XSL only from the feed's own origin, wherever the site is previewed.
    stylesheet: '/feed.xsl',
    hub: site.websubHub || undefined,
  };
}

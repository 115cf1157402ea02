/** What every feed of the site says about itself (icons, generator, stylesheet, WebSub hub), and each article's lead image. */
import type { Feed, FeedImage } from '../lib/feeds/model.ts';
import { leadImage } from '../lib/feeds/lead-image.ts';
import type { Article } from './published-articles.ts';
import { socialCardPath } from './social-cards.ts';
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

/** The image feed readers show with the item: the hero, else the social card (same alt as the page's og:image). */
export function articleLeadImage(article: Article): FeedImage {
  const { data } = article;
  return leadImage(
    {
      cardPath: socialCardPath(article),
      hero: data.hero,
      cardAlt: `${data.title} — ${site.name}, issue ${data.issue}`,
    },
    site.url,
  );
}

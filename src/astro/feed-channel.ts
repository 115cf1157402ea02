/** What every feed of the site says about itself (icons, generator, stylesheet, WebSub hub), and each article's lead image. */
import type { Feed, FeedImage } from '../lib/feeds/model.ts';
import { leadImage } from '../lib/feeds/lead-image.ts';
import type { Article } from './published-articles.ts';
import { socialCard, socialCardPath } from './social-cards.ts';
import { startSocialCard } from '../lib/build/card-jobs.ts';
import { cardCacheFile } from '../lib/social/card-files.ts';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { site } from '../site.config.ts';
import { sitePath, siteUrlOf } from '../lib/hosting/base-path.ts';

export function channelExtras(): Pick<Feed, 'icon' | 'favicon' | 'generator' | 'stylesheet' | 'hub'> {
  return {
    icon: siteUrlOf('/icon-512.png', site.url),
    favicon: siteUrlOf('/icon-144.png', site.url),
    generator: { name: `${site.name} (Astro)`, uri: 'https://astro.build/' },
    // Root-relative (under the base path): browsers apply XSL only from the feed's own origin, wherever the site is previewed.
    stylesheet: sitePath('/feed.xsl', site.url),
    hub: site.websubHub || undefined,
  };
}

/**
 * The image feed readers show with the item: the hero, else the social card (same alt as the
 * page's og:image), with its size in bytes from the file itself (the card once it is drawn).
 */
export async function articleLeadImage(article: Article): Promise<FeedImage> {
  const { data } = article;
  const image = leadImage(
    {
      cardPath: socialCardPath(article),
      hero: data.hero,
      cardAlt: `${data.title} — ${site.name}, issue ${data.issue}`,
    },
    site.url,
  );
  if (data.hero)
    return {
      ...image,
      bytes: statSync(join(process.cwd(), 'public', decodeURIComponent(new URL(data.hero.src, 'file:///').pathname)))
        .size,
    };
  const { hash, done } = startSocialCard(socialCard(article));
  await done;
  return { ...image, bytes: statSync(cardCacheFile(hash)).size };
}

/** The figures feed (RSS and JSON Feed): one item per figure recorded or revised. */
import { registry } from './figures-registry.ts';
import { figureFeedItems } from '../lib/figures/figure-feed.ts';
import type { Feed } from '../lib/feeds/model.ts';
import { site } from '../site.config.ts';
import { channelExtras } from './feed-channel.ts';

export function figuresFeed(): Feed {
  return {
    title: `${site.name}: figures`,
    description: 'Every number the column tracks, as it is recorded and revised.',
    siteUrl: new URL('/figures/', site.url).href,
    urls: {
      rss: new URL('/figures/feed.xml', site.url).href,
      atom: new URL('/figures/feed.xml', site.url).href,
      json: new URL('/figures/feed.json', site.url).href,
    },
    language: site.lang,
    items: figureFeedItems(registry, site.url),
    ...channelExtras(),
  };
}

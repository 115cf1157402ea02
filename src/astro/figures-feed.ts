/** The figures feed (RSS and JSON Feed): one item per figure recorded or revised. */
import { registry } from './figures-registry.ts';
import { figureFeedItems } from '../lib/figures/figure-feed.ts';
import type { Feed } from '../lib/feeds/model.ts';
import { site } from '../site.config.ts';
import { channelExtras } from './feed-channel.ts';
import { siteUrlOf } from '../lib/hosting/base-path.ts';

export function figuresFeed(): Feed {
  return {
    title: `${site.name}: figures`,
    description: 'Every number the column tracks, as it is recorded and revised.',
    siteUrl: siteUrlOf('/figures/', site.url),
    urls: {
      rss: siteUrlOf('/figures/feed.xml', site.url),
      atom: siteUrlOf('/figures/feed.xml', site.url),
      json: siteUrlOf('/figures/feed.json', site.url),
    },
    language: site.lang,
    items: figureFeedItems(registry, site.url),
    ...channelExtras(),
  };
}

/**
 * Articles as feed items: each article's MDX is rendered with the feed
 * variants of our components (Astro's Container API), then made feed-safe by
 * src/lib/feeds/feed-html.ts. Every feed format reads from here. Only the
 * items a feed carries (the newest `site.feedItems` of the site and
 * `site.tagFeedItems` of each tag) are rendered, once per build however many feeds carry them, so the
 * cost does not grow with the archive.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { getPublishedArticles, type Article } from './published-articles.ts';
import { feedComponents } from '../components/feed/index.ts';
import { toFeedHtml } from '../lib/feeds/feed-html.ts';
import { feedPreamble, feedSources } from '../lib/feeds/feed-parts.ts';
import type { Feed, FeedItem } from '../lib/feeds/model.ts';
import { articlePath } from '../lib/slug.ts';
import { groupByTag, type TagGroup } from '../lib/site/listing.ts';
import { effectiveUpdated, figuresOf } from './article-figures.ts';
import { figure } from './figures-registry.ts';
import { mergeSources } from '../lib/figures/sources.ts';
import { site } from '../site.config.ts';
import { articleLeadImage, channelExtras } from './feed-channel.ts';
import { siteUrlOf } from '../lib/hosting/base-path.ts';

let containerPromise: Promise<AstroContainer> | undefined;
const htmlCache = new Map<string, Promise<string>>();

/** The site feed's items: the newest published articles, as many as a feed carries. */
export async function allFeedItems(): Promise<FeedItem[]> {
  return feedItems(await getPublishedArticles());
}

/** Feed items for the newest `count` of a newest-first list (only these are rendered). */
function feedItems(newestFirst: readonly Article[], count: number = site.feedItems): Promise<FeedItem[]> {
  return Promise.all(newestFirst.slice(0, count).map(toItem));
}

/** The article's public URL. */
export function articleUrl(article: Article): string {
  return siteUrlOf(articlePath(article.id), site.url);
}

/** The article as feed-safe HTML (summary box, body, sources; the dek is the item's summary), rendered once per build. */
export function feedHtmlFor(article: Article): Promise<string> {
  let html = htmlCache.get(article.id);
  if (!html) {
    html = renderFeedHtml(article);
    htmlCache.set(article.id, html);
  }
  return html;
}

async function renderFeedHtml(article: Article): Promise<string> {
  containerPromise ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    AstroContainer.create({ renderers }),
  );
  const container = await containerPromise;
  const { Content } = await render(article);
  const body = await container.renderToString(Content, { props: { components: feedComponents } });
  // The same Sources groups as the page's (components/FigureSources.astro): registry sources included.
  const sources = feedSources(mergeSources(figuresOf(article).map(figure), article.data.sources));
  const html = feedPreamble(article.data) + body + sources;
  // In a build, a URL into the project folder would publish this machine's layout: stop instead (dev URLs stay local).
  return toFeedHtml(html, {
    pageUrl: articleUrl(article),
    localRoot: import.meta.env.PROD ? process.cwd() : undefined,
  });
}

async function toItem(article: Article): Promise<FeedItem> {
  const url = articleUrl(article);
  return {
    id: url,
    url,
    title: article.data.title,
    // The dek, which the content does not repeat (it opens with the summary box).
    summary: article.data.dek,
    contentHtml: await feedHtmlFor(article),
    published: article.data.published,
    updated: effectiveUpdated(article),
    authors: article.data.authors,
    tags: article.data.tags,
    image: await articleLeadImage(article),
  };
}

/** A feed over some items; `path` is the folder its feed files live in, e.g. '/' (RSS, Atom, JSON Feed) or '/tags/capex/' (RSS). */
export function makeFeed(items: FeedItem[], opts: { path: string; title?: string; description?: string }): Feed {
  const base = siteUrlOf(opts.path, site.url);
  return {
    title: opts.title ?? site.name,
    description: opts.description ?? site.tagline,
    siteUrl: siteUrlOf(opts.path, site.url),
    urls: {
      rss: new URL('rss.xml', base).href,
      atom: new URL('atom.xml', base).href,
      json: new URL('feed.json', base).href,
    },
    language: site.lang,
    items: items.slice(0, site.feedItems),
    ...channelExtras(),
  };
}

/** Every tag in use, with its slug and the items its feeds carry (only those are rendered). */
export async function feedsByTag(): Promise<TagGroup<FeedItem>[]> {
  const groups = groupByTag(await getPublishedArticles());
  return Promise.all(
    groups.map(async (g) => ({ tag: g.tag, slug: g.slug, items: await feedItems(g.items, site.tagFeedItems) })),
  );
}

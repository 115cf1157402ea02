import { formatDate } from '../lib/dates.ts';
import type { SocialCard } from '../lib/social/og-image.ts';
import { startSocialCard } from '../lib/build/card-jobs.ts';
import { OG_URL_PREFIX } from '../lib/social/card-files.ts';
import { site } from '../site.config.ts';
import { figure } from './figures-registry.ts';
import type { Article } from './published-articles.ts';

/** What an article's social card shows (its issue, title and first key figure), or the site's card without one. */
export function socialCard(article?: Article): SocialCard {
  const host = new URL(site.url).host;
  if (!article) return { kicker: site.name, title: site.tagline, footer: host };
  const { data } = article;
  const key = data.keyFigures[0] ? figure(data.keyFigures[0]) : undefined;
  return {
    kicker: `${site.name} · Issue ${data.issue}`,
    title: data.title,
    figure: key?.text.short,
    figureLabel: key?.label,
    footer: `${formatDate(data.published)} · ${host}`,
  };
}

/**
 * The card's site-relative URL, `/og/<slug>.<hash>.png` (`site.<hash>` for the site's card). The hash
 * covers everything drawn, so a changed card gets a new URL and every card can be cached as immutable.
 * Naming a card starts drawing it (in the worker pool, unless cached); after the build the
 * chart-assets integration publishes every card a page or feed names.
 */
export function socialCardPath(article?: Article): string {
  const { hash, done } = startSocialCard(socialCard(article));
  done.catch(() => undefined); // a failed card is reported when the build waits for it
  return `${OG_URL_PREFIX}${article ? article.id : 'site'}.${hash}.png`;
}

/**
 * The feed and email variants of the MDX components: the same names as
 * src/components/mdx/index.ts, rendered as plain semantic HTML with inline
 * styles (no scripts, canvases or classes needed to understand them).
 */
import { mdxComponents } from '../mdx/index.ts';
import FeedTable from './FeedTable.astro';
import FeedCallout from './FeedCallout.astro';
import FeedPullQuote from './FeedPullQuote.astro';
import FeedInOneSentence from './FeedInOneSentence.astro';
import FeedOutcomeTable from './FeedOutcomeTable.astro';
import FeedFig from './FeedFig.astro';
import FeedStatCard from './FeedStatCard.astro';
import FeedChart from './FeedChart.astro';

export const feedComponents: Record<keyof typeof mdxComponents, unknown> = {
  a: mdxComponents.a,
  img: mdxComponents.img,
  table: FeedTable,
  Fig: FeedFig,
  StatCard: FeedStatCard,
  Chart: FeedChart,
  OutcomeTable: FeedOutcomeTable,
  Callout: FeedCallout,
  PullQuote: FeedPullQuote,
  InOneSentence: FeedInOneSentence,
};

/**
 * Components every MDX article can use without an import line. The article
 * page passes this map to `<Content components={…} />`; feeds pass the map of
 * static variants in ../feed/index.ts with the same names.
 */
import type { MdxComponentName } from '../../lib/content/component-names.ts';
import SmartTable from '../tables/SmartTable.astro';
import Link from './Link.astro';
import Img from './Img.astro';
import Fig from './Fig.astro';
import StatCard from './StatCard.astro';
import Chart from './Chart.astro';
import OutcomeTable from './OutcomeTable.astro';
import Callout from './Callout.astro';
import PullQuote from './PullQuote.astro';
import InOneSentence from './InOneSentence.astro';

const authorComponents: Record<MdxComponentName, unknown> = {
  Fig,
  StatCard,
  Chart,
  OutcomeTable,
  Callout,
  PullQuote,
  InOneSentence,
};

/** Markdown elements we render ourselves, plus the author components. */
export const mdxComponents = { table: SmartTable, a: Link, img: Img, ...authorComponents };

/**
 * Components every MDX article can use without an import line. The article
 * page passes this map to `<Content components={…} />`; feeds pass a map of
 * static variants with the same names.
 */
import SmartTable from '../tables/SmartTable.astro';
import Link from './Link.astro';
import OutcomeTable from './OutcomeTable.astro';
import Callout from './Callout.astro';
import PullQuote from './PullQuote.astro';
import InOneSentence from './InOneSentence.astro';

export const mdxComponents = {
  table: SmartTable,
  a: Link,
  OutcomeTable,
  Callout,
  PullQuote,
  InOneSentence,
};

import { CHART_PROPS } from '../charts/spec.ts';

/**
 * The names an article can use without an import line. Plain data, so the
 * linter (which runs outside Astro) knows them; `index.ts` must provide a
 * component for each (a type error otherwise).
 */
export const MDX_COMPONENT_NAMES = [
  'Fig',
  'StatCard',
  'Chart',
  'OutcomeTable',
  'Callout',
  'PullQuote',
  'InOneSentence',
] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

/**
 * The props each component takes, for the linter's "unknown prop" check (a
 * misspelled prop is otherwise ignored). tests/lib/lint/components.test.ts
 * compares these lists with the components' `Props`.
 */
export const MDX_COMPONENT_PROPS: Record<MdxComponentName, readonly string[]> = {
  Fig: ['id', 'format'],
  StatCard: ['id', 'label'],
  Chart: CHART_PROPS,
  OutcomeTable: ['caption', 'columns', 'rows'],
  Callout: ['type', 'title'],
  PullQuote: ['cite'],
  InOneSentence: [],
};

/** Components that are blocks: each must stand on its own line, with blank lines around it. All but Fig, which sits inside a sentence. */
export const MDX_BLOCK_COMPONENTS: readonly MdxComponentName[] = MDX_COMPONENT_NAMES.filter((n) => n !== 'Fig');

/**
 * Components that show what is written between their tags (their `.astro` file has a `<slot />`);
 * the others show only their data, so text inside them would be dropped (the linter says so).
 */
export const MDX_COMPONENTS_WITH_CHILDREN: readonly MdxComponentName[] = ['Callout', 'PullQuote', 'InOneSentence'];

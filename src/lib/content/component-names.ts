/**
 * The names an article can use without an import line. Plain data, so the
 * linter (which runs outside Astro) knows them; `index.ts` must provide a
 * component for each (a type error otherwise).
 */
export const MDX_COMPONENT_NAMES = ['Fig', 'StatCard', 'Chart', 'OutcomeTable', 'Callout', 'PullQuote', 'InOneSentence'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

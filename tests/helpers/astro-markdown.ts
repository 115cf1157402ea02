/**
 * The Markdown/MDX processor Astro renders articles with (Sätteri, through @astrojs/mdx), found the way
 * Astro finds it, so a test can show what really reaches the page. `renderedText(body)` compiles the
 * body with GFM on, as the build does, runs it, and returns every text and attribute value of the
 * result; each component renders its children (what a component itself drops is its own test's).
 */
import { createRequire } from 'node:module';
import { MDX_COMPONENT_NAMES } from '../../src/lib/content/component-names.ts';

const fromMdx = createRequire(createRequire(import.meta.url).resolve('@astrojs/mdx'));
const fromSatteriPlugin = createRequire(fromMdx.resolve('@astrojs/markdown-satteri'));
const satteri = (await import(fromSatteriPlugin.resolve('satteri'))) as {
  evaluate(source: string, options: Record<string, unknown>): Record<string, unknown>;
};

interface Element {
  type: unknown;
  props: Record<string, unknown>;
}
const FRAGMENT = Symbol('fragment');
const element = (type: unknown, props: unknown): Element => ({ type, props: (props ?? {}) as Record<string, unknown> });
const passThrough = (props: { children?: unknown }) => props.children ?? null;
/** Each of the column's components renders its children. */
const components = Object.fromEntries(MDX_COMPONENT_NAMES.map((name) => [name, passThrough]));

export function renderedText(body: string): string {
  const mod = satteri.evaluate(body, { Fragment: FRAGMENT, jsx: element, jsxs: element, features: { gfm: true } });
  const Content = mod.default as (props: unknown) => unknown;
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (node === null || node === undefined || typeof node === 'boolean') return;
    if (typeof node === 'string' || typeof node === 'number') return void parts.push(String(node));
    if (Array.isArray(node)) return node.forEach(walk);
    const el = node as Element;
    if (typeof el.type === 'function') return walk((el.type as (p: unknown) => unknown)(el.props));
    for (const [key, value] of Object.entries(el.props))
      if (key === 'children') walk(value);
      else if (typeof value === 'string') parts.push(value);
  };
  walk(Content({ components }));
  return parts.join(' ');
}

/** The first line of the error Astro's processor stops with, or undefined when the body compiles. */
export function renderError(body: string): string | undefined {
  try {
    renderedText(body);
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

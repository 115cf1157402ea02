/**
 * Raw HTML an article may not carry, whatever the page's security policy
 * would do with it: feeds and email have no such policy, and readers' apps
 * pass much of it through. Event-handler attributes, Astro's `set:html`,
 * embedded documents (`<iframe>`, `<object>`, `<embed>`) and links that open
 * a new tab able to navigate this one. Each message names the component or
 * Markdown to write instead.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { LintContext } from './context.ts';
import { at } from './rules.ts';
import { jsxAttribute, jsxElements, jsxStrings } from './jsx-props.ts';
import { MDX_COMPONENT_NAMES } from '../content/component-names.ts';

/** Elements that embed another document or plug-in: refused here with what to write instead. */
export const EMBEDDING_ELEMENTS: ReadonlySet<string> = new Set([
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'portal',
]);

/** Attributes that put raw HTML or script into the page. */
const RAW_HTML_ATTRIBUTES = new Set(['set:html', 'set:text', 'dangerouslysetinnerhtml', 'is:inline', 'is:raw']);

export function unsafeMarkup(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of ctx.articles) {
    for (const el of jsxElements(a.tree)) {
      const name = el.name ?? '';
      if (EMBEDDING_ELEMENTS.has(name.toLowerCase()))
        out.push({
          severity: 'error',
          // A tag articles cannot use, as lookalikeTags says of the others (which leaves these to this message).
          rule: 'unknown-tag',
          ...at(a, el),
          message: `<${name}> embeds another site's page or a plug-in: the page's security policy blocks it, and feeds and email would pass it on to readers' apps.`,
          fix: 'Link to it instead: [Watch the video](https://…) or [See the original post](https://…); for data, draw it with <Chart>.',
        });
      for (const attr of el.attributes) {
        if (attr.type !== 'mdxJsxAttribute') {
          out.push({
            severity: 'error',
            rule: 'unsafe-html',
            ...at(a, el),
            message: `<${name}> spreads computed attributes ({...}), which the check cannot read (they may add event handlers or addresses).`,
            fix: 'Write each attribute out, as text.',
          });
          continue;
        }
        const lower = attr.name.toLowerCase();
        const place = at(a, attr.position ? attr : el);
        if (/^on[a-z]/.test(lower))
          out.push({
            severity: 'error',
            rule: 'unsafe-html',
            ...place,
            message: `<${name}> has the event handler ${attr.name}, which runs script: the page blocks it, and feeds and email would carry it to readers' apps.`,
            fix: `Remove ${attr.name}. Interactive charts come with <Chart>, figure details with <Fig>; nothing else in an article runs script.`,
          });
        else if (RAW_HTML_ATTRIBUTES.has(lower))
          out.push({
            severity: 'error',
            rule: 'unsafe-html',
            ...place,
            message: `<${name}> uses ${attr.name}, which writes its value into the page as raw HTML, unchecked.`,
            fix: `Write the content as Markdown between the tags, or use one of the components (${MDX_COMPONENT_NAMES.join(', ')}).`,
          });
      }
      const target = jsxStrings(el, 'target')[0];
      if (
        name === 'a' &&
        target !== undefined &&
        target !== '_self' &&
        !/\bnoopener\b/i.test(jsxStrings(el, 'rel').join(' '))
      )
        out.push({
          severity: 'error',
          rule: 'unsafe-html',
          ...at(a, jsxAttribute(el, 'target')?.position ? jsxAttribute(el, 'target')! : el),
          message: `<a target="${target}"> without rel="noopener" opens a tab that can change this page's address (for example to a look-alike login page).`,
          fix: 'Write a Markdown link, [text](https://…), which the site opens safely; or remove target; or add rel="noopener noreferrer".',
        });
    }
  }
  return out;
}

import { parseFragment } from 'parse5';
import { walkElements } from '../../src/lib/html/dom.ts';

/**
 * What a browser would find executable or forbidden in an HTML fragment,
 * parsed per the HTML standard (text that only looks like markup is fine).
 */
export function unsafeMarkup(
  html: string,
  forbiddenTags = ['script', 'canvas', 'style', 'link', 'iframe', 'object', 'embed'],
): string[] {
  const problems: string[] = [];
  walkElements(parseFragment(html), (el) => {
    if (forbiddenTags.includes(el.tagName)) problems.push(`<${el.tagName}>`);
    for (const { name, value } of el.attrs) {
      if (/^on/i.test(name)) problems.push(`${el.tagName}[${name}]`);
      if (/^data-astro/i.test(name)) problems.push(`${el.tagName}[${name}]`);
      if (
        ['href', 'src', 'action', 'formaction', 'poster'].includes(name) &&
        /^\s*(javascript|data|vbscript):/i.test(value)
      )
        problems.push(`${el.tagName}[${name}=${value}]`);
      if (['href', 'src'].includes(name) && /\/@fs\/|node_modules|^\/(work|home|root|tmp)\//.test(value))
        problems.push(`${el.tagName}[${name}=${value}] (filesystem path)`);
    }
  });
  return problems;
}

/**
 * What feed readers keep of an item's HTML, as the W3C feed validator judges
 * it ("style attribute contains potentially dangerous content") and as
 * feedparser, Loofah and their kin strip it — they share one allow-list. The
 * lists below restate that allow-list (checked against python3-feedparser
 * 6.0.10): it is the outside reference our own allow-list
 * (src/lib/feeds/allow-list.ts) must stay within. `sanitizerLosses` reports
 * every element, attribute and style declaration a reader would drop, so a
 * test can demand that a feed loses nothing; `outsideAllowList` reports what
 * our own cleaner should have removed.
 */
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { FEED_ATTRIBUTES, FEED_ELEMENTS, isTemplateStyle } from '../../src/lib/feeds/allow-list.ts';

/** CSS properties kept with any value. */
const SAFE_PROPERTIES = new Set(
  'azimuth background-color border-bottom-color border-collapse border-color border-left-color border-right-color border-top-color clear color cursor direction display elevation float font font-family font-size font-style font-variant font-weight height letter-spacing line-height overflow pause pause-after pause-before pitch pitch-range richness speak speak-header speak-numeral speak-punctuation speech-rate stress text-align text-decoration text-indent unicode-bidi vertical-align voice-family volume white-space width'.split(
    ' ',
  ),
);
/** Shorthand families kept only when every word of the value is a safe keyword or a plain length/colour. */
const SHORTHAND_FAMILIES = new Set(['background', 'border', 'margin', 'padding']);
const SAFE_KEYWORDS = new Set(
  '!important aqua auto black block blue bold both bottom brown center collapse dashed dotted fuchsia gray green italic left lime maroon medium navy none normal nowrap olive pointer purple red right silver solid teal top transparent underline white yellow'.split(
    ' ',
  ),
);
/** Lower-case hex colours, rgb(), and numbers with an optional CSS unit (case-sensitive, as in the original). */
const SAFE_VALUE = /^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$/;
/** The whole attribute is dropped when it holds any other character run (quotes around multi-word font names are fine). */
const STYLE_GAUNTLET = /^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$/;

export const SAFE_ATTRIBUTES: ReadonlySet<string> = new Set(
  'abbr accept accept-charset accesskey action align alt axis bgcolor border cellpadding cellspacing char charoff charset checked cite class clear color cols colspan compact coords datetime dir disabled enctype face for frame headers height href hreflang hspace id ismap label lang longdesc maxlength media method multiple name nohref noshade nowrap rel rev rows rowspan rules scope selected shape size span src start style summary tabindex target title type usemap valign value vspace width xml:lang'.split(
    ' ',
  ),
);
export const SAFE_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr acronym address area article aside audio b big blockquote br caption center cite code col colgroup dd del details dfn dir div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd label li map menu meter nav ol p pre progress q s samp section small span strike strong sub sup table tbody td tfoot th thead time tr tt u ul var video'.split(
    ' ',
  ),
);

/** Declarations of one style attribute a reader would drop (all of them if the attribute fails the gauntlet). */
export function droppedDeclarations(style: string): string[] {
  const decls = style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  if (!STYLE_GAUNTLET.test(style.replace(/url\s*\(\s*[^\s)]+?\s*\)\s*/g, ' ')))
    return decls.map((d) => `${d} (the whole attribute fails the character check)`);
  return decls.filter((decl) => {
    const colon = decl.indexOf(':');
    const property = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    if (SAFE_PROPERTIES.has(property)) return false;
    if (SHORTHAND_FAMILIES.has(property.split('-')[0]!))
      return !value.split(/\s+/).every((w) => SAFE_KEYWORDS.has(w) || SAFE_VALUE.test(w));
    return true;
  });
}

/** Everything in `html` a feed reader's sanitiser would remove, as readable lines. */
export function sanitizerLosses(html: string): string[] {
  const losses: string[] = [];
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (!SAFE_ELEMENTS.has(child.tagName)) losses.push(`<${child.tagName}> element`);
      for (const { name, value } of child.attrs) {
        if (!SAFE_ATTRIBUTES.has(name)) losses.push(`<${child.tagName} ${name}> attribute`);
        else if (name === 'style')
          for (const d of droppedDeclarations(value)) losses.push(`<${child.tagName}> style ${d}`);
      }
      visit(child);
    }
  };
  visit(parseFragment(html));
  return losses;
}

/** Elements that set a background colour without a text colour (unreadable in a dark-mode reader). */
export function backgroundsWithoutColour(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<([a-z0-9]+)\b[^>]*\sstyle="([^"]*)"/g)) {
    const props = m[2]!.split(';').map((d) => d.split(':')[0]!.trim());
    if (props.some((p) => p === 'background' || p === 'background-color') && !props.includes('color'))
      found.push(`<${m[1]} style="${m[2]}">`);
  }
  return found;
}

/** Elements, attributes and styles in `html` that the project's own allow-list does not allow. */
export function outsideAllowList(html: string): string[] {
  const found: string[] = [];
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (!FEED_ELEMENTS.has(child.tagName)) found.push(`<${child.tagName}>`);
      for (const { name, value } of child.attrs) {
        if (!FEED_ATTRIBUTES.has(name)) found.push(`<${child.tagName} ${name}>`);
        else if (name === 'style' && !isTemplateStyle(value)) found.push(`<${child.tagName} style="${value}">`);
      }
      visit(child);
    }
  };
  visit(parseFragment(html));
  return found;
}

import {
  createElement,
  getAttr,
  isElement,
  parseHtmlFragment,
  serializeHtml,
  setChildren,
  type Element,
  type Node,
  type Parent,
} from '../html/dom.ts';
import { FEED_ATTRIBUTES, FEED_ELEMENTS, FEED_URL_ATTRIBUTES, isTemplateStyle } from './allow-list.ts';

/**
 * Turn rendered article HTML into HTML that feed readers and email clients
 * show faithfully: only the elements and attributes of the allow-list
 * (allow-list.ts), styles only as the feed templates write them, images only
 * from the site itself (a remote one becomes a link), every link and image
 * absolute to the public site; nothing that only makes sense on our pages
 * (details/summary, picture sources). Parsing is spec-compliant (parse5), so
 * text that merely looks like markup stays text.
 */
export interface FeedHtmlOptions {
  /** The article's public URL; relative and fragment links resolve against it. */
  pageUrl: string;
  /**
   * The project folder on the build machine. A URL whose path contains it (a Vite
   * `/@fs/…` dev URL or a raw file path that slipped into rendered HTML) would publish
   * the machine's layout, so it stops the build with a message instead.
   */
  localRoot?: string;
}

/** A URL in feed HTML that points into the build machine's file system. */
export class LocalPathError extends Error {}

/** Elements removed with everything inside them: code, styles, embeds, forms and drawings, which feeds cannot run or show. */
const DROP = new Set([
  'script',
  'style',
  'link',
  'meta',
  'canvas',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'source',
  'svg',
  'math',
  'base',
  'audio',
  'video',
  'track',
]);

export function toFeedHtml(html: string, opts: FeedHtmlOptions): string {
  const fragment = parseHtmlFragment(html);
  clean(fragment, opts, false);
  return serializeHtml(fragment).trim();
}

/**
 * Keep what the allow-list names (allow-list.ts); an element it does not name
 * gives up its tag but keeps its content, so no words are lost.
 */
function clean(parent: Parent, opts: FeedHtmlOptions, inLink: boolean): void {
  const out: Node[] = [];
  for (const node of parent.childNodes) {
    if (node.nodeName === '#comment') continue;
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    const name = node.tagName;
    if (DROP.has(name) || String(node.namespaceURI) !== 'http://www.w3.org/1999/xhtml') continue;
    clean(node, opts, inLink || name === 'a');
    if (name === 'summary') {
      // A disclosure's label becomes a plain bold paragraph.
      const strong = createElement('strong', {}, node.childNodes, node);
      node.tagName = node.nodeName = 'p';
      node.attrs = [];
      setChildren(node, [strong]);
      out.push(node);
      continue;
    }
    if (!FEED_ELEMENTS.has(name)) {
      out.push(...node.childNodes);
      continue;
    }
    node.attrs = cleanAttributes(node, opts);
    if (name === 'img') {
      const src = getAttr(node, 'src');
      if (!src) continue;
      if (new URL(src).origin !== new URL(opts.pageUrl).origin) {
        // A remote image would tell a third party who opened the item: link to it instead.
        const alt = getAttr(node, 'alt') || 'Image';
        const text: Node = { nodeName: '#text', value: inLink ? alt : `Image: ${alt}`, parentNode: parent };
        out.push(inLink ? text : createElement('a', { href: src }, [text], parent));
        continue;
      }
    }
    out.push(node);
  }
  setChildren(parent, out);
}

function cleanAttributes(el: Element, opts: FeedHtmlOptions): Element['attrs'] {
  const result: Element['attrs'] = [];
  for (const { name, value } of el.attrs) {
    if (!FEED_ATTRIBUTES.has(name)) continue;
    if (name === 'style' && !isTemplateStyle(value)) continue;
    if (FEED_URL_ATTRIBUTES.has(name)) {
      const url = absoluteUrl(value, opts.pageUrl);
      if (url && opts.localRoot && pointsInto(url, opts.localRoot)) {
        throw new LocalPathError(
          `<${el.tagName} ${name}="${value}"> in ${opts.pageUrl} points at a file on this machine (${opts.localRoot}).\n  Fix: reference the file by its public site path (files in public/ as /name.png) or import it so the build gives it a public URL.`,
        );
      }
      if (url) result.push({ name, value: url });
      continue;
    }
    result.push({ name, value });
  }
  return result;
}

/**
 * An absolute http(s) or mailto URL, or undefined for any other scheme (javascript:,
 * data:, file:). Every path on the site is kept, whatever it is called.
 */
export function absoluteUrl(value: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return undefined;
  return url.href;
}

function pointsInto(url: string, root: string): boolean {
  const dir = root.replace(/\\/g, '/').replace(/\/+$/, '');
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  return path.startsWith(`${dir}/`) || path.startsWith(`/@fs${dir}/`);
}

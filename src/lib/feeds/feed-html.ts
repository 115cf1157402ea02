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

/**
 * Turn rendered article HTML into HTML that feed readers and email clients
 * show faithfully: no scripts, styles, canvases, event handlers or data
 * attributes; every link and image absolute to the public site; nothing that
 * only makes sense on our pages (details/summary, picture sources). Parsing
 * is spec-compliant (parse5), so text that merely looks like markup stays text.
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

/** Elements removed with everything inside them. */
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
]);
/** Elements replaced by their children. */
const UNWRAP = new Set(['picture', 'details']);
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite']);
/** Attributes feed readers' sanitisers keep (role, aria-* and reversed are stripped by feedparser and its kin). */
const KEEP_ATTRS = new Set([
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'style',
  'colspan',
  'rowspan',
  'scope',
  'id',
  'lang',
  'dir',
  'datetime',
  'cite',
  'start',
  'headers',
  'abbr',
]);

export function toFeedHtml(html: string, opts: FeedHtmlOptions): string {
  const fragment = parseHtmlFragment(html);
  clean(fragment, opts);
  return serializeHtml(fragment).trim();
}

function clean(parent: Parent, opts: FeedHtmlOptions): void {
  const out: Node[] = [];
  for (const node of parent.childNodes) {
    if (node.nodeName === '#comment') continue;
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    const name = node.tagName;
    if (DROP.has(name) || name.includes('-') || String(node.namespaceURI) !== 'http://www.w3.org/1999/xhtml') continue;
    clean(node, opts);
    if (UNWRAP.has(name)) {
      out.push(...node.childNodes);
      continue;
    }
    if (name === 'summary') {
      // A disclosure's label becomes a plain bold paragraph.
      const strong = createElement('strong', {}, node.childNodes, node);
      node.tagName = node.nodeName = 'p';
      setChildren(node, [strong]);
    }
    node.attrs = cleanAttributes(node, opts);
    if (name === 'img' && !getAttr(node, 'src')) continue;
    out.push(node);
  }
  setChildren(parent, out);
}

function cleanAttributes(el: Element, opts: FeedHtmlOptions): Element['attrs'] {
  const result: Element['attrs'] = [];
  for (const { name, value } of el.attrs) {
    if (!KEEP_ATTRS.has(name)) continue;
    if (URL_ATTRS.has(name)) {
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

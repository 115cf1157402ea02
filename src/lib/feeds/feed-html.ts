import { parse, renderSync, ELEMENT_NODE, COMMENT_NODE, type ElementNode } from 'ultrahtml';

/**
 * Turn rendered article HTML into HTML that feed readers and email clients
 * show faithfully: no scripts, styles, canvases, event handlers or data
 * attributes; every link and image absolute to the public site; nothing that
 * only makes sense on our pages (details/summary, picture sources).
 */
export interface FeedHtmlOptions {
  /** The article's public URL; relative and fragment links resolve against it. */
  pageUrl: string;
}

/** Elements removed with everything inside them. */
const DROP = new Set(['script', 'style', 'link', 'meta', 'canvas', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'source', 'svg', 'base']);
/** Elements replaced by their children. */
const UNWRAP = new Set(['picture', 'details']);
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite']);
const KEEP_ATTRS = new Set(['href', 'src', 'alt', 'title', 'width', 'height', 'style', 'colspan', 'rowspan', 'scope', 'id', 'lang', 'dir', 'datetime', 'cite', 'start', 'reversed', 'type', 'role', 'headers', 'abbr']);

export function toFeedHtml(html: string, opts: FeedHtmlOptions): string {
  const doc = parse(html);
  clean(doc, opts);
  return renderSync(doc).trim();
}

interface ParentLike { children: Array<{ type: number; [key: string]: unknown }> }

function clean(parent: ParentLike, opts: FeedHtmlOptions): void {
  const out: ParentLike['children'] = [];
  for (const node of parent.children) {
    if (node.type === COMMENT_NODE) continue;
    if (node.type !== ELEMENT_NODE) {
      out.push(node);
      continue;
    }
    const el = node as unknown as ElementNode;
    const name = el.name.toLowerCase();
    if (DROP.has(name) || name.includes('-') || /^[A-Z]/.test(el.name)) continue;
    clean(el as unknown as ParentLike, opts);
    if (UNWRAP.has(name)) {
      out.push(...(el.children as unknown as ParentLike['children']));
      continue;
    }
    if (name === 'summary') {
      // A disclosure's label becomes a plain bold paragraph.
      el.name = 'p';
      el.children = [{ type: ELEMENT_NODE, name: 'strong', attributes: {}, children: el.children, parent: el, loc: el.loc } as unknown as ElementNode];
    }
    el.attributes = cleanAttributes(name, el.attributes, opts);
    if ((name === 'img' && !el.attributes.src) || (name === 'a' && el.attributes.href === undefined && el.children.length === 0)) continue;
    out.push(el as unknown as ParentLike['children'][number]);
  }
  parent.children = out;
}

function cleanAttributes(name: string, attrs: Record<string, string>, opts: FeedHtmlOptions): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, raw] of Object.entries(attrs)) {
    const k = key.toLowerCase();
    if (!KEEP_ATTRS.has(k) && !k.startsWith('aria-')) continue;
    if (URL_ATTRS.has(k)) {
      const url = absoluteUrl(decodeAttr(raw), opts.pageUrl);
      if (url) result[k] = encodeAttr(url);
      continue;
    }
    if (k === 'type' && name !== 'ol') continue;
    result[k] = raw;
  }
  return result;
}

/** An absolute http(s) or mailto URL, or undefined for anything unsafe or local to the build machine. */
export function absoluteUrl(value: string, base: string): string | undefined {
  const trimmed = value.trim();
  if (/^\/@fs\/|^\/(?:work|home|root|tmp|usr|var|Users)\/|^file:|node_modules/i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return undefined;
  return url.href;
}

function decodeAttr(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function encodeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

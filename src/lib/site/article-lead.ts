/**
 * Where the article page puts what leads into the text (key figures, contents): after the first
 * paragraph, so a reader on a phone starts reading on the first screen. Works on the rendered body's
 * HTML without parsing all of it: when the body opens with a paragraph (after whitespace or
 * comments), that paragraph ends at the first `</p>` outside a tag, a comment or raw text (a
 * paragraph cannot hold another one); otherwise the lead goes first.
 */
export function afterFirstParagraph(html: string, lead: string): string {
  const open = /^(?:\s|<!--[\s\S]*?-->)*<p[\s>]/.exec(html);
  const end = open ? paragraphEnd(html, open[0].length - 1) : -1;
  if (end < 0) return lead + html;
  return html.slice(0, end) + lead + html.slice(end);
}

/** The offset just after the `</p>` that closes the paragraph whose start tag's name ends before `from`, or -1. */
function paragraphEnd(html: string, from: number): number {
  let i = from;
  let inTag = true; // still inside the opening <p …>
  let quote = '';
  while (i < html.length) {
    const c = html[i]!;
    if (inTag) {
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') inTag = false;
      i++;
      continue;
    }
    if (c !== '<') {
      i++;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 3;
    } else if (/^<\/p\s*>/i.test(html.slice(i, i + 6))) {
      return html.indexOf('>', i) + 1;
    } else {
      const raw = /^<(script|style|textarea|title)[\s>]/i.exec(html.slice(i, i + 10));
      if (raw) {
        const close = html.toLowerCase().indexOf(`</${raw[1]!.toLowerCase()}`, i);
        if (close < 0) return -1;
        i = close + 2;
      } else i++;
      inTag = true;
    }
  }
  return -1;
}

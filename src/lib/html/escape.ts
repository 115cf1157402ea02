/** Escaping for HTML and XML (SVG) text, and its inverse (browser-safe: no imports). */

/** Escape text for an HTML or XML text node: `&`, `<` and `>`. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text escaped markup stands for: XML's five named entities and numeric character references
 * (so it undoes `escapeText` and `escapeHtml`), in one pass, so `&amp;lt;` reads `&lt;`.
 */
export function unescapeXml(text: string): string {
  return text.replace(
    /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-f]+));/gi,
    (ref, name?: string, dec?: string, hex?: string) => {
      if (name !== undefined) return NAMED[name] ?? ref; // names are case-sensitive: &LT; is not one
      const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    },
  );
}

/**
 * XML text that parses whatever the content: characters XML 1.0 forbids
 * (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, markup
 * characters are escaped, or (for the HTML an item carries) the text goes in
 * a CDATA section.
 */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- matching the characters XML 1.0 forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Escape for XML text and attribute values alike. */
export function escapeXml(text: string): string {
  return (
    stripInvalidXmlChars(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Parsers turn a raw CR into LF; a reference keeps it.
      .replace(/\r/g, '&#xD;')
  );
}

/** Escape for an attribute value: tabs and newlines too, which parsers would fold into spaces. */
export function escapeXmlAttr(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#xA;').replace(/\t/g, '&#x9;');
}

/** ` key="value"` for each attribute, escaped. */
function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`)
    .join('');
}

/** `<name>escaped text</name>`, or nothing for an empty value. */
export function element(name: string, text: string | undefined, attrs: Record<string, string> = {}): string {
  if (text === undefined || text === '') return '';
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

/**
 * `<name><![CDATA[html]]></name>`, or nothing for empty HTML: for an item's
 * HTML, which is full of `<`, `>` and quotes, CDATA keeps it a quarter
 * smaller than escaping every one of them. A `]]>` in the text is split
 * across two sections, and CR goes out as a character reference (parsers
 * fold a raw CR into LF, in CDATA too).
 */
export function htmlElement(name: string, html: string | undefined, attrs: Record<string, string> = {}): string {
  if (html === undefined || html === '') return '';
  const body = stripInvalidXmlChars(html).replace(/]]>/g, ']]]]><![CDATA[>').replace(/\r/g, ']]>&#xD;<![CDATA[');
  return `<${name}${attributes(attrs)}><![CDATA[${body}]]></${name}>`;
}

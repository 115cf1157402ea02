/**
 * Typographer's quotes for text the Markdown processor does not see (frontmatter titles, deks and
 * summaries), so a headline reads "ByteDance’s" like the body it sits on: an apostrophe or a closing
 * quote after a letter, digit or punctuation; an opening quote after a space, a dash, a bracket or at
 * the start. Text already curly is left as it is.
 */
const OPENS_AFTER = /[\s([{\u2014\u2013/-]/;

export function curlyQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "'" && c !== '"') {
      out += c;
      continue;
    }
    // What precedes, as already typeset: a quote right after an opening quote opens too.
    const before = out.at(-1) ?? ' ';
    const opening = OPENS_AFTER.test(before) || /[‘“]/.test(before);
    if (c === "'") out += opening && /\S/.test(text[i + 1] ?? '') && !/^'\d0s/.test(text.slice(i)) ? '‘' : '’';
    else out += opening ? '“' : '”';
  }
  return out;
}

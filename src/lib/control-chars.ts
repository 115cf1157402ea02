/**
 * Control characters: invisible bytes no one types on purpose (they arrive pasted from a PDF, a
 * terminal or another program) that HTML forbids and a terminal obeys. One definition for the
 * content check, which refuses them with their place, and for messages from other programs, which
 * are printed without them so that a service's reply cannot move the cursor, recolour the terminal
 * or set its title.
 */

/**
 * C0 controls except tab, line feed and carriage return; DEL; C1 controls; and the bidirectional
 * overrides and isolates, which reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'ESC',
  0x7f: 'DEL',
};

/** How a message names the character: "ESC (U+001B)". */
export function describeControl(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code] ?? (code >= 0x202a ? 'direction override' : 'control character');
  return `${name} (${hex})`;
}

/** The first control character in `text` and where it is (1-based line and column), if any. */
export function findControl(text: string): { char: string; line: number; column: number } | undefined {
  const m = CONTROL_CHAR.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  return { char: m[0], line, column: m.index - before.lastIndexOf('\n') };
}

/** Terminal escape sequences: CSI (`ESC [ … letter`), OSC (`ESC ] … BEL` or `ESC \`) and two-byte escapes. */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;

/**
 * Text from another program (a web service's error message), safe to print: escape sequences and
 * every other control character removed, runs of white space (line breaks included) made one space,
 * at most `max` characters.
 */
export function printable(text: string, max = 300): string {
  const clean = text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(new RegExp(CONTROL_CHAR.source, 'g'), '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Control characters: invisible bytes no one types on purpose (they arrive pasted from a PDF, a
 * terminal or another program) that HTML forbids and a terminal obeys. One definition for the
 * content check, which refuses them with their place, and for messages from other programs, which
 * are printed without them so that a service's reply cannot move the cursor, recolour the terminal
 * or set its title.
 */

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * In text printed on a terminal, also the bidirectional overrides and isolates, which reorder what the
 * reader sees (in an article they are text, as in a right-to-left quotation, and stay).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

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
  const name = NAMES[code] ?? 'control character';
  return `${name} (${hex})`;
}

/** The 1-based line and column of `index` in `text`. */
function place(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** Where bytes that were not UTF-8 were read as text: the replacement character. */
const NOT_UTF8 = '\uFFFD';

export interface Misfit {
  char: string;
  line: number;
  column: number;
  message: string;
  fix: string;
}

/**
 * The first character in an author's file that should not be there, with its place, what is wrong and
 * how to fix it: bytes that are not UTF-8 (read as U+FFFD, the replacement character: Astro would stop
 * on them without a reason) or a control character (which would reach pages and the text email).
 */
export function findMisfit(text: string): Misfit | undefined {
  const control = CONTROL_CHAR.exec(text);
  const bad = text.indexOf(NOT_UTF8);
  if (bad >= 0 && (!control || bad < control.index))
    return {
      char: NOT_UTF8,
      ...place(text, bad),
      message:
        'The file is not valid UTF-8 here (bytes written in another encoding, such as Windows-1252 or Latin-1, read as �).',
      fix: 'Save the file as UTF-8 (in most editors: Save with Encoding → UTF-8), then retype the characters at this place.',
    };
  if (!control) return undefined;
  return {
    char: control[0],
    ...place(text, control.index),
    message: `The file contains an invisible ${describeControl(control[0])} character here.`,
    fix: 'Delete it: no one types it on purpose (it comes with text pasted out of a PDF, a terminal or a word processor) and it would reach pages and the text email.',
  };
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
  const clean = text.replace(ESCAPE_SEQUENCE, '').replace(TERMINAL_CONTROL, '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

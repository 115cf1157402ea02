import { describe, expect, it } from 'vitest';
import { describeControl, findMisfit, printable } from '../../src/lib/control-chars.ts';

describe('control characters', () => {
  it('finds the first one with its line and column, and names it', () => {
    expect(findMisfit('title: ok\nbody\u0000here')).toMatchObject({ char: '\u0000', line: 2, column: 5 });
    expect(findMisfit('title: ok\nbody\u0000here')?.message).toBe(
      'The file contains an invisible NUL (U+0000) character here.',
    );
    expect(findMisfit('a\tb\r\nc ¥ 豆包 — “quotes”')).toBeUndefined();
    expect(findMisfit('x\u001b[31m')?.column).toBe(2);
    expect(findMisfit('\u0085')?.char).toBe('\u0085');
    // A right-to-left override is text in an article (a quotation), only stripped from terminal output.
    expect(findMisfit('right-to-left \u202e override')).toBeUndefined();
    expect(describeControl('\u0000')).toBe('NUL (U+0000)');
    expect(describeControl('\u001b')).toBe('ESC (U+001B)');
    expect(describeControl('\u0091')).toBe('control character (U+0091)');
  });

  it('reports bytes that were not UTF-8 (read as U+FFFD) where they are, before a later control character', () => {
    const m = findMisfit('line one\ncaf\ufffd au lait\u0007');
    expect(m).toMatchObject({ char: '\ufffd', line: 2, column: 4 });
    expect(m?.message).toContain('not valid UTF-8');
    expect(m?.fix).toContain('Save the file as UTF-8');
    expect(findMisfit('\u0007 then \ufffd')?.char).toBe('\u0007');
  });

  it('makes a message from another program safe to print: no escape sequence, control or override survives', () => {
    expect(printable('Bad \u001b[31mred\u001b[0m text')).toBe('Bad red text');
    expect(printable('\u001b]0;new title\u0007after')).toBe('after');
    expect(printable('\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(printable('nul\u0000 bell\u0007 del\u007f c1\u009b rlo\u202e')).toBe('nul bell del c1 rlo');
    expect(printable('two\n\nlines\r\n')).toBe('two lines');
    expect(printable('x'.repeat(400))).toHaveLength(300);
    expect(printable('¥200 bn · 豆包')).toBe('¥200 bn · 豆包');
  });
});

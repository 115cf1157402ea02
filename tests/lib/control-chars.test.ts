import { describe, expect, it } from 'vitest';
import { describeControl, findControl, printable } from '../../src/lib/control-chars.ts';

describe('control characters', () => {
  it('finds the first one with its line and column, and names it', () => {
    expect(findControl('title: ok\nbody\u0000here')).toEqual({ char: '\u0000', line: 2, column: 5 });
    expect(findControl('a\tb\r\nc')).toBeUndefined();
    expect(findControl('x\u001b[31m')?.column).toBe(2);
    expect(findControl('\u0085')?.char).toBe('\u0085');
    expect(findControl('right-to-left \u202e override')?.column).toBe(15);
    expect(describeControl('\u0000')).toBe('NUL (U+0000)');
    expect(describeControl('\u001b')).toBe('ESC (U+001B)');
    expect(describeControl('\u0091')).toBe('control character (U+0091)');
    expect(describeControl('\u202e')).toBe('direction override (U+202E)');
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

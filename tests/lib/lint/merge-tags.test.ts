import { describe, expect, it } from 'vitest';
import { findings, FRONT } from './fixture.ts';

describe('merge tags typed in an article', () => {
  it('warns at the line of each opener, for every service syntax, in frontmatter and body', () => {
    const d = findings(
      'merge-tag',
      'Hello `{{ first_name }}`.\n\nA *|FNAME|* tag.\n\n`{% if x %}`y\n\n100%% sure.\n\nPlain \\{ braces \\} and 50% | fine.',
      FRONT(1, '\nhero: { src: "/images/fab.jpg", alt: "Hi *|FNAME|*" }'),
    );
    expect(d.map(([line, message]) => [line, message.slice(0, 4)])).toEqual([
      [13, '"*|"'],
      [16, '"{{"'],
      [18, '"*|"'],
      [20, '"{%"'],
      [22, '"%%"'],
    ]);
    expect(d[0]![2]).toMatch(/email service’s own template/);
  });
});

/**
 * One random edit to a text, as a hurried author might make it: a line dropped, a line doubled,
 * two lines swapped, or a piece of `junk` typed into a line. Seeded by `rand` (scripts/lib/synthetic.ts's
 * prng), so a failing run can be replayed. Used by the fuzzed build and the content check's own test.
 */
export function mutate(text: string, rand: () => number, junk: readonly string[]): string {
  const lines = text.split('\n');
  const at = Math.floor(rand() * lines.length);
  switch (Math.floor(rand() * 4)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[Math.floor(rand() * lines.length)]!);
      break;
    case 2: {
      const l = lines[at] ?? '';
      const pos = Math.floor(rand() * (l.length + 1));
      lines[at] = l.slice(0, pos) + junk[Math.floor(rand() * junk.length)] + l.slice(pos);
      break;
    }
    default: {
      const b = Math.floor(rand() * lines.length);
      [lines[at], lines[b]] = [lines[b]!, lines[at]!];
    }
  }
  return lines.join('\n');
}

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_CHARACTERS, chartWebFonts, extraCharacters, unicodeRange } from '../../../src/lib/fonts/web-font.ts';
import { registerChartFonts } from '../../../src/lib/fonts/chart-fonts.ts';

describe('the live chart font', () => {
  it("keeps ASCII and number symbols in the shared file, and lists a chart's other characters exactly", () => {
    for (const c of 'Abc 123 ¥€%×−·') expect(BASE_CHARACTERS).toContain(c);
    expect(extraCharacters(['Volcano Engine (火山引擎)', 'Doubao (豆包) after', '¥85 bn'])).toEqual(
      [...'包山引擎火豆'].sort(),
    );
    expect(unicodeRange(['豆', '包'])).toBe('U+8C46,U+5305');
    expect(extraCharacters(['Chips', 'Data centres'])).toEqual([]);
  });

  it('writes WOFF2 subsets once, cached by content, and only adds an extra file when a chart needs one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-fonts-'));
    const hash = registerChartFonts();
    const first = chartWebFonts(['Chips', 'Data centres'], dir, '/charts/', hash);
    await first.done;
    const latin = first.faces;
    expect(latin.map((f) => [f.weight, f.unicodeRange])).toEqual([
      [400, undefined],
      [700, undefined],
    ]);
    const second = chartWebFonts(['豆包'], dir, '/charts/', hash);
    await second.done;
    const cjk = second.faces;
    expect(cjk.map((f) => [f.weight, f.unicodeRange])).toEqual([
      [400, undefined],
      [400, 'U+5305,U+8C46'],
      [700, undefined],
      [700, 'U+5305,U+8C46'],
    ]);
    // The shared files are the same for both charts (one download for every chart page).
    expect(cjk.filter((f) => !f.unicodeRange).map((f) => f.url)).toEqual(latin.map((f) => f.url));
    for (const f of cjk) {
      const bytes = readFileSync(join(dir, f.url.replace('/charts/', '')));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      // Subsets, not the 10 MB font.
      expect(bytes.length).toBeLessThan(40_000);
    }
  }, 60_000);
});

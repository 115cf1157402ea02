import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_CHARACTERS, chartWebFonts, extraCharacters, unicodeRange } from '../../../src/lib/fonts/web-font.ts';
import { chartFontPaths, registerChartFonts } from '../../../src/lib/fonts/chart-fonts.ts';
import { parseFont, subsetFont } from '../../../src/lib/fonts/ttf-subset.ts';
import { woff2 } from '../../../src/lib/fonts/woff2.ts';
import { unwoff2 } from '../../helpers/woff.ts';

describe('the live chart font', () => {
  it("keeps ASCII and number symbols in the shared file, and lists a chart's other characters exactly", () => {
    for (const c of 'Abc 123 ¥€%×−·') expect(BASE_CHARACTERS).toContain(c);
    expect(extraCharacters(['Volcano Engine (火山引擎)', 'Doubao (豆包) after', '¥85 bn'])).toEqual(
      [...'包山引擎火豆'].sort(),
    );
    expect(unicodeRange(['豆', '包'])).toBe('U+8C46,U+5305');
    expect(extraCharacters(['Chips', 'Data centres'])).toEqual([]);
  });

  it('writes WOFF2 subsets once, cached by content, and only adds an extra file when a chart needs one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-fonts-'));
    const hash = registerChartFonts();
    const first = chartWebFonts(['Chips', 'Data centres'], dir, '/charts/', hash);
    const latin = first.faces;
    expect(latin.map((f) => [f.weight, f.unicodeRange])).toEqual([
      [400, undefined],
      [700, undefined],
    ]);
    const second = chartWebFonts(['豆包'], dir, '/charts/', hash);
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
      // Subsets, not the 10 MB font: 8.5 KB for the shared file (HarfBuzz's subsetter made 25.7 KB of it).
      expect(bytes.length).toBeLessThan(f.unicodeRange ? 3_000 : 10_000);
    }
  }, 60_000);

  it('cuts them with the subsetter and WOFF 2 writer the SVG fonts use, kerning kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-fonts-'));
    const { faces } = chartWebFonts(['豆包'], dir, '/charts/', registerChartFonts());
    for (const f of faces) {
      const file = readFileSync(join(dir, f.url.replace('/charts/', '')));
      const chars = f.unicodeRange ? '包豆' : BASE_CHARACTERS;
      const path = chartFontPaths()[f.weight === 700 ? 'bold' : 'regular'];
      expect(file.equals(woff2(subsetFont(parseFont(readFileSync(path)), [chars], { kerning: true })))).toBe(true);
      // Read back by the reference decoder: every character there, with kerning where the font kerns them.
      const font = parseFont(await unwoff2(file));
      for (const c of chars) expect(font.glyphOf(c.codePointAt(0)!), c).not.toBe(0);
      expect(font.tables.has('kern')).toBe(!f.unicodeRange);
    }
  }, 60_000);

  it('needs no HarfBuzz at run time (its subsetter is only the tests’ oracle)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(pkg['dependencies']!)).not.toContain('subset-font');
    expect(Object.keys(pkg['devDependencies']!)).toContain('subset-font');
  });
});

import { describe, expect, it } from 'vitest';
import { mergeThemes, themeByPalette, withViews } from '../../../src/lib/charts/svg-themes.ts';

const size = { width: 100, height: 50 };
const bg = { light: '#ffffff', dark: '#000000' };
/** Light colour → dark colour for the grid and bar colours the drawings use. */
const palette = new Map([
  ['#d9d6ce', '#3a3e45'],
  ['#0072b2', '#56b4e9'],
]);
const drawing = (grid: string, bar: string, clip: string) =>
  `<?xml version="1.0" encoding="utf-8" ?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">\n\t<clipPath id="${clip}">\n\t\t<rect x="1.23456" width="10" height="20"/>\n\t</clipPath>\n\t<path fill="none" stroke="${grid}" d="M0.04 10.26L99.99 10.25"/>\n\t<path fill="${bar}" d="M10 10L20 10L20 40Z" clip-path="url(#${clip})"/>\n</svg>`;

describe('one SVG for both themes', () => {
  it('keeps one drawing and swaps only the colours that differ, under prefers-color-scheme: dark', () => {
    const svg = mergeThemes(drawing('#D9D6CE', '#0072B2', 'cl_3'), drawing('#3A3E45', '#56B4E9', 'cl_9'), size, bg);
    expect(
      svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">'),
    ).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).not.toContain('<?xml');
    // Page colour underneath, light by default.
    expect(svg).toContain('<rect width="100" height="50" fill="#ffffff" class="k0"/>');
    expect(svg).toContain('<path class="k1" fill="none" stroke="#D9D6CE"');
    expect(svg).toContain('<path class="k2" fill="#0072B2"');
    expect(svg).toContain(
      '<style>@media (prefers-color-scheme:dark){.k0{fill:#000000}.k1{stroke:#3a3e45}.k2{fill:#56b4e9}}</style>',
    );
    // Clip ids renumbered consistently; coordinates cut to 0.1 px.
    expect(svg).toContain('<clipPath id="c0">');
    expect(svg).toContain('clip-path="url(#c0)"');
    expect(svg).toContain('<rect x="1.2" width="10" height="20"/>');
    expect(svg).toContain('d="M0 10.2L99.9 10.2"');
  });

  it('keeps both drawings, one shown per theme, when they do not line up', () => {
    const dark = drawing('#3A3E45', '#56B4E9', 'cl_9').replace('M10 10L20 10L20 40Z', 'M11 10L20 10L20 40Z');
    const svg = mergeThemes(drawing('#D9D6CE', '#0072B2', 'cl_3'), dark, size, bg);
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg).toContain('.dk{display:none}@media (prefers-color-scheme:dark){.lt{display:none}.dk{display:inline}');
    expect(svg).toContain('<g class="lt"><clipPath id="c0">');
    expect(svg).toContain('<g class="dk"><clipPath id="d0">');
    expect(svg).toContain('clip-path="url(#d0)"');
  });

  it('keeps text elements with their characters, swaps their colour, drops empty ones; rotations keep their precision', () => {
    const withText = (colour: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><text fill="${colour}" transform="matrix(0.98481 -0.17365 0.17365 0.98481 44.26 29.51)" x="3.14159" y="2.71828" font-size="13" font-family="AIF Sans">¥0.12/1,000 &amp; 豆包</text><text fill="${colour}" x="1" y="1"></text></svg>`;
    const svg = mergeThemes(withText('#1B1B1D'), withText('#EBE9E4'), size, bg);
    expect(svg.match(/<text/g)).toHaveLength(1);
    expect(svg).toContain(
      '<text class="k1" fill="#1B1B1D" transform="matrix(0.984 -0.173 0.173 0.984 44.26 29.51)" x="3.1" y="2.7" font-size="13" font-family="AIF Sans">¥0.12/1,000 &amp; 豆包</text>',
    );
    expect(svg).toContain('.k1{fill:#ebe9e4}');
  });

  it('makes the dark theme from the palette alone when it knows every colour, and says so when it does not', () => {
    const light = drawing('#D9D6CE', '#0072B2', 'cl_3');
    const one = themeByPalette(light, size, palette, bg);
    // The same file as merging a drawing made in the dark theme.
    expect(one).toBe(mergeThemes(light, drawing('#3A3E45', '#56B4E9', 'cl_9'), size, bg));
    expect(themeByPalette(drawing('#D9D6CE', '#123456', 'cl_3'), size, palette, bg)).toBeUndefined();
  });
  it("drops the canvas's invisible clearRect rectangles and joins runs of identical stroked paths, not fills", () => {
    const body = [
      '<rect fill-opacity="0" width="100" height="50"/>',
      '<path fill="none" stroke="#D9D6CE" stroke-width="1" d="M10 40L90 40"/>',
      '<path fill="none" stroke="#D9D6CE" stroke-width="1" d="M10 30L90 30"/>',
      '<path fill="none" stroke="#D9D6CE" stroke-width="2" d="M10 20L90 20"/>',
      '<path fill="#0072B2" d="M10 10L20 10L20 40Z"/>',
      '<path fill="#0072B2" d="M30 10L40 10L40 40Z"/>',
      '<path fill="none" stroke="#D9D6CE" stroke-width="2" d="M10 5L90 5"/>',
    ].join('');
    const svg = themeByPalette(`<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`, size, palette, bg)!;
    expect(svg).not.toContain('fill-opacity="0"');
    const paths = [...svg.matchAll(/<path [^>]*>/g)].map((m) => m[0]);
    expect(paths).toEqual([
      '<path class="k1" fill="none" stroke="#D9D6CE" stroke-width="1" d="M10 40L90 40M10 30L90 30"/>',
      '<path class="k1" fill="none" stroke="#D9D6CE" stroke-width="2" d="M10 20L90 20"/>',
      '<path class="k2" fill="#0072B2" d="M10 10L20 10L20 40Z"/>',
      '<path class="k2" fill="#0072B2" d="M30 10L40 10L40 40Z"/>',
      // Not next to its twin: a fill between them is drawn in between.
      '<path class="k1" fill="none" stroke="#D9D6CE" stroke-width="2" d="M10 5L90 5"/>',
    ]);
  });

  it('places translated text by x and y alone and names its font once, on the root, where the text inherits it', () => {
    const label = (x: string, size: string, text: string) =>
      `<text fill="#1B1B1D" transform="matrix(1 0 0 1 ${x} 30.2504)" x="0" y="12.7" font-size="${size}" text-anchor="middle" font-family="AIF Sans">${text}</text>`;
    const rotated =
      '<text fill="#1B1B1D" transform="matrix(0.98481 -0.17365 0.17365 0.98481 44.26 29.51)" x="3.14159" y="2.71828" font-size="13" font-family="AIF Sans">Turned</text>';
    const textPalette = new Map([['#1b1b1d', '#ebe9e4']]);
    const light = `<svg xmlns="http://www.w3.org/2000/svg">${label('10.5', '13', 'A')}${label('-4.1259', '13', 'B')}${label('60', '11', 'C')}${rotated}</svg>`;
    const svg = themeByPalette(light, size, textPalette, bg)!;
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 100 50" font-family="AIF Sans" font-size="13">/);
    const texts = [...svg.matchAll(/<(?:text|g) [^>]*>|<text>/g)].map((m) => m[0]);
    expect(texts).toEqual([
      // The sum of what was drawn before: transform to 0.001 px, y to 0.1 px. Two labels alike but for
      // their place share their attributes in a group.
      '<g class="k1" fill="#1B1B1D" text-anchor="middle">',
      '<text x="10.5" y="42.95">',
      '<text x="-4.125" y="42.95">',
      // Only the most common size moves up; this one keeps its own.
      '<text class="k1" fill="#1B1B1D" x="60" y="42.95" font-size="11" text-anchor="middle">',
      // A rotation stays a transform.
      '<text class="k1" fill="#1B1B1D" transform="matrix(0.984 -0.173 0.173 0.984 44.26 29.51)" x="3.1" y="2.7">',
    ]);
  });

  it('groups runs of text alike but for place and weight, only by attributes the text inherits', () => {
    const text = (attrs: string, t: string) => `<text fill="#1B1B1D" font-size="13" ${attrs}>${t}</text>`;
    const bar = '<path fill="#0072B2" d="M0 0L1 1Z"/>';
    const light = `<svg xmlns="http://www.w3.org/2000/svg">${[
      text('x="1" y="2" text-anchor="end"', '0%'),
      text('x="1" y="12" text-anchor="end"', '50%'),
      text('x="1" y="22" text-anchor="end" font-weight="700"', '100%'),
      bar,
      text('x="5" y="9" opacity="0.5"', 'faded'),
      text('x="6" y="9" opacity="0.5"', 'faded too'),
      text('x="7" y="9"', 'alone'),
    ].join('')}</svg>`;
    const svg = themeByPalette(
      light,
      size,
      new Map([
        ['#1b1b1d', '#ebe9e4'],
        ['#0072b2', '#56b4e9'],
      ]),
      bg,
    )!;
    const body = svg.slice(svg.indexOf('</style>') + 8, -'</svg>'.length).replace(/^<rect[^>]*>/, '');
    expect(body).toBe(
      [
        // The weight stays on each label (the embedded font is chosen by it), the rest is the group's.
        '<g class="k1" fill="#1B1B1D" text-anchor="end"><text x="1" y="2">0%</text><text x="1" y="12">50%</text><text x="1" y="22" font-weight="700">100%</text></g>',
        '<path class="k2" fill="#0072B2" d="M0 0L1 1Z"/>',
        // Opacity is not inherited (a group's would be the group's): no group.
        '<text class="k1" fill="#1B1B1D" x="5" y="9" opacity="0.5">faded</text>',
        '<text class="k1" fill="#1B1B1D" x="6" y="9" opacity="0.5">faded too</text>',
        '<text class="k1" fill="#1B1B1D" x="7" y="9">alone</text>',
      ].join(''),
    );
  });

  it('puts more drawings in the same file, each beside the one before and outside its viewBox, shown by a view', () => {
    const wide = themeByPalette(drawing('#D9D6CE', '#0072B2', 'cl_3'), size, palette, bg)!;
    const phone = { width: 40, height: 60 };
    const narrow = mergeThemes(
      drawing('#D9D6CE', '#0072B2', 'cl_1'),
      drawing('#3A3E45', '#56B4E9', 'cl_2').replace('M10 10L20 10L20 40Z', 'M11 10L20 10L20 40Z'),
      phone,
      bg,
      'n',
    );
    const small = themeByPalette(drawing('#D9D6CE', '#0072B2', 'cl_4'), { width: 30, height: 70 }, palette, bg, 's')!;
    const svg = withViews(wide, [
      { svg: narrow, id: 'narrow' },
      { svg: small, id: 'small' },
    ]);
    // The file as shown on its own is the first drawing.
    expect(
      svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">'),
    ).toBe(true);
    expect(svg.endsWith('</svg></svg>')).toBe(true);
    // The second sits right of x = 100, at its own size, and the view frames exactly it.
    const view =
      /<view id="narrow" viewBox="([\d.]+) 0 40 60"\/><svg x="([\d.]+)" width="40" height="60" viewBox="0 0 40 60">/.exec(
        svg,
      );
    expect(Number(view?.[1])).toBeGreaterThan(100);
    expect(view?.[2]).toBe(view?.[1]);
    // The third sits right of the second, clear of it.
    const third = /<view id="small" viewBox="([\d.]+) 0 30 70"\/><svg x="([\d.]+)" width="30" height="70"/.exec(svg);
    expect(Number(third?.[1])).toBeGreaterThan(Number(view?.[1]) + 40);
    expect(third?.[2]).toBe(third?.[1]);
    // Its class names and clip ids carry its prefix: no rule or clip of one drawing reaches the other.
    expect(svg).toContain('<clipPath id="c0">');
    expect(svg).toContain('<clipPath id="nc0">');
    expect(svg).toContain('<clipPath id="nd0">');
    expect(svg).toContain('class="nk0"');
    expect(svg).toContain('.nk0{fill:#000000}');
    expect(svg.match(/\bid="c0"/g)).toHaveLength(1);
    expect(() => withViews('<svg>', [{ svg: narrow, id: 'narrow' }])).toThrow(/root element/);
  });
});

/**
 * One SVG file that serves both themes: the chart is drawn once per theme
 * (same layout, different colours), and the two drawings are merged into the
 * light one plus a `prefers-color-scheme: dark` style that swaps each colour
 * that differs. Text is already paths (drawn with the shipped font), so the
 * file looks the same on every machine, CJK included. Pure string work.
 */

export interface SvgBackgrounds {
  light: string;
  dark: string;
}

const TAG = /<[^>]+>/g;
const COLOR_ATTR = /\b(fill|stroke|stop-color)="(#[0-9A-Fa-f]{3,8})"/g;
const CLIP_ID = /\bcl_[0-9a-f]+\b/g;
/** Coordinates to 0.1 px: a tenth of a CSS pixel is below what a screen shows, and it halves the file. Transforms keep 3 decimals (rotations need them). */
const GEOMETRY_ATTR = /\b(d|x|y|width|height|points)="([^"]*)"/g;
const TRANSFORM_ATTR = /\btransform="([^"]*)"/g;

function roundNumbers(text: string, digits: number): string {
  const f = 10 ** digits;
  return text.replace(/-?\d+\.\d+/g, (n) => {
    const r = Math.round(Number(n) * f) / f;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

/**
 * Text runs are paths placed by a transform, and the same run is often drawn
 * more than once (chart.js draws some labels twice; repeated tick labels):
 * each distinct outline is written once in <defs> and placed with <use>.
 */
function shareOutlines(tags: string[], prefix: string): string[] {
  const counts = new Map<string, number>();
  const runs = tags.map((t) => /^<path ([^>]*?)transform="([^"]*)" d="([^"]{200,})"\/>$/.exec(t));
  for (const m of runs) if (m) counts.set(m[3]!, (counts.get(m[3]!) ?? 0) + 1);
  const ids = new Map<string, string>();
  const defs: string[] = [];
  const out = tags.map((t, i) => {
    const m = runs[i];
    if (!m || counts.get(m[3]!)! < 2) return t;
    let id = ids.get(m[3]!);
    if (!id) {
      id = `${prefix}t${ids.size}`;
      ids.set(m[3]!, id);
      defs.push(`<path id="${id}" d="${m[3]}"/>`);
    }
    return `<use href="#${id}" ${m[1]}transform="${m[2]}"/>`;
  });
  return defs.length ? [`<defs>${defs.join('')}</defs>`, ...out] : out;
}

/** The drawing's elements, with coordinates rounded, ids numbered in order, and the XML prolog and root element dropped. */
function normalise(svg: string, prefix: string): string[] {
  const body = svg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/^\s*<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '');
  const ids = new Map<string, string>();
  const renumbered = body.replace(CLIP_ID, (id) => {
    if (!ids.has(id)) ids.set(id, `${prefix}${ids.size}`);
    return ids.get(id)!;
  });
  const rounded = renumbered
    .replace(GEOMETRY_ATTR, (_m, name: string, value: string) => `${name}="${roundNumbers(value, 1)}"`)
    .replace(TRANSFORM_ATTR, (_m, value: string) => `transform="${roundNumbers(value, 3)}"`);
  return shareOutlines(rounded.match(TAG) ?? [], prefix);
}

function colours(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(COLOR_ATTR)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

/**
 * Merge a light and a dark drawing of the same chart into one SVG of
 * `width`×`height` (scalable: it has a viewBox). When the two drawings do not
 * line up element for element, both are kept and the style shows one.
 */
export function mergeThemes(
  light: string,
  dark: string,
  size: { width: number; height: number },
  bg: SvgBackgrounds,
): string {
  const l = normalise(light, 'c');
  const d = normalise(dark, 'c');
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">`;
  const swaps = new Map<string, string>();
  const classFor = (prop: string, from: string, to: string) => {
    const key = `${prop}:${from}>${to}`;
    if (!swaps.has(key)) swaps.set(key, `k${swaps.size}`);
    return swaps.get(key)!;
  };
  const background = `<rect width="${size.width}" height="${size.height}" fill="${bg.light}" class="${classFor('fill', bg.light.toLowerCase(), bg.dark.toLowerCase())}"/>`;
  const merged: string[] = [];
  let aligned = l.length === d.length;
  for (let i = 0; aligned && i < l.length; i++) {
    const a = l[i]!;
    const b = d[i]!;
    if (a === b) {
      merged.push(a);
      continue;
    }
    if (a.replace(COLOR_ATTR, '$1') !== b.replace(COLOR_ATTR, '$1')) {
      aligned = false;
      break;
    }
    const dc = colours(b);
    const classes = [...colours(a)]
      .filter(([prop, c]) => dc.get(prop) !== c)
      .map(([prop, c]) => classFor(prop, c, dc.get(prop)!));
    merged.push(classes.length ? a.replace(/^<(\w+)/, `<$1 class="${classes.join(' ')}"`) : a);
  }
  const darkRules = [...swaps].map(([key, cls]) => {
    const [prop, pair] = key.split(':') as [string, string];
    return `.${cls}{${prop}:${pair.split('>')[1]}}`;
  });
  if (aligned)
    return `${open}<style>@media (prefers-color-scheme:dark){${darkRules.join('')}}</style>${background}${merged.join('')}</svg>`;
  // Fallback: both drawings, one shown.
  const dd = normalise(dark, 'd');
  return `${open}<style>.dk{display:none}@media (prefers-color-scheme:dark){.lt{display:none}.dk{display:inline}${darkRules.join('')}}</style>${background}<g class="lt">${l.join('')}</g><g class="dk">${dd.join('')}</g></svg>`;
}

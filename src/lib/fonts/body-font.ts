/**
 * The body font, Source Serif 4, self-hosted from an npm package through Astro's fonts API: which
 * faces there are (read by astro.config.mjs and by /fonts.css, so both name the same files), which
 * of them the first screen of a page draws, and the faces' metrics, read from the files themselves.
 *
 * First-screen faces are preloaded and use `font-display: optional`: they are there for the first
 * paint, and a connection too slow for them keeps the system serif for the whole visit instead of
 * moving the text (the browser tests check that every page's first screen draws only these). The
 * other faces (bold, italic) load when a page uses them and swap in; until then their text is drawn
 * in a fallback made from the already loaded regular file, its size and line metrics matched to the
 * face it stands in for (site/font-face.ts), so the swap moves nothing. A first visit and a reload
 * end with the same glyphs, and no page downloads a face it does not use.
 */
import { createRequire } from 'node:module';
import { fromFile } from '@capsizecss/unpack/fs';
import { fallbackFaceCss, fontFaceCss, regularFace, type FaceMetrics, type FontFaceData } from '../site/font-face.ts';

export const BODY_FAMILY = 'Source Serif 4';
/** The CSS variable Astro's fonts API files the family under (astro.config.mjs; `fontData[…]`). */
export const BODY_CSS_VARIABLE = '--font-serif';
/** The family of the metric-matched fallback faces; global.css names it right after the body font. */
export const BODY_FALLBACK_FAMILY = 'Source Serif 4 fallback';

export interface BodyFace {
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** The file, as a package path. */
  file: string;
  /** Drawn on the first screen of pages: preloaded, and never swapped in late. */
  firstScreen: boolean;
}

export const BODY_FACES: readonly [BodyFace, ...BodyFace[]] = [
  { weight: 400, style: 'normal', file: '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2', firstScreen: true },
  { weight: 400, style: 'italic', file: '@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2', firstScreen: false },
  { weight: 700, style: 'normal', file: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2', firstScreen: false },
]; // prettier-ignore

/** A face's `font-display`: `optional` for first-screen faces (preloaded), `swap` for the rest. */
export const displayOf = (face: Pick<BodyFace, 'firstScreen'>): 'optional' | 'swap' =>
  face.firstScreen ? 'optional' : 'swap';

/** Astro's font variants (astro.config.mjs), one per face. */
export function bodyFontVariants(): [FontVariant, ...FontVariant[]] {
  const variant = (face: BodyFace): FontVariant => ({
    src: [face.file],
    weight: face.weight,
    style: face.style,
    display: displayOf(face),
  });
  const [first, ...rest] = BODY_FACES;
  return [variant(first), ...rest.map(variant)];
}
interface FontVariant {
  src: [string];
  weight: BodyFace['weight'];
  style: BodyFace['style'];
  display: 'optional' | 'swap';
}

const require = createRequire(import.meta.url);
let metrics: Promise<Map<BodyFace, FaceMetrics>> | undefined;

/** Each face's metrics, read from its file once per process (about 15 ms a face). */
export function bodyFaceMetrics(): Promise<Map<BodyFace, FaceMetrics>> {
  metrics ??= Promise.all(
    BODY_FACES.map(async (face) => {
      let path: string;
      try {
        path = require.resolve(face.file);
      } catch {
        throw new Error(
          `The body font file ${face.file} is missing. Run \`npm ci\` to install it (package @fontsource/source-serif-4).`,
        );
      }
      const { unitsPerEm, ascent, descent, lineGap, xWidthAvg } = await fromFile(path);
      return [face, { unitsPerEm, ascent, descent, lineGap, xWidthAvg }] as const;
    }),
  ).then((entries) => new Map(entries));
  return metrics;
}

/** The face of BODY_FACES that a face of Astro's `fontData` is (by weight and style). */
function bodyFace(face: FontFaceData): BodyFace {
  const found = BODY_FACES.find(
    (f) => String(f.weight) === String(face.weight ?? 400) && f.style === (face.style ?? 'normal'),
  );
  if (!found)
    throw new Error(
      `The body font has a ${face.weight} ${face.style} face that src/lib/fonts/body-font.ts does not list; add it to BODY_FACES (astro.config.mjs reads it from there).`,
    );
  return found;
}

/**
 * /fonts.css: the body font's faces (`font-display` by whether the first screen draws them) and
 * their metric-matched fallbacks, from the faces Astro's fonts API built (`fontData`).
 */
export async function bodyFontCss(faces: readonly FontFaceData[]): Promise<string> {
  const metrics = await bodyFaceMetrics();
  const measured = faces.map((f) => ({ ...f, metrics: metrics.get(bodyFace(f))! }));
  const regular = regularFace(measured);
  return [
    fontFaceCss(BODY_FAMILY, faces, (f) => displayOf(bodyFace(f))),
    ...(regular ? [fallbackFaceCss(BODY_FALLBACK_FAMILY, regular, measured)] : []),
  ].join('\n');
}

/**
 * @font-face rules for a self-hosted family, from the data Astro's fonts API
 * exposes (`fontData` in astro:assets): served as a stylesheet, not inline,
 * so the Content Security Policy needs no exception for styles. Beside them,
 * the metric-matched fallback faces that stand in for a face while it loads
 * (fonts/body-font.ts says which faces and why).
 */
export interface FontFaceData {
  src: Array<{ url: string; format?: string }>;
  weight?: string;
  style?: string;
}

/** What a fallback needs of a face: its vertical metrics and average character width, in font units. */
export interface FaceMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  /** Advance width averaged over Latin text by letter frequency (Capsize's xWidthAvg). */
  xWidthAvg: number;
}

const quote = (s: string) => `"${s.replace(/["\\]/g, '')}"`;
const sources = (src: FontFaceData['src']) =>
  src.map((s) => `url(${quote(s.url)})${s.format ? ` format(${quote(s.format)})` : ''}`).join(', ');
const weightOf = (f: FontFaceData) => String(f.weight ?? 400);
const styleOf = (f: FontFaceData) => f.style ?? 'normal';

/** The @font-face rules, each face with the `font-display` that `display` gives it. */
export function fontFaceCss(
  family: string,
  faces: readonly FontFaceData[],
  display: (face: FontFaceData) => string = () => 'swap',
): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:${quote(family)};src:${sources(f.src)};font-weight:${weightOf(f)};font-style:${styleOf(f)};font-display:${display(f)}}`,
    )
    .join('\n');
}

/** The first-screen face of a family: regular upright (what body text needs first), else the first. */
export function regularFace<T extends FontFaceData>(faces: readonly T[]): T | undefined {
  return faces.find((f) => styleOf(f) === 'normal' && weightOf(f).startsWith('400')) ?? faces[0];
}

/** The file to preload: the regular upright face's WOFF 2. */
export function preloadUrl(faces: readonly FontFaceData[]): string | undefined {
  const regular = regularFace(faces);
  return regular?.src.find((s) => s.url.endsWith('.woff2'))?.url ?? regular?.src[0]?.url;
}

const percent = (v: number) => `${Number((v * 100).toFixed(2))}%`;

/**
 * The descriptors that make the regular file stand in for `face`: `size-adjust` scales it to the
 * face's average character width (so lines break where the face's would), and the ascent, descent
 * and line gap are the face's own, divided by that scale (browsers scale these overrides by
 * size-adjust too), so each line box keeps its height and baseline.
 */
export function fallbackDescriptors(regular: FaceMetrics, face: FaceMetrics): Record<string, string> {
  const sizeAdjust = face.xWidthAvg / face.unitsPerEm / (regular.xWidthAvg / regular.unitsPerEm);
  const em = face.unitsPerEm * sizeAdjust;
  return {
    'size-adjust': percent(sizeAdjust),
    'ascent-override': percent(face.ascent / em),
    'descent-override': percent(Math.abs(face.descent) / em),
    'line-gap-override': percent(face.lineGap / em),
  };
}

/**
 * The fallback family: one face per face of the family, each the regular file (`regular.src`, the
 * same address, so no second download) with the weight and style it stands in for, metric-matched
 * to it; `optional`, so a fallback never swaps in late. The regular weight's own stand-in is the
 * file as it is, for text that reaches the fallback family while the regular face is still loading.
 */
export function fallbackFaceCss(
  fallbackFamily: string,
  regular: FontFaceData & { metrics: FaceMetrics },
  faces: ReadonlyArray<FontFaceData & { metrics: FaceMetrics }>,
): string {
  return faces
    .map((f) => {
      const descriptors =
        f === regular
          ? ''
          : Object.entries(fallbackDescriptors(regular.metrics, f.metrics))
              .map(([k, v]) => `;${k}:${v}`)
              .join('');
      return `@font-face{font-family:${quote(fallbackFamily)};src:${sources(regular.src)};font-weight:${weightOf(f)};font-style:${styleOf(f)};font-display:optional${descriptors}}`;
    })
    .join('\n');
}

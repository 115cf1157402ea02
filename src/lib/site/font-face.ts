/**
 * @font-face rules for a self-hosted family, from the data Astro's fonts API
 * exposes (`fontData` in astro:assets): served as a stylesheet, not inline,
 * so the Content Security Policy needs no exception for styles.
 */
export interface FontFaceData {
  src: Array<{ url: string; format?: string }>;
  weight?: string;
  style?: string;
}

export function fontFaceCss(family: string, faces: readonly FontFaceData[], display = 'swap'): string {
  const quote = (s: string) => `"${s.replace(/["\\]/g, '')}"`;
  return faces
    .map((f) => {
      const src = f.src.map((s) => `url(${quote(s.url)})${s.format ? ` format(${quote(s.format)})` : ''}`).join(', ');
      return `@font-face{font-family:${quote(family)};src:${src};font-weight:${f.weight ?? 400};font-style:${f.style ?? 'normal'};font-display:${display}}`;
    })
    .join('\n');
}

/** The file to preload: the regular upright face (the one body text needs first). */
export function preloadUrl(faces: readonly FontFaceData[]): string | undefined {
  const regular =
    faces.find((f) => (f.style ?? 'normal') === 'normal' && String(f.weight ?? '400').startsWith('400')) ?? faces[0];
  return regular?.src.find((s) => s.url.endsWith('.woff2'))?.url ?? regular?.src[0]?.url;
}

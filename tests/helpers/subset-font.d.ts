declare module 'subset-font' {
  /** Subset a font (SFNT, WOFF or WOFF2) to the glyphs of `text`, with HarfBuzz (WebAssembly): the tests' oracle for ttf-subset.ts. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; preserveNameIds?: number[] },
  ): Promise<Buffer>;
}

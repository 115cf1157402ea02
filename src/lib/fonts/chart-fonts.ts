import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The font static images are drawn with: Noto Sans SC (Latin and Chinese,
 * e.g. 豆包, 火山引擎), shipped by an npm package so every machine renders the
 * same glyphs without a system font. Registered once per process as "AIF Sans".
 */
const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

let registered: string | undefined;

/** Paths of the chart font's files (regular, bold), for the web font served to the live chart and the font embedded in chart SVGs. */
export function chartFontPaths(): { regular: string; bold: string } {
  return { regular: require.resolve(FILES.regular), bold: require.resolve(FILES.bold) };
}

/** Register the font and return a hash of its files (part of the image cache key). */
export function registerChartFonts(): string {
  if (registered) return registered;
  const hash = createHash('sha256');
  for (const spec of Object.values(FILES)) {
    let path: string;
    try {
      path = require.resolve(spec);
    } catch {
      throw new Error(
        `The chart font ${spec} is missing. Run \`npm ci\` to install it (package @expo-google-fonts/noto-sans-sc).`,
      );
    }
    if (!existsSync(path)) throw new Error(`The chart font file ${path} is missing; reinstall with \`npm ci\`.`);
    GlobalFonts.registerFromPath(path, 'AIF Sans');
    hash.update(readFileSync(path).subarray(0, 65536));
  }
  registered = hash.digest('hex').slice(0, 12);
  return registered;
}

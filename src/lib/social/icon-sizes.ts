/**
 * Sizes of the PNG site icon: 144 px for RSS `<image>` (its maximum width), 512 px for JSON Feed `icon`
 * and Atom `logo`. Apart from the drawing code (./icon.ts), so the link check and `_headers` can name
 * the files without loading the canvas.
 */
export const ICON_SIZES = [144, 512] as const;

/**
 * The OS/2 table's Unicode range bits (ulUnicodeRange1–4): which bit stands for which Unicode
 * blocks, as the OpenType specification assigns them (https://learn.microsoft.com/typography/opentype/spec/os2#ur).
 * A subset keeps a bit only when it still holds a character of one of that bit's blocks, so a
 * system that picks fonts by these bits is not told the subset covers scripts it has dropped.
 *
 * Written as the specification lists them, one bit per entry: `bit:first-last first-last …` (hex).
 * Bit 57 (Non-Plane 0) stands for the surrogates' block, and is set by any character beyond U+FFFF.
 */
const SPEC = `
0:0-7F 1:80-FF 2:100-17F 3:180-24F 4:250-2AF,1D00-1D7F,1D80-1DBF 5:2B0-2FF,A700-A71F
6:300-36F,1DC0-1DFF 7:370-3FF 8:2C80-2CFF 9:400-4FF,500-52F,2DE0-2DFF,A640-A69F 10:530-58F 11:590-5FF
12:A500-A63F 13:600-6FF,750-77F 14:7C0-7FF 15:900-97F 16:980-9FF 17:A00-A7F 18:A80-AFF 19:B00-B7F
20:B80-BFF 21:C00-C7F 22:C80-CFF 23:D00-D7F 24:E00-E7F 25:E80-EFF 26:10A0-10FF,2D00-2D2F 27:1B00-1B7F
28:1100-11FF 29:1E00-1EFF,2C60-2C7F,A720-A7FF 30:1F00-1FFF 31:2000-206F,2E00-2E7F 32:2070-209F
33:20A0-20CF 34:20D0-20FF 35:2100-214F 36:2150-218F 37:2190-21FF,27F0-27FF,2900-297F,2B00-2BFF
38:2200-22FF,27C0-27EF,2980-29FF,2A00-2AFF 39:2300-23FF 40:2400-243F 41:2440-245F 42:2460-24FF
43:2500-257F 44:2580-259F 45:25A0-25FF 46:2600-26FF 47:2700-27BF 48:3000-303F 49:3040-309F
50:30A0-30FF,31F0-31FF 51:3100-312F,31A0-31BF 52:3130-318F 53:A840-A87F 54:3200-32FF 55:3300-33FF
56:AC00-D7AF 57:D800-DFFF 58:10900-1091F 59:2E80-2EFF,2F00-2FDF,2FF0-2FFF,3190-319F,3400-4DBF,4E00-9FFF,20000-2A6DF
60:E000-F8FF 61:31C0-31EF,F900-FAFF,2F800-2FA1F 62:FB00-FB4F 63:FB50-FDFF 64:FE20-FE2F 65:FE10-FE1F,FE30-FE4F
66:FE50-FE6F 67:FE70-FEFF 68:FF00-FFEF 69:FFF0-FFFF 70:F00-FFF 71:700-74F 72:780-7BF 73:D80-DFF
74:1000-109F 75:1200-137F,1380-139F,2D80-2DDF 76:13A0-13FF 77:1400-167F 78:1680-169F 79:16A0-16FF
80:1780-17FF,19E0-19FF 81:1800-18AF 82:2800-28FF 83:A000-A48F,A490-A4CF 84:1700-171F,1720-173F,1740-175F,1760-177F
85:10300-1032F 86:10330-1034F 87:10400-1044F 88:1D000-1D0FF,1D100-1D1FF,1D200-1D24F 89:1D400-1D7FF
90:F0000-FFFFD,100000-10FFFD 91:FE00-FE0F,E0100-E01EF 92:E0000-E007F 93:1900-194F 94:1950-197F
95:1980-19DF 96:1A00-1A1F 97:2C00-2C5F 98:2D30-2D7F 99:4DC0-4DFF 100:A800-A82F 101:10000-1007F,10080-100FF,10100-1013F
102:10140-1018F 103:10380-1039F 104:103A0-103DF 105:10450-1047F 106:10480-104AF 107:10800-1083F 108:10A00-10A5F
109:1D300-1D35F 110:12000-123FF,12400-1247F 111:1D360-1D37F 112:1B80-1BBF 113:1C00-1C4F 114:1C50-1C7F
115:A880-A8DF 116:A900-A92F 117:A930-A95F 118:AA00-AA5F 119:10190-101CF 120:101D0-101FF
121:10280-1029F,102A0-102DF,10920-1093F 122:1F000-1F02F,1F030-1F09F
`;

/** Every block as [first, last, bit], sorted by its first character. */
const BLOCKS: ReadonlyArray<readonly [number, number, number]> = SPEC.trim()
  .split(/\s+/)
  .flatMap((entry) => {
    const [bit, ranges] = entry.split(':') as [string, string];
    return ranges.split(',').map((range) => {
      const [first, last] = range.split('-').map((h) => parseInt(h, 16)) as [number, number];
      return [first, last, Number(bit)] as const;
    });
  })
  .sort((a, b) => a[0] - b[0]);

const NON_PLANE_0 = 57;

/** The range bit of one character, or undefined when no block of the table holds it. */
export function unicodeRangeBit(codePoint: number): number | undefined {
  let [lo, hi] = [0, BLOCKS.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last, bit] = BLOCKS[mid]!;
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return bit;
  }
  return undefined;
}

/** The four ulUnicodeRange words for these characters: each bit set when one of them lies in its blocks. */
export function unicodeRanges(codePoints: Iterable<number>): [number, number, number, number] {
  const words: [number, number, number, number] = [0, 0, 0, 0];
  const set = (bit: number) => (words[bit >> 5] = (words[bit >> 5]! | (1 << (bit & 31))) >>> 0);
  for (const cp of codePoints) {
    const bit = unicodeRangeBit(cp);
    if (bit !== undefined) set(bit);
    if (cp > 0xffff) set(NON_PLANE_0);
  }
  return words;
}

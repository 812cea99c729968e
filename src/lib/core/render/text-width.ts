/**
 * Column width of text in a monospace font: East Asian wide and fullwidth characters (Japanese,
 * most emoji) take two columns, so Japanese labels line up with English ones in plain-text email.
 */

/** Code point ranges that take two columns (East Asian Width W/F, main emoji blocks). */
const wideRanges = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
] as const;

const FIRST_WIDE = wideRanges[0][0];

function charWidth(codePoint: number): number {
  for (const [from, to] of wideRanges) if (codePoint >= from && codePoint <= to) return 2;
  return 1;
}

/** Columns `text` takes in a monospace font. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Below the first wide range (all of ASCII and Latin): one column, no table lookup.
    if (c < FIRST_WIDE) {
      width += 1;
      continue;
    }
    const low = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      width += charWidth(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      i++;
    } else {
      width += charWidth(c);
    }
  }
  return width;
}

/** Pads `text` with spaces on the right to `width` columns (no-op when already wider). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

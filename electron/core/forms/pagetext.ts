/**
 * Text on pages we draw ourselves (addendum, summary). Unlike a field, a page
 * line can switch fonts mid-line, so mixed-script values render in full.
 */
import type { Color, PDFPage } from 'pdf-lib';
import type { DocumentFonts, FontKey } from './fonts';
import { wrapText } from './layout';

/**
 * Wraps `text` to `maxWidth`, measuring each character in the font that will
 * draw it. Widths come from the fonts' metrics cache: wrapping measures every
 * candidate line, and shaping each one anew made long addenda take seconds.
 */
export async function wrapMixed(fonts: DocumentFonts, text: string, size: number, maxWidth: number): Promise<string[]> {
  const { segments } = fonts.segment(text);
  const keyOf = new Map<string, FontKey>();
  for (const seg of segments) for (const ch of seg.text) if (!keyOf.has(ch)) keyOf.set(ch, seg.key);
  const fallback = segments[0]?.key ?? 'sans';
  const measure = (s: string) => {
    let w = 0;
    for (const ch of s) w += fonts.measure(keyOf.get(ch) ?? fallback, ch).width;
    return w * size;
  };
  return Promise.resolve(wrapText(text, measure, maxWidth));
}

/** Line height for `size`, taken from the tallest bundled font the line uses. */
export async function lineHeightOf(fonts: DocumentFonts, text: string, size: number): Promise<number> {
  const { runs } = await fonts.runs(text);
  const sans = await fonts.get('sans');
  return Math.max(sans.heightAtSize(size), ...runs.map((r) => r.font.heightAtSize(size))) * 1.2;
}

/**
 * Draws one line (already wrapped) at x, y, run by run in logical order.
 * fontkit shapes Arabic and reverses right-to-left runs itself; a line that
 * starts right-to-left and then switches script keeps its runs left to right.
 */
export async function drawMixed(
  page: PDFPage,
  fonts: DocumentFonts,
  line: string,
  at: { x: number; y: number; size: number; color?: Color },
): Promise<void> {
  const { runs } = await fonts.runs(line);
  let x = at.x;
  for (const run of runs) {
    page.drawText(run.text, { x, y: at.y, size: at.size, font: run.font, ...(at.color ? { color: at.color } : {}) });
    x += run.font.widthOfTextAtSize(run.text, at.size);
  }
}

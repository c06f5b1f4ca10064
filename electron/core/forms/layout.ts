import { layoutMultilineText, TextAlignment, type PDFFont, type PDFTextField, type PDFWidgetAnnotation } from 'pdf-lib';

/** Below this, printed forms become hard to read; text that needs less goes to the addendum. */
export const MIN_FONT_SIZE = 6;
/** Size used when a field asks for auto-sizing (DA size 0). */
const AUTO_FONT_SIZE = 10;

const TF = /(\d*\.\d+|\d+)\s+Tf/g;

export function daFontSize(da: string | undefined): number | undefined {
  const matches = [...(da ?? '').matchAll(TF)];
  const size = Number(matches[matches.length - 1]?.[1]);
  return Number.isFinite(size) ? size : undefined;
}

/** Rewrites the size in a DA string, where pdf-lib's appearance provider reads it from. */
export function withFontSize(da: string, size: number): string {
  const rounded = Math.floor(size * 10) / 10;
  let last = -1;
  for (const m of da.matchAll(TF)) last = m.index ?? -1;
  if (last === -1) return da;
  return da.slice(0, last) + da.slice(last).replace(/^(\d*\.\d+|\d+)/, String(rounded));
}

export interface Box {
  width: number;
  height: number;
}

/** The text area pdf-lib's default appearance uses: the rectangle less border and 1pt padding. */
export function innerBox(widget: PDFWidgetAnnotation, combed: boolean): Box {
  const rect = widget.getRectangle();
  const border = widget.getBorderStyle()?.getWidth() ?? 0;
  const pad = border + (combed ? 0 : 1);
  const rotation = (((widget.getAppearanceCharacteristics()?.getRotation() ?? 0) % 360) + 360) % 360;
  const [w, h] = rotation === 90 || rotation === 270 ? [rect.height, rect.width] : [rect.width, rect.height];
  return { width: Math.max(0, w - 2 * pad), height: Math.max(0, h - 2 * pad) };
}

/**
 * Largest size not above the field's own that shows all of `text` in `box`,
 * or undefined when even MIN_FONT_SIZE would cut it.
 */
export function fittingSize(field: PDFTextField, text: string, font: PDFFont, box: Box, daSize: number | undefined): number | undefined {
  const wanted = daSize && daSize > 0 ? daSize : Math.min(AUTO_FONT_SIZE, box.height / font.heightAtSize(1));
  if (field.isCombed()) {
    const cells = field.getMaxLength() ?? 0;
    if (cells === 0) return undefined;
    const widest = Math.max(0, ...[...text].map((c) => font.widthOfTextAtSize(c, 1)));
    const size = widest === 0 ? wanted : Math.min(wanted, box.width / cells / widest);
    return size >= MIN_FONT_SIZE ? size : undefined;
  }
  if (field.isMultiline()) {
    for (let size = wanted; size >= MIN_FONT_SIZE; size -= 0.5) {
      if (multilineFits(text, font, size, box)) return size;
    }
    return undefined;
  }
  const width = font.widthOfTextAtSize(text, 1);
  const size = width === 0 ? wanted : Math.min(wanted, box.width / width);
  return size >= MIN_FONT_SIZE ? size : undefined;
}

function multilineFits(text: string, font: PDFFont, size: number, box: Box): boolean {
  const layout = layoutMultilineText(text, {
    alignment: TextAlignment.Left,
    fontSize: size,
    font,
    bounds: { x: 0, y: 0, ...box },
  });
  const tooWide = layout.lines.some((l) => l.width > box.width + 0.01);
  return !tooWide && layout.lines.length * font.heightAtSize(size) <= box.height + 0.01;
}

/**
 * Greedy word wrap that also breaks words longer than a line, which pdf-lib's
 * own wrapping leaves running off the page. `measure` gives a string's width.
 */
export function wrapText(text: string, measure: (s: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/(\s+)/)) {
      const candidate = line + word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line.trim() !== '') lines.push(line.trimEnd());
      line = '';
      if (/^\s+$/.test(word)) continue;
      for (const ch of word) {
        if (line !== '' && measure(line + ch) > maxWidth) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * Continuation pages for values that did not fit their field. USCIS accepts
 * additional sheets that name the item they continue; each entry here prints
 * the field's own label and the complete value.
 */
import { concatTransformationMatrix, degrees, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { measureLine } from './appearance';
import type { OverflowItem } from '../../../shared/forms/types';
import type { DocumentFonts } from './fonts';
import { drawMixed, lineHeightOf, wrapMixed } from './pagetext';

const MARGIN = 54;
const TITLE_SIZE = 14;
const SMALL = 9;
const VALUE_SIZE = 11;
const GAP = 10;
const GREY = rgb(0.35, 0.35, 0.35);

export interface AddendumHeader {
  title: string;
  /** Identifying lines, e.g. the person's name and A-Number. */
  lines: string[];
}

/** Appends the addendum; returns how many pages it added. */
export async function appendAddendum(
  doc: PDFDocument,
  fonts: DocumentFonts,
  items: OverflowItem[],
  header: AddendumHeader,
): Promise<number> {
  const sans = await fonts.get('sans');
  const first = doc.getPage(0);
  const media = first.getSize();
  const rotation = (((first.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  // Drawn in the page's upright (displayed) coordinates, so it reads like the form's own pages.
  const [width, height] = rotation % 180 === 0 ? [media.width, media.height] : [media.height, media.width];
  const textWidth = width - 2 * MARGIN;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  /** Lowest ink drawn so far on this page, so a separator never crosses a descender. */
  let inkBottom = 0;

  const newPage = () => {
    page = doc.addPage([media.width, media.height]);
    if (rotation !== 0) {
      page.setRotation(degrees(rotation));
      page.pushOperators(uprightMatrix(rotation, media.width, media.height));
    }
    pages.push(page);
    y = height - MARGIN;
    inkBottom = y;
  };
  const ensure = (needed: number) => {
    if (y - needed < MARGIN + SMALL * 2) newPage();
  };
  const drawLines = async (text: string, size: number, color = rgb(0, 0, 0)) => {
    for (const line of await wrapMixed(fonts, text, size, textWidth)) {
      const lineHeight = await lineHeightOf(fonts, line, size);
      ensure(lineHeight);
      y -= lineHeight;
      await drawMixed(page, fonts, line, { x: MARGIN, y, size, color });
      inkBottom = y + measureLine(fonts, line).lo * size;
    }
  };

  newPage();
  await drawLines(header.title, TITLE_SIZE);
  for (const line of header.lines) await drawLines(line, SMALL + 1);
  y -= GAP / 2;
  await drawLines('Continuation of fields that did not fit on the form. Each entry names the item it continues.', SMALL, GREY);

  for (const item of items) {
    y = Math.min(y, inkBottom) - GAP;
    ensure(SMALL * 2 + VALUE_SIZE * 2);
    // A fresh page has no ink above: the rule sits GAP / 2 above the label either way.
    rule(page, Math.min(y + GAP / 2, inkBottom - GAP / 2), textWidth);
    await drawLines(item.label || item.field, SMALL, GREY);
    await drawLines(item.value, VALUE_SIZE);
  }

  numberPages(pages, sans, width);
  return pages.length;
}

/** Maps upright (displayed) coordinates onto a page shown with /Rotate `rotation`. */
function uprightMatrix(rotation: 90 | 180 | 270, w: number, h: number) {
  if (rotation === 90) return concatTransformationMatrix(0, 1, -1, 0, w, 0);
  if (rotation === 180) return concatTransformationMatrix(-1, 0, 0, -1, w, h);
  return concatTransformationMatrix(0, -1, 1, 0, 0, h);
}

function rule(page: PDFPage, y: number, width: number): void {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.5, color: GREY });
}

function numberPages(pages: PDFPage[], font: PDFFont, pageWidth: number): void {
  pages.forEach((p, i) => {
    const text = `Addendum page ${i + 1} of ${pages.length}`;
    const w = font.widthOfTextAtSize(text, SMALL);
    p.drawText(text, { x: pageWidth - MARGIN - w, y: MARGIN / 2, size: SMALL, font, color: GREY });
  });
}

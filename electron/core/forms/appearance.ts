/**
 * Appearance streams for text, dropdown and list-box widgets, drawn here
 * rather than by pdf-lib's default provider, for three reasons:
 * - pdf-lib places the baseline from the ascender alone, so descenders (g, y,
 *   Arabic tails and dots) fall below the clip box. Here each line is placed
 *   and sized by its real ink extent, never less than the Latin descender and
 *   cap height, so every line has room for what it draws.
 * - A field value may switch fonts mid-line ("张, 伟": the CJK font has no
 *   ASCII), so each glyph run gets the bundled font that has it.
 * - pdf-lib rewrites the field's /DA to name the (subset) font it drew with;
 *   a later editor (pdftk, Acrobat) then regenerates with a subset lacking
 *   the new glyphs. Here /DA is never touched: the original stays usable and
 *   only our appearance streams reference the subsets.
 */
import {
  adjustDimsForRotation,
  beginMarkedContent,
  beginText,
  clip,
  closePath,
  componentsToColor,
  degrees,
  drawRectangle,
  endMarkedContent,
  endPath,
  endText,
  grayscale,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  reduceRotation,
  rgb,
  rotateAndSkewTextDegreesAndTranslate,
  rotateInPlace,
  setFillingColor,
  setFontAndSize,
  showText,
  TextAlignment,
  type Color,
  type PDFFont,
  type PDFOperator,
  type PDFWidgetAnnotation,
} from 'pdf-lib';
import type { DocumentFonts, FontKey, RunMetrics, Segment } from './fonts';
import { MIN_FONT_SIZE, wrapText } from './layout';

/** Size used when a field asks for auto-sizing (DA size 0). */
const AUTO_FONT_SIZE = 10;
/** Room kept between the ink and the clip edge, so anti-aliasing never reaches it. */
const EDGE = 0.5;
/** Line spacing of multi-line fields and list boxes, as a share of the line's extent. */
const LEADING = 1.1;
const HIGHLIGHT = rgb(153 / 255, 193 / 255, 218 / 255);

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Geometry {
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  border: number;
  background?: Color;
  borderColor?: Color;
  rect: { x: number; y: number; width: number; height: number };
}

function geometry(widget: PDFWidgetAnnotation): Geometry {
  const rect = widget.getRectangle();
  const mk = widget.getAppearanceCharacteristics();
  const rotation = reduceRotation(mk?.getRotation()) as Geometry['rotation'];
  const { width, height } = adjustDimsForRotation(rect, rotation);
  const background = componentsToColor(mk?.getBackgroundColor());
  const borderColor = componentsToColor(mk?.getBorderColor());
  return {
    width,
    height,
    rotation,
    border: widget.getBorderStyle()?.getWidth() ?? 0,
    rect,
    ...(background ? { background } : {}),
    ...(borderColor ? { borderColor } : {}),
  };
}

/** The clip box, as pdf-lib and Acrobat use it: the rectangle less the border and 1 pt padding (none when combed). */
export function clipBox(widget: PDFWidgetAnnotation, combed: boolean): Box {
  return boxOf(geometry(widget), combed);
}

function boxOf(g: Geometry, combed: boolean): Box {
  const inset = g.border + (combed ? 0 : 1);
  return { x: inset, y: inset, width: Math.max(0, g.width - 2 * inset), height: Math.max(0, g.height - 2 * inset) };
}

type Measured = Segment & RunMetrics;

interface Line {
  segments: Measured[];
  width: number;
  /** The real ink extent (em, from the baseline): what must fit inside the clip box. */
  lo: number;
  hi: number;
  /** The ink widened to the Latin descender and cap height: where the baseline goes when there is room, so baselines line up. */
  nominalLo: number;
  nominalHi: number;
}

export function measureLine(fonts: DocumentFonts, text: string): Line {
  const ref = fonts.reference();
  const segments = fonts.segment(text).segments.map((s) => ({ ...s, ...fonts.measure(s.key, s.text) }));
  const lo = Math.min(0, ...segments.map((s) => s.lo));
  const hi = Math.max(0, ...segments.map((s) => s.hi));
  return {
    segments,
    width: segments.reduce((w, s) => w + s.width, 0),
    lo,
    hi,
    nominalLo: Math.min(ref.descender, lo),
    nominalHi: Math.max(ref.capHeight, hi),
  };
}

/**
 * Baseline that centres the nominal extent, moved up or down just enough
 * that the ink stays EDGE inside the box (the ink always fits: the size was
 * chosen for it).
 */
function baseline(box: Box, size: number, line: Pick<Line, 'lo' | 'hi' | 'nominalLo' | 'nominalHi'>): number {
  const nominal = box.y + (box.height - (line.nominalHi - line.nominalLo) * size) / 2 - line.nominalLo * size;
  const lowest = box.y + EDGE - line.lo * size;
  const highest = box.y + box.height - EDGE - line.hi * size;
  return Math.min(Math.max(nominal, lowest), Math.max(highest, lowest));
}

interface Placed {
  key: FontKey;
  text: string;
  x: number;
  y: number;
}

export interface TextPlan {
  size: number;
  placed: Placed[];
  keys: FontKey[];
  /** List boxes: highlight rectangles behind selected options. */
  highlights?: Box[];
  /** List boxes: index of the first option shown. */
  topIndex?: number;
  combed?: boolean;
}

function place(line: Line, size: number, x: number, y: number): Placed[] {
  const out: Placed[] = [];
  let at = x;
  // Runs in logical order; fontkit reverses right-to-left runs itself (see pagetext.ts).
  for (const s of line.segments) {
    out.push({ key: s.key, text: s.text, x: at, y });
    at += s.width * size;
  }
  return out;
}

function alignX(box: Box, width: number, alignment: TextAlignment): number {
  if (alignment === TextAlignment.Center) return box.x + (box.width - width) / 2;
  if (alignment === TextAlignment.Right) return box.x + box.width - width;
  return box.x;
}

function wanted(daSize: number | undefined): number {
  return daSize && daSize > 0 ? daSize : AUTO_FONT_SIZE;
}

function keysOf(lines: Line[]): FontKey[] {
  return [...new Set(lines.flatMap((l) => l.segments.map((s) => s.key)))];
}

/**
 * Largest size not above the field's own (or AUTO_FONT_SIZE for auto) at
 * which the line fits the box in width and in its real height; the baseline
 * centres that extent. Undefined when it would take less than MIN_FONT_SIZE,
 * unless `force` (a choice value, which has no addendum).
 */
export function planSingle(
  fonts: DocumentFonts,
  text: string,
  widget: PDFWidgetAnnotation,
  daSize: number | undefined,
  alignment: TextAlignment,
  force = false,
): TextPlan | undefined {
  const box = boxOf(geometry(widget), false);
  const line = measureLine(fonts, text);
  const extent = line.hi - line.lo;
  let size = Math.min(wanted(daSize), (box.height - 2 * EDGE) / extent);
  if (line.width > 0) size = Math.min(size, box.width / line.width);
  if (!(size >= MIN_FONT_SIZE) && !force) return undefined;
  size = Math.max(size, 1);
  const y = baseline(box, size, line);
  return { size, placed: place(line, size, alignX(box, line.width * size, alignment), y), keys: keysOf([line]) };
}

/** One character per cell, each centred; the size is the one every character fits its cell at. */
export function planComb(
  fonts: DocumentFonts,
  text: string,
  widget: PDFWidgetAnnotation,
  daSize: number | undefined,
  cells: number,
): TextPlan | undefined {
  if (cells <= 0) return undefined;
  const box = boxOf(geometry(widget), true);
  const chars = [...text].map((c) => measureLine(fonts, c));
  const cellWidth = box.width / cells;
  const extent = {
    lo: Math.min(0, ...chars.map((c) => c.lo)),
    hi: Math.max(0, ...chars.map((c) => c.hi)),
    nominalLo: Math.min(0, ...chars.map((c) => c.nominalLo)),
    nominalHi: Math.max(0, ...chars.map((c) => c.nominalHi)),
  };
  let size = Math.min(wanted(daSize), (box.height - 2 * EDGE) / (extent.hi - extent.lo));
  for (const c of chars) if (c.width > 0) size = Math.min(size, cellWidth / c.width);
  if (!(size >= MIN_FONT_SIZE)) return undefined;
  const y = baseline(box, size, extent);
  const placed = chars.flatMap((c, i) => place(c, size, box.x + i * cellWidth + (cellWidth - c.width * size) / 2, y));
  return { size, placed, keys: keysOf(chars), combed: true };
}

/** Word-wrapped lines from the top, shrinking by half points until all lines fit. */
export function planMultiline(
  fonts: DocumentFonts,
  text: string,
  widget: PDFWidgetAnnotation,
  daSize: number | undefined,
  alignment: TextAlignment,
): TextPlan | undefined {
  const box = boxOf(geometry(widget), false);
  const whole = measureLine(fonts, text.replace(/\s+/g, ' '));
  const extent = whole.hi - whole.lo;
  const widthCache = new Map<string, number>();
  const em = (s: string) => {
    let w = widthCache.get(s);
    if (w === undefined) {
      w = measureLine(fonts, s).width;
      widthCache.set(s, w);
    }
    return w;
  };
  for (let size = wanted(daSize); size >= MIN_FONT_SIZE; size -= 0.5) {
    const lines = wrapText(text, (s) => em(s) * size, box.width);
    const leading = extent * size * LEADING;
    if ((lines.length - 1) * leading + extent * size > box.height - 2 * EDGE) continue;
    if (lines.some((l) => em(l) * size > box.width + 0.01)) continue;
    const top = box.y + box.height - EDGE - whole.hi * size;
    const measured = lines.map((l) => measureLine(fonts, l));
    const placed = measured.flatMap((l, i) => place(l, size, alignX(box, l.width * size, alignment), top - i * leading));
    return { size, placed, keys: keysOf(measured) };
  }
  return undefined;
}

/**
 * A list box: the options at a size where the (first) selected one fits the
 * width and at least one line the height, scrolled (/TI) so that it shows,
 * highlighted like Acrobat does.
 */
export function planList(
  fonts: DocumentFonts,
  options: readonly string[],
  selected: readonly string[],
  widget: PDFWidgetAnnotation,
  daSize: number | undefined,
): TextPlan {
  const box = boxOf(geometry(widget), false);
  const lines = options.map((o) => measureLine(fonts, o));
  const lo = Math.min(...lines.map((l) => l.lo), 0);
  const hi = Math.max(...lines.map((l) => l.hi), 0);
  const first = options.findIndex((o) => selected.includes(o));
  let size = Math.min(wanted(daSize), (box.height - 2 * EDGE) / (hi - lo));
  const chosenWidth = first >= 0 ? (lines[first]?.width ?? 0) : 0;
  if (chosenWidth > 0) size = Math.min(size, box.width / chosenWidth);
  size = Math.max(size, 1);
  const leading = (hi - lo) * size * LEADING;
  const visible = Math.max(1, Math.floor((box.height - 2 * EDGE - (hi - lo) * size) / leading) + 1);
  const topIndex = first >= visible ? Math.min(first, Math.max(0, options.length - visible)) : 0;
  const top = box.y + box.height - EDGE - hi * size;
  const placed: Placed[] = [];
  const highlights: Box[] = [];
  lines.slice(topIndex, topIndex + visible).forEach((line, row) => {
    const y = top - row * leading;
    if (selected.includes(options[topIndex + row] ?? '')) {
      highlights.push({ x: box.x - 1, y: y + lo * size - (leading - (hi - lo) * size) / 2, width: box.width + 2, height: leading });
    }
    placed.push(...place(line, size, box.x, y));
  });
  return { size, placed, keys: keysOf(lines), highlights, topIndex };
}

/** The text colour a /DA string asks for (g, rg or k), black otherwise. */
export function daColor(da: string | undefined): Color {
  const s = da ?? '';
  const rgbMatch = /(\d*\.?\d+)\s+(\d*\.?\d+)\s+(\d*\.?\d+)\s+rg/.exec(s);
  if (rgbMatch) return rgb(Number(rgbMatch[1]), Number(rgbMatch[2]), Number(rgbMatch[3]));
  const grey = /(\d*\.?\d+)\s+g(\s|$)/.exec(s);
  if (grey) return grayscale(Number(grey[1]));
  return rgb(0, 0, 0);
}

/** Builds the widget's normal appearance from a plan; the field's /DA is left as the blank had it. */
export async function drawPlan(fonts: DocumentFonts, widget: PDFWidgetAnnotation, plan: TextPlan, color: Color): Promise<void> {
  const g = geometry(widget);
  const byKey = new Map<FontKey, PDFFont>();
  for (const key of plan.keys) byKey.set(key, await fonts.get(key));
  const text: PDFOperator[] = [beginText(), setFillingColor(color)];
  for (const p of plan.placed) {
    const font = byKey.get(p.key);
    if (!font) continue;
    text.push(
      setFontAndSize(font.name, plan.size),
      rotateAndSkewTextDegreesAndTranslate(0, 0, 0, p.x, p.y),
      showText(fonts.encode(p.key, font, p.text)),
    );
  }
  text.push(endText());
  const highlights = (plan.highlights ?? []).flatMap((h) => rectangle(h, undefined, HIGHLIGHT, 0));
  const box = boxOf(g, plan.combed ?? false);
  const ops: PDFOperator[] = [
    ...rotateInPlace({ ...g.rect, rotation: g.rotation }),
    pushGraphicsState(),
    ...rectangle(
      { x: g.border / 2, y: g.border / 2, width: g.width - g.border, height: g.height - g.border },
      g.borderColor,
      g.background,
      g.border,
    ),
    ...highlights,
    ...clipTo(box.width > 0 && box.height > 0 ? box : { x: 0, y: 0, width: g.width, height: g.height }),
    beginMarkedContent('Tx'),
    pushGraphicsState(),
    ...text,
    popGraphicsState(),
    endMarkedContent(),
    popGraphicsState(),
  ];
  const ctx = widget.dict.context;
  const fontDict: Record<string, unknown> = {};
  for (const font of byKey.values()) fontDict[font.name] = font.ref;
  const stream = ctx.formXObject(ops, {
    BBox: ctx.obj([0, 0, g.rect.width, g.rect.height]),
    Matrix: ctx.obj([1, 0, 0, 1, 0, 0]),
    Resources: ctx.obj({ Font: fontDict as never }),
  });
  widget.setNormalAppearance(ctx.register(stream));
  widget.removeRolloverAppearance();
  widget.removeDownAppearance();
}

function rectangle(box: Box, borderColor: Color | undefined, color: Color | undefined, borderWidth: number): PDFOperator[] {
  if (!borderColor && !color) return [];
  return drawRectangle({
    ...box,
    borderWidth: borderColor ? borderWidth : 0,
    color,
    borderColor,
    rotate: degrees(0),
    xSkew: degrees(0),
    ySkew: degrees(0),
  });
}

function clipTo(b: Box): PDFOperator[] {
  return [
    moveTo(b.x, b.y),
    lineTo(b.x, b.y + b.height),
    lineTo(b.x + b.width, b.y + b.height),
    lineTo(b.x + b.width, b.y),
    closePath(),
    clip(),
    endPath(),
  ];
}

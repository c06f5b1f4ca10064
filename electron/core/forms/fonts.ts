/**
 * Bundled Unicode fonts and the choice of one font per piece of text.
 *
 * A PDF field appearance uses a single font, and no single free font of a
 * sensible size covers Latin, Vietnamese, Cyrillic, Arabic and CJK. So each
 * value gets the first bundled font that has every glyph it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as fontkitModule from '@pdf-lib/fontkit';
import { PDFHexString, type PDFDocument, type PDFFont } from 'pdf-lib';
import { defaultResourcesDir } from './resources';
import { padOddGlyphs } from './ttf';

type FontkitModule = typeof fontkitModule;
type FontkitFont = ReturnType<FontkitModule['create']>;

let fontkitModuleLoaded: FontkitModule | undefined;

/**
 * fontkit, loaded on first need rather than with this module: its start
 * decompresses its Unicode tables (Brotli), a third of a second that every
 * core process paid at load (the core imports the forms engine), including a
 * CLI `fill` before its vault unlock. Every path to a font goes through an
 * async entry (DocumentFonts.open, warmFonts) that awaits this first.
 */
export async function loadFontkit(): Promise<FontkitModule> {
  if (!fontkitModuleLoaded) {
    const m = await import('@pdf-lib/fontkit');
    // The UMD build exposes its API as the CommonJS default export under Node's ESM loader.
    fontkitModuleLoaded = (m as unknown as { default?: FontkitModule }).default ?? (m as FontkitModule);
  }
  return fontkitModuleLoaded;
}

/** fontkit once loadFontkit has run; a call before it is a bug in this module's callers. */
function fontkitNow(): FontkitModule {
  if (!fontkitModuleLoaded) throw new Error('fontkit is not loaded yet: await loadFontkit() first');
  return fontkitModuleLoaded;
}

export const FONT_FILES = {
  /** Latin (incl. Vietnamese), Cyrillic, Greek. OFL. */
  sans: 'NotoSans-Regular.ttf',
  /** Arabic script, incl. presentation forms. OFL. */
  arabic: 'NotoSansArabic-Regular.ttf',
  /** CJK and other fallbacks (no Latin). Apache-2.0. */
  cjk: 'DroidSansFallbackFull.ttf',
} as const;

export type FontKey = keyof typeof FONT_FILES;
const ORDER: FontKey[] = ['sans', 'arabic', 'cjk'];

interface LoadedFont {
  bytes: Uint8Array;
  coverage: FontkitFont;
  /** Glyph id -> [minY, maxY] in em, computed once per process (outlines are parsed lazily). */
  ink: Map<number, [number, number]>;
  /** Run text -> metrics; bounded, and the font's own, so it holds no more than glyph measures of recent values. */
  metrics: Map<string, Shaped>;
}

type FontkitGlyph = ReturnType<FontkitFont['layout']>['glyphs'][number];

/** A run's metrics with the glyphs they came from, so encoding the run does not shape it again. */
interface Shaped extends RunMetrics {
  glyphs: readonly FontkitGlyph[];
  /**
   * Whether glyph i is exactly character i (no ligature, decomposition or
   * reordering): then that character is what the PDF's ToUnicode map should
   * say. fontkit caches one glyph object per id with the characters of its
   * first use ("ị" decomposed leaves glyph "i" saying ị), so its own
   * `codePoints` are trusted only where the run is not one to one.
   */
  exact: boolean;
}

/** What pdf-lib reads of a glyph when it writes the widths and ToUnicode map. */
interface GlyphForPdf {
  id: number;
  advanceWidth: number;
  codePoints: number[];
  name?: string;
}

/** The parts of pdf-lib's CustomFontSubsetEmbedder that encodeText touches (pdf-lib 1.17). */
interface SubsetEmbedder {
  subset: { includeGlyph(glyph: FontkitGlyph): number };
  glyphs: GlyphForPdf[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  encodeText(text: string): PDFHexString;
}

function subsetEmbedderOf(font: PDFFont): SubsetEmbedder | undefined {
  const e = (font as unknown as { embedder?: Partial<SubsetEmbedder> }).embedder;
  return e?.subset && Array.isArray(e.glyphs) && e.glyphIdMap instanceof Map && e.glyphCache ? (e as SubsetEmbedder) : undefined;
}

const METRICS_CACHE = 4096;

const cache = new Map<string, LoadedFont>();

/** Parsed fonts by the exact bytes handed to pdf-lib, so its embedders reuse them (see sharedFontkit). */
const parsedByBytes = new WeakMap<Uint8Array, FontkitFont>();

/**
 * fontkit for pdf-lib's embedders that returns the process's already parsed
 * font for bundled font bytes: a fresh parse per fill re-reads the GSUB/GPOS
 * tables on its first layout, which cost more than the rest of a fill. A
 * subset is still created per embedder (per document); the parsed font only
 * holds caches of what its tables say.
 */
function sharedFontkit(): FontkitModule {
  const fontkit = fontkitNow();
  return {
    ...fontkit,
    create: ((bytes: Uint8Array, postscriptName?: string) =>
      parsedByBytes.get(bytes) ?? fontkit.create(bytes as Buffer, postscriptName)) as FontkitModule['create'],
  };
}

/** Font files are read and parsed once per process; each PDF embeds its own subset. */
function loadFont(resourcesDir: string, key: FontKey): LoadedFont {
  const path = join(resourcesDir, 'fonts', FONT_FILES[key]);
  let font = cache.get(path);
  if (!font) {
    const bytes = padOddGlyphs(new Uint8Array(readFileSync(path)));
    font = { bytes, coverage: fontkitNow().create(bytes), ink: new Map(), metrics: new Map() };
    parsedByBytes.set(bytes, font.coverage);
    cache.set(path, font);
  }
  return font;
}

/**
 * Reads and parses the Latin font and its shaping tables ahead of a fill
 * (the CLI does it while Argon2id runs off the main thread): a fresh
 * process otherwise pays for it inside its first field.
 */
export async function warmFonts(resourcesDir: string = defaultResourcesDir()): Promise<void> {
  await loadFontkit();
  loadFont(resourcesDir, 'sans').coverage.layout('Ag');
}

/** Size-independent measures of a run: advance width and the ink's lowest and highest point, in em. */
export interface RunMetrics {
  width: number;
  lo: number;
  hi: number;
}

export interface Segment {
  key: FontKey;
  text: string;
}

export interface FontChoice {
  key: FontKey;
  font: PDFFont;
  /** Characters (not whitespace) the chosen font cannot draw. */
  missing: number;
}

/** Per-document font set: embeds each font at most once, subset, on first use. */
export class DocumentFonts {
  private readonly embedded = new Map<FontKey, Promise<PDFFont>>();

  /** The way to make one: fontkit is loaded first (see loadFontkit). */
  static async open(doc: PDFDocument, resourcesDir?: string): Promise<DocumentFonts> {
    await loadFontkit();
    return new DocumentFonts(doc, resourcesDir);
  }

  private constructor(
    private readonly doc: PDFDocument,
    private readonly resourcesDir: string = defaultResourcesDir(),
  ) {
    doc.registerFontkit(sharedFontkit());
  }

  /** Caches the promise so concurrent first uses embed once. */
  get(key: FontKey): Promise<PDFFont> {
    let font = this.embedded.get(key);
    if (!font) {
      font = this.doc.embedFont(loadFont(this.resourcesDir, key).bytes, { subset: true }).then((f) => {
        // Page text (drawText) encodes through the embedder too: give it the same one-to-one ToUnicode (see encode).
        const embedder = subsetEmbedderOf(f);
        if (embedder) embedder.encodeText = (text: string) => this.encodeWith(key, embedder, text);
        return f;
      });
      this.embedded.set(key, font);
    }
    return font;
  }

  /** The fonts embedded so far. */
  used(): Promise<PDFFont[]> {
    return Promise.all(this.embedded.values());
  }

  async pick(text: string): Promise<FontChoice> {
    const chars = [...text].filter((c) => !/\s/u.test(c));
    let best: { key: FontKey; missing: number } | undefined;
    for (const key of ORDER) {
      const missing = chars.filter((c) => !this.has(key, c)).length;
      if (missing === 0) return { key, font: await this.get(key), missing: 0 };
      if (!best || missing < best.missing) best = { key, missing };
    }
    const key = best?.key ?? 'sans';
    return { key, font: await this.get(key), missing: best?.missing ?? 0 };
  }

  /**
   * Splits text into runs that one font each can draw, for page text and
   * fields alike, where a value may mix scripts ("张, 伟": the CJK font has no
   * ASCII). Whitespace and marks stay in the current run. `missing` counts
   * characters no bundled font has.
   */
  segment(text: string): { segments: Segment[]; missing: number } {
    const runs: Segment[] = [];
    let missing = 0;
    for (const ch of text) {
      const last = runs[runs.length - 1];
      if (last && (/[\s\p{M}]/u.test(ch) || this.has(last.key, ch))) {
        last.text += ch;
        continue;
      }
      const key = ORDER.find((k) => this.has(k, ch));
      if (!key) missing++;
      const use = key ?? last?.key ?? 'sans';
      if (last && last.key === use) last.text += ch;
      else runs.push({ key: use, text: ch });
    }
    return { segments: peelNeutrals(runs), missing };
  }

  async runs(text: string): Promise<{ runs: TextRun[]; missing: number }> {
    const { segments, missing } = this.segment(text);
    const out: TextRun[] = [];
    for (const r of segments) out.push({ text: r.text, font: await this.get(r.key), key: r.key });
    return { runs: out, missing };
  }

  /**
   * Advance width and real vertical ink extent of a run, from the glyphs
   * pdf-lib will draw (fontkit's layout, advance widths without kerning, as
   * pdf-lib measures and encodes them).
   */
  measure(key: FontKey, text: string): RunMetrics {
    return this.shaped(key, text);
  }

  /**
   * The run as the hex glyph string `font` (this document's embedding of
   * `key`) draws, exactly as pdf-lib's encodeText would produce it, but from
   * the glyphs measure() already shaped: shaping is most of a fill's work.
   */
  encode(key: FontKey, font: PDFFont, text: string): PDFHexString {
    const embedder = subsetEmbedderOf(font);
    return embedder ? this.encodeWith(key, embedder, text) : font.encodeText(text);
  }

  private encodeWith(key: FontKey, embedder: SubsetEmbedder, text: string): PDFHexString {
    const { glyphs, exact } = this.shaped(key, text);
    const chars = exact ? [...text] : [];
    let hex = '';
    glyphs.forEach((glyph, i) => {
      const id = embedder.subset.includeGlyph(glyph);
      const char = chars[i]?.codePointAt(0);
      const known = embedder.glyphs[id - 1];
      // A one-to-one mapping always wins; a shaped one only fills a gap, so "i" keeps saying i.
      if (char !== undefined) {
        embedder.glyphs[id - 1] = { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [char] };
      } else if (!known) {
        embedder.glyphs[id - 1] = glyph;
      }
      embedder.glyphIdMap.set(glyph.id, id);
      hex += id.toString(16).padStart(4, '0');
    });
    embedder.glyphCache.invalidate();
    return PDFHexString.of(hex.toUpperCase());
  }

  private shaped(key: FontKey, text: string): Shaped {
    const loaded = loadFont(this.resourcesDir, key);
    // Shaping is the costly part of a fill, and values repeat (names, dates, "See addendum").
    const known = loaded.metrics.get(text);
    if (known) return known;
    const metrics = this.shape(loaded, text);
    if (loaded.metrics.size >= METRICS_CACHE) loaded.metrics.clear();
    loaded.metrics.set(text, metrics);
    return metrics;
  }

  private shape(loaded: LoadedFont, text: string): Shaped {
    const font = loaded.coverage;
    const em = font.unitsPerEm;
    let width = 0;
    let lo = 0;
    let hi = 0;
    const { glyphs } = font.layout(text);
    for (const glyph of glyphs) {
      width += glyph.advanceWidth / em;
      let ink = loaded.ink.get(glyph.id);
      if (!ink) {
        const box = glyph.bbox;
        ink = Number.isFinite(box.minY) && Number.isFinite(box.maxY) ? [box.minY / em, box.maxY / em] : [0, 0];
        loaded.ink.set(glyph.id, ink);
      }
      lo = Math.min(lo, ink[0]);
      hi = Math.max(hi, ink[1]);
    }
    const chars = [...text];
    const exact =
      chars.length === glyphs.length && glyphs.every((g, i) => g.id === font.glyphForCodePoint(chars[i]?.codePointAt(0) ?? 0).id);
    return { width, lo, hi, glyphs, exact };
  }

  /** The Latin font's descender and cap height (em): the floor of every line's extent, so baselines line up. */
  reference(): { descender: number; capHeight: number } {
    const font = loadFont(this.resourcesDir, 'sans').coverage;
    return { descender: font.descent / font.unitsPerEm, capHeight: font.capHeight / font.unitsPerEm };
  }

  private has(key: FontKey, ch: string): boolean {
    return loadFont(this.resourcesDir, key).coverage.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
  }
}

/**
 * fontkit reverses a whole right-to-left run, so spaces and punctuation at
 * its edges would land on the wrong side; they are moved into Latin runs.
 */
function peelNeutrals(runs: Array<{ key: FontKey; text: string }>): Array<{ key: FontKey; text: string }> {
  const out: Array<{ key: FontKey; text: string }> = [];
  for (const run of runs) {
    const m = run.key === 'arabic' ? /^([^\p{L}]*)(.*?\p{L})([^\p{L}]*)$/su.exec(run.text) : null;
    if (!m) {
      out.push(run);
      continue;
    }
    const [, lead = '', core = '', trail = ''] = m;
    if (lead) out.push({ key: 'sans', text: lead });
    out.push({ key: 'arabic', text: core });
    if (trail) out.push({ key: 'sans', text: trail });
  }
  return out;
}

export interface TextRun {
  text: string;
  font: PDFFont;
  key: FontKey;
}

export function runsWidth(runs: readonly TextRun[], size: number): number {
  return runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
}

/**
 * Bundled Unicode fonts and the choice of one font per piece of text.
 *
 * A PDF field appearance uses a single font, and no single free font of a
 * sensible size covers Latin, Vietnamese, Cyrillic, Arabic and CJK. So each
 * value gets the first bundled font that has every glyph it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { defaultResourcesDir } from './resources';
import { padOddGlyphs } from './ttf';

type FontkitModule = typeof fontkitModule;
type FontkitFont = ReturnType<FontkitModule['create']>;

/** The UMD build exposes its API as the CommonJS default export under Node's ESM loader. */
export const fontkit: FontkitModule = (fontkitModule as unknown as { default?: FontkitModule }).default ?? fontkitModule;

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
}

const cache = new Map<string, LoadedFont>();

/** Font files are read and parsed once per process; each PDF embeds its own subset. */
function loadFont(resourcesDir: string, key: FontKey): LoadedFont {
  const path = join(resourcesDir, 'fonts', FONT_FILES[key]);
  let font = cache.get(path);
  if (!font) {
    const bytes = padOddGlyphs(new Uint8Array(readFileSync(path)));
    font = { bytes, coverage: fontkit.create(bytes) };
    cache.set(path, font);
  }
  return font;
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

  constructor(
    private readonly doc: PDFDocument,
    private readonly resourcesDir: string = defaultResourcesDir(),
  ) {
    doc.registerFontkit(fontkit);
  }

  /** Caches the promise so concurrent first uses embed once. */
  get(key: FontKey): Promise<PDFFont> {
    let font = this.embedded.get(key);
    if (!font) {
      font = this.doc.embedFont(loadFont(this.resourcesDir, key).bytes, { subset: true });
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
   * Splits text into runs that one font each can draw, for page text (not
   * fields), where a line may mix scripts. Whitespace and marks stay in the
   * current run. `missing` counts characters no bundled font has.
   */
  async runs(text: string): Promise<{ runs: TextRun[]; missing: number }> {
    const runs: Array<{ key: FontKey; text: string }> = [];
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
    const out: TextRun[] = [];
    for (const r of peelNeutrals(runs)) out.push({ text: r.text, font: await this.get(r.key) });
    return { runs: out, missing };
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
}

export function runsWidth(runs: readonly TextRun[], size: number): number {
  return runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
}

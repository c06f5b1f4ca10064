import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontkit } from '../../../electron/core/forms/fonts';
import { defaultResourcesDir } from '../../../electron/core/forms/resources';
import { padOddGlyphs } from '../../../electron/core/forms/ttf';

const font = (file: string) => new Uint8Array(readFileSync(join(defaultResourcesDir(), 'fonts', file)));

describe('glyph padding for fontkit subsets', () => {
  it('pads odd-length glyphs so a subset keeps its outlines', async () => {
    const fontkit = await loadFontkit();
    const padded = fontkit.create(padOddGlyphs(font('DroidSansFallbackFull.ttf')));
    const glyph = padded.glyphForCodePoint('明'.codePointAt(0) ?? 0);
    const subset = padded.createSubset();
    subset.includeGlyph(glyph.id);
    const chunks: Uint8Array[] = [];
    const stream = subset.encodeStream();
    await new Promise<void>((resolve) => {
      stream.on('data', (c: Uint8Array) => chunks.push(c));
      stream.on('end', () => {
        const bytes = new Uint8Array(Buffer.concat(chunks));
        const reparsed = fontkit.create(bytes);
        expect(reparsed.getGlyph(1).path.toSVG().length).toBeGreaterThan(50);
        resolve();
      });
    });
  });

  it('returns fonts without odd glyphs untouched', () => {
    const noto = font('NotoSans-Regular.ttf');
    expect(padOddGlyphs(noto)).toBe(noto);
  });
});

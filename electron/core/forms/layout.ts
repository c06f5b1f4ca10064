/** Below this, printed forms become hard to read; text that needs less goes to the addendum. */
export const MIN_FONT_SIZE = 6;

const TF = /(\d*\.\d+|\d+)\s+Tf/g;

export function daFontSize(da: string | undefined): number | undefined {
  const matches = [...(da ?? '').matchAll(TF)];
  const size = Number(matches[matches.length - 1]?.[1]);
  return Number.isFinite(size) ? size : undefined;
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

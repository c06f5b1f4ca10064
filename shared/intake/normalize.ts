import anyAscii from 'any-ascii';

/**
 * Folding for search and matching. Latin letters lose their diacritics and
 * special forms (ø, ß, đ, æ, ł, ı…) through any-ascii's maintained tables, so
 * "garcia" finds "García" and "nguyen" finds "Nguyễn". Other scripts are kept
 * as they are (only lower-cased): a Cyrillic query must still find Cyrillic text,
 * and stripping marks from Devanagari or kana would change the letters.
 */

// A Latin base with any combining marks after it, so decomposed input folds too.
const LATIN_CLUSTER = /\p{Script=Latin}\p{M}*/gu;
// Clerks type names with whatever apostrophe or dash their keyboard gives.
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\u2032]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const SPACES = /\s+/gu;

export function foldForSearch(s: string): string {
  return s
    .normalize('NFKC') // also folds full-width letters and ligatures (ﬁ → fi)
    .replace(LATIN_CLUSTER, (cluster) => anyAscii(cluster))
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim()
    .normalize('NFC');
}

/**
 * ASCII romanisation of any script, for phonetic keys only (double-metaphone
 * understands nothing else). Too lossy for display or plain search: "Ольга"
 * becomes "ol'ga", "王" becomes "wang".
 */
export function romanize(s: string): string {
  return anyAscii(foldForSearch(s)).toLowerCase();
}

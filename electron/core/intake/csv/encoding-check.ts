/**
 * The CLI's second look at a file whose encoding was guessed (no UTF-8, no
 * BOM): a terminal import has no preview where someone checks the accents,
 * so a wrong guess would store mojibake (a Shift-JIS 山田 becomes "ŽR“c")
 * with exit 0. Here a guess is refused unless the text reads cleanly and
 * chardet agrees with it; the user then names the encoding with --encoding.
 */
import chardet from 'chardet';
import { AppError } from '../../../../shared/errors';
import type { Decoded } from './decode';

export interface EncodingVerdict {
  /** chardet's first guess, for the message the CLI prints. */
  detected: { name: string; confidence: number } | null;
}

/** chardet names that read the same as what decode used (Windows-1252 is a superset of Latin-1 for text). */
const SAME_AS: Record<string, readonly string[]> = {
  'Windows-1252': ['windows-1252', 'ISO-8859-1', 'ISO-8859-15'],
};

/** Below this, chardet is guessing (it gives ~10 to every decoder that merely found no error). */
const MIN_CONFIDENCE = 15;
/** From here on chardet's other guess is named first (a 6-name Shift-JIS file scores 81). */
const SURE = 50;

/** Control characters (C0 other than tab and line ends, C1), unassigned and private-use code points, U+FFFD. */
const BAD_CHAR = /(?!\t)\p{Cc}|[\p{Cn}\p{Co}\ufffd]/u;

/**
 * What a double-byte text (Shift-JIS, GBK, Big5) looks like read as a Latin
 * code page: two non-ASCII characters in a row the second of which is a
 * symbol ("–¾"), or a symbol wedged between letters ("R“c"). Real names and
 * notes have accented letters, and quotes or dashes next to spaces.
 */
const MOJIBAKE = /\P{ASCII}[^\p{ASCII}\p{L}\p{M}\s]|[\p{L}\p{N}][^\p{ASCII}\p{L}\p{M}\p{N}\s’·ºª°–—][\p{L}\p{N}]/u;

const refusal = (line: number, what: string, hint = "If you know the file's encoding, run again with --encoding NAME.") =>
  new AppError('CSV_INVALID', `Line ${line}: ${what} Nothing was imported. ${hint}`, {
    errors: [{ line, field: null, code: 'csv.encodingUnsure' }],
  });

/** File line (header = 1) of the first character matching `re`, or null. */
export function firstLineMatching(text: string, re: RegExp): number | null {
  let line = 1;
  for (const raw of text.split(/(\r\n|\r|\n)/)) {
    if (raw === '\r\n' || raw === '\r' || raw === '\n') line++;
    else if (re.test(raw)) return line;
  }
  return null;
}

/** Throws CSV_INVALID (csv.encodingUnsure) naming the first affected line, unless a guessed decode looks right. */
export function checkGuessedEncoding(bytes: Uint8Array, decoded: Decoded): EncodingVerdict {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20));
  const guesses = chardet.analyse(sample);
  const top = guesses[0] ? { name: guesses[0].name, confidence: guesses[0].confidence } : null;
  if (!decoded.guessed) return { detected: top };

  const read = decoded.encoding;
  const same = SAME_AS[read] ?? [read];
  const confidence = Math.max(0, ...guesses.filter((g) => same.includes(g.name)).map((g) => g.confidence));
  const firstNonAscii = firstLineMatching(decoded.text, /\P{ASCII}/u) ?? 1;
  const otherGuess = top && !same.includes(top.name) && top.confidence > confidence ? top : null;
  const looksLikeOther = (g: { name: string; confidence: number }) =>
    refusal(
      firstNonAscii,
      `the file looks like ${g.name} (chardet is ${g.confidence}% sure), not ${read}, so its letters would be stored wrong.`,
      `If it is ${g.name}, run again with --encoding ${g.name}.`,
    );
  // A sure other guess is the most useful thing to say; a weak one comes after the text's own evidence.
  if (otherGuess && otherGuess.confidence >= SURE) throw looksLikeOther(otherGuess);
  const bad = firstLineMatching(decoded.text, BAD_CHAR);
  if (bad !== null) throw refusal(bad, `read as ${read}, this line has characters that are not text (control or unassigned code points).`);
  if (otherGuess) throw looksLikeOther(otherGuess);
  if (confidence < MIN_CONFIDENCE) {
    throw refusal(firstNonAscii, `chardet is only ${confidence}% sure this file is ${read}, so its letters may be stored wrong.`);
  }
  const odd = firstLineMatching(decoded.text, MOJIBAKE);
  if (odd !== null)
    throw refusal(odd, `read as ${read}, this line has letters mixed with symbols, as when a file is read in the wrong encoding.`);
  return { detected: top };
}

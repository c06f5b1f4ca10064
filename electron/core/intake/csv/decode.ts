/**
 * Bytes to text. Valid UTF-8 (with or without a byte-order mark) always wins;
 * UTF-16 needs its BOM. Anything else that is still text is read as
 * Windows-1252, what Excel on a US or Spanish Windows saves as "CSV", unless
 * chardet is sure enough the file is Cyrillic, Arabic, Greek or Hebrew. The
 * preview says which encoding was used so the user can check the accents.
 * Binary files (images, workbooks, PDFs) are refused before any parsing.
 * A caller that knows better (the CLI's --encoding) names the encoding.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../../../shared/contract';
import { tooLargeError } from './read';

export interface Decoded {
  text: string;
  encoding: string;
  /** Shown in the preview when the file was not UTF-8. */
  note?: string;
  /** Read by guessing (no UTF-8, no BOM, no encoding named): the CLI double-checks these. */
  guessed?: boolean;
}

export interface DecodeOptions {
  /** An iconv-lite encoding name the user chose; skips detection. */
  encoding?: string | undefined;
}

/** Legacy single-byte code pages chardet may pick over Windows-1252 (iconv-lite names). */
const NON_LATIN: Record<string, string> = {
  'windows-1251': 'win1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  'windows-1256': 'win1256',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'windows-1253': 'win1253',
  'ISO-8859-8': 'iso-8859-8',
  'windows-1255': 'win1255',
};

const notText = (hint = '') =>
  new AppError(
    'CSV_INVALID',
    `This file is not a text CSV file.${hint} Save it from your spreadsheet as "CSV UTF-8 (comma delimited)" and import that file.`,
    { errors: [{ line: 1, field: null, code: 'csv.notText' }] },
  );

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

export function decodeCsvBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLargeError();
  if (bytes.length === 0)
    throw new AppError('CSV_INVALID', 'This file is empty.', { errors: [{ line: 1, field: null, code: 'csv.empty' }] });
  const decoded = opts.encoding !== undefined ? named(bytes, opts.encoding) : detected(bytes);
  if (!looksLikeText(decoded.text)) throw notText();
  return decoded;
}

/** Throws CSV_INVALID (csv.unknownEncoding) unless iconv-lite knows `name`. */
export function assertEncodingName(name: string): void {
  if (!iconv.encodingExists(name)) {
    throw new AppError('CSV_INVALID', `"${name}" is not an encoding Amparo knows. Try windows-1252, iso-8859-2, shift_jis or gb18030.`, {
      errors: [{ line: 1, field: null, code: 'csv.unknownEncoding' }],
    });
  }
}

function named(bytes: Uint8Array, name: string): Decoded {
  assertEncodingName(name);
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) throw notText(' It looks like an Excel workbook or another zipped file.');
  // NULs are not checked on the bytes here: UTF-16 without a BOM is full of them; looksLikeText checks the text.
  return { text: iconv.decode(Buffer.from(bytes), name), encoding: name, note: `Read as ${name}` };
}

function detected(bytes: Uint8Array): Decoded {
  let decoded: Decoded;
  if (startsWith(bytes, 0xff, 0xfe, 0, 0) || startsWith(bytes, 0, 0, 0xfe, 0xff)) throw notText();
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const text = utf8(bytes.subarray(3));
    if (text === null) throw notText(' It is marked as UTF-8 but holds bytes that are not UTF-8 (the file may be damaged).');
    decoded = { text, encoding: 'UTF-8 with BOM' };
  } else if (startsWith(bytes, 0xff, 0xfe))
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'UTF-16LE' };
  else if (startsWith(bytes, 0xfe, 0xff)) decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'UTF-16BE' };
  else {
    if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) throw notText(' It looks like an Excel workbook or another zipped file.');
    if (bytes.includes(0)) throw notText();
    const asUtf8 = utf8(bytes);
    decoded = asUtf8 !== null ? { text: asUtf8, encoding: 'UTF-8' } : legacy(bytes);
  }
  return decoded;
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function legacy(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // chardet reads a sample; the hint only matters for the rare non-Latin legacy file.
  const guess = chardet.analyse(buf.subarray(0, 1 << 20))[0]?.name;
  const other = guess !== undefined ? NON_LATIN[guess] : undefined;
  if (other) return { text: iconv.decode(buf, other), encoding: guess!, note: `Read as ${guess}`, guessed: true };
  return { text: iconv.decode(buf, 'win1252'), encoding: 'Windows-1252', note: 'Read as Windows-1252', guessed: true };
}

/** No NUL, and control characters (other than tab and line breaks) are rare, as in any text. */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls <= Math.max(2, text.length / 100);
}

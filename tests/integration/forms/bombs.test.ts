/**
 * PDF bombs (issue 16, section 6): a ~1 MB file whose object stream inflates
 * to a gigabyte, and one with 500 000 tiny objects, once took the process
 * past 1.1 GB before being refused. Loading a blank must refuse both with
 * PDF_TOO_COMPLEX while the process stays small. Memory is measured in a
 * child process running the real CLI (`fields --blank`), in bytes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { loadBlank } from '../../../electron/core/forms/blank';
import { tempDir } from '../../helpers/env';
import { runCliMeasured } from '../cli/measured';

/** A PDF from numbered object bodies, with a correct xref table (so no parser needs to repair it). */
function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(b);
    at += b.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)];
  parts.push(Buffer.from(`${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Deflates `total` zero bytes without ever holding them: 1 MiB of zeros written again and again. */
async function deflatedZeros(total: number): Promise<Buffer> {
  const z = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  const chunk = Buffer.alloc(1 << 20);
  for (let written = 0; written < total; written += chunk.length) {
    if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>';
const PAGES = '<< /Type /Pages /Kids [] /Count 0 >>';
const MESSAGE = 'This PDF is too complex to open safely';

let dir: string;
let cleanup: () => void;
let inflateBomb: string;
let objectBomb: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const zeros = await deflatedZeros(1024 ** 3);
  const objStm = Buffer.concat([
    Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${zeros.length} >>\nstream\n`),
    zeros,
    Buffer.from('\nendstream'),
  ]);
  const bomb = pdfOf([CATALOG, PAGES, objStm]);
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024); // ~1 MB on disk, 1 GiB inflated
  inflateBomb = join(dir, 'inflate-bomb.pdf');
  writeFileSync(inflateBomb, bomb);

  const tiny = Array.from({ length: 500_000 }, () => 'null');
  const many = pdfOf([CATALOG, PAGES, ...tiny]);
  expect(many.length).toBeLessThan(50 * 1024 * 1024); // under the blank size limit: only the count refuses it
  objectBomb = join(dir, 'object-bomb.pdf');
  writeFileSync(objectBomb, many);
}, 120_000);
afterAll(() => cleanup());

describe('loading a blank refuses PDF bombs with PDF_TOO_COMPLEX', () => {
  it('an object stream that inflates to 1 GiB: refused, and the process stays small', () => {
    const r = runCliMeasured(['fields', '--blank', inflateBomb]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(MESSAGE);
    // The audit saw 1.1 GB; the check inflates into counters only. A node process with the CLI loaded is ~150 MB.
    expect(r.peakMb).toBeLessThan(450);
  });

  it('500 000 tiny objects: refused, and the process stays small', () => {
    const r = runCliMeasured(['fields', '--blank', objectBomb]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(MESSAGE);
    expect(r.peakMb).toBeLessThan(450);
  });

  it('the engine itself throws the coded error (the UI localizes it)', async () => {
    for (const path of [inflateBomb, objectBomb]) {
      const err = await loadBlank(new Uint8Array(readFileSync(path))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('PDF_TOO_COMPLEX');
    }
  });
});

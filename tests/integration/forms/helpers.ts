/**
 * Shared test plumbing for the forms engine: where the official blanks live
 * (outside the repo, never copied in), real-tool runners, and temp folders.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The hand-out folder beside the checkout. */
export const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures');

export type FixtureForm = 'g-28' | 'i-589' | 'i-765' | 'ar-11';

export function blankPath(form: FixtureForm): string {
  return join(FIXTURES, 'forms', `${form}.pdf`);
}

export function readBlank(form: FixtureForm): Uint8Array {
  return new Uint8Array(readFileSync(blankPath(form)));
}

export interface FixturePerson {
  given: string;
  family: string;
  note: string;
}

export function fixturePeople(): FixturePerson[] {
  const data = JSON.parse(readFileSync(join(FIXTURES, 'names', 'names.json'), 'utf8')) as { people: FixturePerson[] };
  return data.people;
}

export function personByNote(fragment: string): FixturePerson {
  const p = fixturePeople().find((x) => x.note.includes(fragment));
  if (!p) throw new Error(`no fixture person whose note mentions ${fragment}`);
  return p;
}

export interface TempDir {
  path: string;
  file(name: string, bytes?: Uint8Array): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'amparo-forms-'));
  return {
    path,
    file(name, bytes) {
      const p = join(path, name);
      if (bytes) writeFileSync(p, bytes);
      return p;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** `qpdf --check`; exit 0 (clean) passes, warnings (3) and errors (2) throw. */
export function qpdfCheck(file: string): string {
  return run('qpdf', ['--check', file]);
}

/** Field name -> value from `pdftk dump_data_fields_utf8`. */
export function pdftkValues(file: string): Map<string, string> {
  const out = run('pdftk', [file, 'dump_data_fields_utf8']);
  const values = new Map<string, string>();
  for (const block of out.split('---')) {
    const name = /^FieldName: (.*)$/m.exec(block)?.[1];
    const value = /^FieldValue: (.*)$/m.exec(block)?.[1];
    if (name !== undefined) values.set(name, value ?? '');
  }
  return values;
}

/**
 * Page text, NFC-normalised, with poppler's bidi embedding marks removed.
 * Layout mode, because the default mode drops a trailing "-" as hyphenation.
 */
export function pdfText(file: string, page?: { first: number; last: number }): string {
  const range = page ? ['-f', String(page.first), '-l', String(page.last)] : [];
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'])
    .replace(/[\u202a-\u202e]/g, '')
    .normalize('NFC');
}

export function pageCount(file: string): number {
  const info = run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Collapses whitespace so text wrapped across lines still matches. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A map that gives every text field a value and checks every checkbox: the
 * heaviest fill a blank allows (used by the benchmark and a smoke test).
 */
export function everyFieldMap(
  form: string,
  blankSha256: string,
  fields: readonly { name: string; type: string; maxLen?: number; comb?: boolean }[],
) {
  const entries: Record<string, { transform: 'constant'; value: string | boolean }> = {};
  fields.forEach((f, i) => {
    if (f.type === 'checkbox') entries[f.name] = { transform: 'constant', value: true };
    if (f.type !== 'text') return;
    // Short enough for the narrowest (MM/YY) fields, so no value goes to the addendum.
    const text = f.comb ? String(123456789012345 + i) : `Ñ${i}`;
    entries[f.name] = { transform: 'constant', value: text.slice(0, f.maxLen ?? text.length) };
  });
  return {
    form,
    edition: 'bench',
    blankSha256,
    blankFields: fields.map((f) => f.name),
    fields: entries,
  };
}

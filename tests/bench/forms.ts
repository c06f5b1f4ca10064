/**
 * Issue 5 benchmark: filling the I-589 with every field given a value, from
 * an already-decrypted blank, against pdftk fill_form on the same data.
 * Alone: `npx tsx tests/bench/forms.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFieldMap, type FieldMap } from '../../shared/forms/map-schema';
import { decryptPdf } from '../../electron/core/forms/decrypt';
import { loadBlank } from '../../electron/core/forms/blank';
import { fillForm } from '../../electron/core/forms/fill';
import { everyFieldMap, readBlank } from '../integration/forms/helpers';
import { medianOf, printRows, type BenchRow } from './util';

const RUNS = 9;
const PDFTK_RUNS = 7;
const TARGET_MS = 300;

export async function benchForms(): Promise<BenchRow[]> {
  const original = readBlank('i-589');
  const blank = await loadBlank(original);
  const map = parseFieldMap(everyFieldMap('i-589', blank.sha256, blank.fields));
  const data = { person: { givenName: 'Ana', familyName: 'García', dob: '1990-03-07' } };
  const fill = () => fillForm({ blank: blank.bytes, blankSha256: blank.sha256, map, data });

  const warm = await fill();
  await fill();
  const fillMs = await medianOf(RUNS, fill);
  const decryptMs = await medianOf(5, () => decryptPdf(original));

  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-forms-'));
  try {
    const blankFile = join(dir, 'blank.pdf');
    const fdfFile = join(dir, 'data.fdf');
    writeFileSync(blankFile, blank.bytes);
    writeFileSync(fdfFile, toFdf(map, blank.fields));
    let n = 0;
    const pdftk = () => execFileSync('pdftk', [blankFile, 'fill_form', fdfFile, 'output', join(dir, `out${n++}.pdf`)]);
    pdftk();
    const pdftkMs = await medianOf(PDFTK_RUNS, pdftk);
    return [
      {
        name: `forms: fill I-589, all ${blank.fields.length} fields (in-process)`,
        median_ms: fillMs,
        note: `${warm.filled} filled; target <= ${TARGET_MS} ms: ${fillMs <= TARGET_MS ? 'met' : 'MISSED'}`,
      },
      {
        name: 'forms: pdftk fill_form, same data (whole process)',
        median_ms: pdftkMs,
        note: `pdftk / amparo = ${(pdftkMs / fillMs).toFixed(2)}x`,
      },
      { name: 'forms: decrypt I-589 blank (qpdf-wasm, once per import)', median_ms: decryptMs },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same values as an FDF for pdftk: text as UTF-16 strings, checkboxes by their on-state name. */
function toFdf(map: FieldMap, fields: readonly { name: string; type: string; options: string[] }[]): string {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const entries = Object.entries(map.fields).map(([name, entry]) => {
    const value = entry.transform === 'constant' ? entry.value : '';
    const field = byName.get(name);
    const v = typeof value === 'boolean' ? `/${field?.options[0] ?? 'Yes'}` : utf16Hex(value);
    return `<< /T ${utf16Hex(name)} /V ${v} >>`;
  });
  return `%FDF-1.2\n1 0 obj\n<< /FDF << /Fields [\n${entries.join('\n')}\n] >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`;
}

function utf16Hex(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printRows('Forms (issue 5)', await benchForms());
}

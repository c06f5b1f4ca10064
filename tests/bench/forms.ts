/**
 * Forms benchmarks (issues 5 and 15): in-process fills from an already
 * decrypted blank, and whole processes, against pdftk on the same data.
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
import { bundlePath, ensureBundles } from '../../scripts/bundles.mjs';

const RUNS = 9;
const PDFTK_RUNS = 5;
const PROCESS_RUNS = 5;
const TARGET_MS = 100;

async function inProcess(form: 'i-589' | 'i-765') {
  const original = readBlank(form);
  const blank = await loadBlank(original);
  const fields = form === 'i-765' ? blank.fields.filter((f) => f.type === 'text') : blank.fields;
  const map = parseFieldMap(everyFieldMap(form, blank.sha256, fields));
  const data = { person: { givenName: 'Ana', familyName: 'García', dob: '1990-03-07' } };
  const fill = () => fillForm({ blank: blank.bytes, blankSha256: blank.sha256, map, data });
  const warm = await fill();
  await fill();
  return { original, blank, map, fields, warm, fillMs: await medianOf(RUNS, fill) };
}

const met = (ms: number, goal: number) => `${ms <= goal ? 'met' : 'MISSED'} (${(ms / goal).toFixed(2)}x the goal)`;

/**
 * Issue 15 goals side by side: in-process fills (I-589 all 448 fields, I-765
 * all text fields) against 100 ms; whole-process `fields --blank` on the
 * I-765 against pdftk dump_data_fields_utf8 on the decrypted blank; pdftk
 * fill_form for the same data (the whole-process CLI fill is timed by
 * `npm run bench -- cli`, which owns the vault set-up; unlock reported there).
 */
export async function benchForms(): Promise<BenchRow[]> {
  const i589 = await inProcess('i-589');
  const i765 = await inProcess('i-765');
  const decryptMs = await medianOf(5, () => decryptPdf(i765.original));

  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-forms-'));
  try {
    const rows: BenchRow[] = [
      {
        name: `forms: fill I-589, all ${i589.blank.fields.length} fields (in-process)`,
        median_ms: i589.fillMs,
        note: `${i589.warm.filled} filled; goal <= ${TARGET_MS} ms: ${met(i589.fillMs, TARGET_MS)}`,
      },
      {
        name: `forms: fill I-765, all ${i765.fields.length} text fields (in-process)`,
        median_ms: i765.fillMs,
        note: `${i765.warm.filled} filled; goal <= ${TARGET_MS} ms: ${met(i765.fillMs, TARGET_MS)}`,
      },
    ];
    for (const f of [i589, i765]) {
      const name = f === i589 ? 'I-589' : 'I-765';
      const blankFile = join(dir, `${name}.pdf`);
      const fdfFile = join(dir, `${name}.fdf`);
      writeFileSync(blankFile, f.blank.bytes);
      writeFileSync(fdfFile, toFdf(f.map, f.blank.fields));
      let n = 0;
      const pdftk = () => execFileSync('pdftk', [blankFile, 'fill_form', fdfFile, 'output', join(dir, `out${n++}.pdf`)]);
      pdftk();
      const pdftkMs = await medianOf(PDFTK_RUNS, pdftk);
      rows.push({
        name: `forms: pdftk fill_form ${name}, same data (whole process, decrypted blank)`,
        median_ms: pdftkMs,
        note: `pdftk / amparo in-process = ${(pdftkMs / f.fillMs).toFixed(2)}x`,
      });
    }

    const decrypted765 = join(dir, 'I-765.pdf');
    const dump = () => execFileSync('pdftk', [decrypted765, 'dump_data_fields_utf8'], { maxBuffer: 64 << 20 });
    dump();
    const dumpMs = await medianOf(PDFTK_RUNS, dump);
    const original765 = join(dir, 'i-765-original.pdf');
    writeFileSync(original765, i765.original);
    await ensureBundles(['cli']);
    const cli = bundlePath('cli');
    const fields = () => execFileSync(process.execPath, [cli, 'fields', '--blank', original765], { maxBuffer: 64 << 20 });
    fields();
    const fieldsMs = await medianOf(PROCESS_RUNS, fields);
    rows.push(
      { name: 'forms: pdftk dump_data_fields_utf8 I-765 (whole process, decrypted blank)', median_ms: dumpMs },
      {
        name: 'forms: amparo fields --blank I-765 (whole process, encrypted download)',
        median_ms: fieldsMs,
        note: `goal <= pdftk dump: ${met(fieldsMs, dumpMs)}`,
      },
      { name: 'forms: decrypt I-765 blank (qpdf-wasm, in-process)', median_ms: decryptMs },
    );
    return rows;
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
  printRows('Forms (issues 5, 15)', await benchForms());
}

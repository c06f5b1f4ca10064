import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/app';
import { freshCore, REPO_ROOT } from '../../helpers/env';
import { namesFixture } from '../../helpers/fixtures';
import { CSV_FIELDS } from '../../../shared/contract';
import { escapeFormula, unescapeFormula } from '../../../electron/core/intake/csv';
import { commit, preview, rawCsv } from './helpers';

const TODAY = '2026-11-26';
let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

/** Every fixture person with a distinct date of birth, half written MM/DD/YYYY as Excel would. */
function fixtureCsv(): { csv: string; people: Array<{ given: string; family: string }> } {
  const people = namesFixture().people;
  const rows = people.map((p, i) => {
    const day = String(i + 1).padStart(2, '0');
    const dob = i % 2 === 0 ? `1980-01-${day}` : `01/${day}/1981`;
    return [p.given, p.family, dob, i % 3 === 0 ? 'sí' : 'no', i % 3 === 0 ? 'Otay Mesa' : ''];
  });
  return { csv: rawCsv([['given_name', 'family_name', 'dob', 'detained', 'facility'], ...rows]), people };
}

async function namesIn(c: Core): Promise<string[]> {
  const { rows } = await c.call('people.list', { limit: 500 });
  const out: string[] = [];
  for (const r of rows) {
    const p = await c.call('people.get', { id: r.id });
    out.push(`${p.person.givenName}\u0000${p.person.familyName}`);
  }
  return out.sort();
}

describe('CSV import: round trip', () => {
  it('every fixture name survives import, export and import into a fresh vault exactly (NFC)', async () => {
    const { csv, people } = fixtureCsv();
    const pv = await preview(core, csv);
    expect(pv.counts).toMatchObject({ total: people.length, invalid: 0 });
    expect(pv.encoding).toBe('UTF-8');
    const r = await commit(core, csv, Object.fromEntries(pv.rows.filter((x) => x.needsChoice).map((x) => [String(x.line), 'import'])));
    expect(r).toMatchObject({ ok: true, value: { imported: people.length, skipped: 0 } });

    const expected = people.map((p) => `${p.given.normalize('NFC')}\u0000${p.family.normalize('NFC')}`).sort();
    expect(await namesIn(core)).toEqual(expected);

    const { csv: exported, count } = await core.call('import.exportCsv', {});
    expect(count).toBe(people.length);
    expect(exported.startsWith('\uFEFF' + CSV_FIELDS.join(',') + '\r\n')).toBe(true);
    // Formula-looking cells are defused; apostrophes inside names are not touched.
    expect(exported).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(exported).toContain(`'+cmd|' /C calc'!A0`);
    expect(exported).toContain(`O'Neil,D'Souza,`);
    expect(exported).not.toMatch(/(^|,)[=+@-]/m);

    const second = await freshCore({ today: TODAY });
    try {
      const pv2 = await preview(second.core, exported);
      expect(pv2.encoding).toBe('UTF-8 with BOM');
      expect(pv2.counts.invalid).toBe(0);
      const choices = Object.fromEntries(pv2.rows.filter((x) => x.needsChoice).map((x) => [String(x.line), 'import']));
      expect(await commit(second.core, exported, choices)).toMatchObject({ ok: true, value: { imported: people.length } });
      expect(await namesIn(second.core)).toEqual(expected);
      const hostile = (await second.core.call('people.search', { query: 'Tables' }))[0]!;
      expect(hostile.givenName).toBe("Robert'); DROP TABLE persons;--");
      // Same people, same fields: the second export is byte-identical to the first.
      expect((await second.core.call('import.exportCsv', {})).csv).toBe(exported);
    } finally {
      second.cleanup();
    }
  });

  it('keeps every field of a full row, and lists, yes/no answers and the next hearing', async () => {
    const csv = rawCsv([
      [
        'Given Name',
        'FAMILY-NAME',
        'aliases',
        'DOB',
        'sex',
        'Country of Birth',
        'nationality',
        'language',
        'interpreter',
        'A-Number',
        'phone',
        'email',
        'Detained',
        'facility',
        'booking number',
        'next hearing',
        'urgent needs',
        'notes',
      ],
      [
        'Iñaki',
        'Muñoz Ibáñez',
        'Iñaki M.; Inaki Munoz',
        '03/07/1990',
        'M',
        'España',
        'Spanish',
        'Spanish; Basque',
        'Y',
        'A 012-345-678',
        '(555) 555-0100',
        'inaki@example.org',
        'TRUE',
        'Otay Mesa',
        'BK-1',
        '12/03/2026',
        'Court in a week',
        'Line one\nLine two, with a comma',
      ],
    ]);
    const pv = await preview(core, csv);
    expect(pv.columns.every((c) => c.mappedTo !== null)).toBe(true);
    expect(pv.rows[0]!.errors).toEqual([]);
    expect(await commit(core, csv)).toMatchObject({ ok: true, value: { imported: 1 } });
    const id = (await core.call('people.list', {})).rows[0]!.id;
    const p = await core.call('people.get', { id });
    expect(p.person).toMatchObject({
      givenName: 'Iñaki',
      aliases: ['Iñaki M.', 'Inaki Munoz'],
      dob: '1990-03-07',
      sex: 'male',
      countryOfBirth: 'España',
      languages: ['Spanish', 'Basque'],
      interpreterNeeded: true,
      aNumber: '012345678',
      email: 'inaki@example.org',
    });
    expect(p.detention).toMatchObject({ detained: true, facility: 'Otay Mesa', bookingNumber: 'BK-1' });
    expect(p.cases[0]).toMatchObject({ type: 'removal-detained', nextHearing: { date: '2026-12-03', kind: 'master' } });
    expect(p.notes).toBe('Line one\nLine two, with a comma');
    expect(p.urgentNeeds).toBe('Court in a week');
    expect(p.urgency.map((u) => u.code)).toContain('detained');
    // The export carries the same values back.
    const again = await freshCore({ today: TODAY });
    try {
      const exported = (await core.call('import.exportCsv', {})).csv;
      expect(await commit(again.core, exported)).toMatchObject({ ok: true });
      const q = await again.core.call('people.get', { id: (await again.core.call('people.list', {})).rows[0]!.id });
      expect({ ...q.person }).toEqual({ ...p.person });
      expect(q.detention).toEqual(p.detention);
      expect(q.notes).toBe(p.notes);
    } finally {
      again.cleanup();
    }
  });

  it('formula escape: export adds one apostrophe, import takes exactly one off', () => {
    for (const v of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', "'=x", "''+y", "O'Neil", "'quoted'", 'plain', '', "'"]) {
      expect(unescapeFormula(escapeFormula(v)), JSON.stringify(v)).toBe(v);
    }
    expect(escapeFormula("O'Neil")).toBe("O'Neil");
    expect(escapeFormula('-2+3')).toBe("'-2+3");
    expect(unescapeFormula("'hello")).toBe("'hello");
  });

  it('serves the template, which previews with no errors', async () => {
    const t = await core.call('import.template', {});
    expect(t.fileName).toMatch(/\.csv$/);
    expect(t.csv.startsWith('\uFEFFgiven_name,family_name,')).toBe(true);
    expect(t.csv.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).toBe(
      readFileSync(join(REPO_ROOT, 'resources/templates/intake-template.csv'), 'utf8'),
    );
    const pv = await preview(core, t.csv);
    expect(pv.counts).toEqual({ total: 2, valid: 2, invalid: 0, likelyDuplicates: 0 });
    expect(pv.columns.map((c) => c.mappedTo)).toEqual([...CSV_FIELDS]);
  });

  it('maps unknown columns only when asked, and ignores the rest', async () => {
    const csv = rawCsv([
      ['Primer nombre', 'Apellido(s)', 'Fecha de nacimiento', 'Teléfono', 'Detenido', 'Centro', 'Próxima audiencia', 'Favorite color'],
      ['Ana', 'Pérez', '1990-01-01', '555 123 4567', 'sí', 'Adelanto', '2027-01-05', 'blue'],
    ]);
    const pv = await preview(core, csv);
    expect(pv.columns).toEqual([
      { header: 'Primer nombre', mappedTo: 'given_name' },
      { header: 'Apellido(s)', mappedTo: 'family_name' },
      { header: 'Fecha de nacimiento', mappedTo: 'dob' },
      { header: 'Teléfono', mappedTo: 'phone' },
      { header: 'Detenido', mappedTo: 'detained' },
      { header: 'Centro', mappedTo: 'facility' },
      { header: 'Próxima audiencia', mappedTo: 'next_hearing' },
      { header: 'Favorite color', mappedTo: null },
    ]);
    const odd = rawCsv([
      ['Full first', 'Last', 'Born'],
      ['Ana', 'Pérez', '1990-01-01'],
    ]);
    const unmapped = await preview(core, odd);
    expect(unmapped.fileErrors).toEqual([{ line: 1, field: 'given_name', code: 'csv.missingColumn' }]);
    const mapped = await preview(core, odd, { 'Full first': 'given_name', Born: 'dob', Last: null });
    expect(mapped.fileErrors).toEqual([]);
    expect(mapped.rows[0]).toMatchObject({ values: { given_name: 'Ana', dob: '1990-01-01' }, errors: [] });
    expect(await commit(core, odd, {}, { 'Full first': 'given_name', Born: 'dob' })).toMatchObject({ ok: true, value: { imported: 1 } });
    const p = (await core.call('people.list', {})).rows[0]!;
    expect(p).toMatchObject({ givenName: 'Ana', familyName: '' });
  });
});

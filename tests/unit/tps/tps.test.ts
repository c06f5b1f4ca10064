import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { datasetAgeDays, isStale, parseTpsDataset, tpsDeadlinesFor, tpsText, type TpsDataset } from '../../../shared/tps';

const SHIPPED = resolve(import.meta.dirname, '../../../resources/tps/tps-2026-05.json');
const raw = (): Record<string, unknown> & { countries: Record<string, unknown>[] } => JSON.parse(readFileSync(SHIPPED, 'utf8'));
const shipped = (): TpsDataset => parseTpsDataset(raw());

function rejection(json: unknown): AppError {
  try {
    parseTpsDataset(json);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the dataset was accepted');
}

describe('shipped TPS dataset', () => {
  it('parses and carries every row of the research notes', () => {
    const data = shipped();
    expect(data.asOf).toBe('2026-05-01');
    expect(data.countries.map((c) => c.country)).toEqual([
      'VE-2023',
      'VE-2021',
      'HT',
      'HN',
      'NI',
      'NP',
      'AF',
      'CM',
      'SV',
      'UA',
      'SD',
      'SY',
      'YE',
      'SO',
      'ET',
      'MM',
      'SS',
      'LB',
    ]);
  });

  it('marks only the "found" rows as settled', () => {
    const settled = shipped()
      .countries.filter((c) => !c.verify)
      .map((c) => c.country);
    expect(settled).toEqual(['VE-2023', 'VE-2021']);
  });

  it('keeps the citations from the notes and none invented', () => {
    const cites = Object.fromEntries(shipped().countries.map((c) => [c.country, c.citation]));
    expect(cites).toEqual({
      'VE-2023': '90 FR 9040',
      'VE-2021': '90 FR 43225',
      HT: '90 FR 54733',
      HN: '90 FR 30089',
      NI: '90 FR 30086',
      NP: '90 FR 24151',
      AF: '90 FR 20309',
      CM: '90 FR 23697',
      SV: '90 FR 5953',
      UA: '90 FR 5936',
      SD: 'FR doc 2025-00770',
      SY: '90 FR 45398',
      YE: null,
      SO: null,
      ET: null,
      MM: null,
      SS: null,
      LB: null,
    });
  });
});

describe('parseTpsDataset', () => {
  it('names the entry and field of a bad date', () => {
    const json = raw();
    json.countries[2]!.effectiveDate = '2026-02-30';
    const err = rejection(json);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('countries[2] (HT).effectiveDate: not a real date (expected YYYY-MM-DD)');
  });

  it('rejects a wrong format marker, an unknown status, an extra field and a duplicate', () => {
    expect(rejection({ ...raw(), format: 'other' }).message).toMatch(/^TPS dataset is not valid: format:/);
    const json = raw();
    json.countries[0]!.status = 'paused';
    json.countries[1]!.colour = 'red';
    const message = rejection(json).message;
    expect(message).toContain('countries[0] (VE-2023).status');
    expect(message).toContain('countries[1] (VE-2021)');
    expect(message).toContain('colour');
    const dup = raw();
    dup.countries[3]!.country = 'HT';
    expect(rejection(dup).message).toBe("TPS dataset is not valid: countries[3] (HT).country: duplicate country 'HT'");
  });

  it('rejects a re-registration window that ends before it starts, and a missing verify flag', () => {
    const json = raw();
    json.countries[8]!.reRegistration = { start: '2025-03-18', end: '2025-01-17' };
    delete json.countries[9]!.verify;
    const err = rejection(json);
    expect(err.message).toContain('countries[8] (SV).reRegistration: start must not be after end');
    expect(err.message).toContain('countries[9] (UA).verify');
    expect((err.details as { issues: unknown[] }).issues).toHaveLength(2);
  });

  it('rejects things that are not a dataset at all', () => {
    expect(rejection(null).code).toBe('INVALID_INPUT');
    expect(rejection('tps').code).toBe('INVALID_INPUT');
    expect(rejection({ ...raw(), countries: [] }).message).toContain('countries');
  });
});

describe('tpsDeadlinesFor', () => {
  it('gives El Salvador the dates in the notes', () => {
    const report = tpsDeadlinesFor('SV', shipped(), '2026-01-15');
    expect(report.status).toBe('extended');
    expect(report.verify).toBe(true);
    expect(report.deadlines.map((d) => [d.kind, d.date, d.passed, d.daysLeft])).toEqual([
      ['re-registration-open', '2025-01-17', true, -363],
      ['re-registration-close', '2025-03-18', true, -303],
      ['ead-auto-extension', '2026-03-09', false, 53],
      ['designation-end', '2026-09-09', false, 237],
    ]);
    for (const d of report.deadlines) {
      expect(d.citation).toBe('90 FR 5953');
      expect(d.asOf).toBe('2026-05-01');
      expect(d.verify).toBe(true);
    }
    expect(report.notice.en).toBe(
      'TPS for El Salvador is in effect: Extension to Sep 9, 2026 (90 FR 5953). As of May 1, 2026; verify before advising.',
    );
    expect(report.notice.es).toBe(
      'El TPS de El Salvador está vigente: Extensión hasta el 9 de septiembre de 2026 (90 FR 5953). Datos al 1 may 2026; verifique antes de asesorar.',
    );
    expect(report.untranslated).toBe(false);
    expect(report.notes?.es).toBe(
      'La fecha de la extensión automática del EAD viene de fuentes secundarias; no se encontró ninguna decisión de 2026',
    );
  });

  it('returns no dates but a notice for a terminated country', () => {
    const report = tpsDeadlinesFor('VE-2021', shipped(), '2026-05-10');
    expect(report.deadlines).toEqual([]);
    expect(report.notice.en).toBe(
      'TPS for Venezuela (2021 designation) was terminated, effective Nov 7, 2025 (90 FR 43225). As of May 1, 2026.',
    );
    expect(report.notice.es).toBe(
      'El TPS de Venezuela (designación de 2021) fue terminado, con efecto el 7 nov 2025 (90 FR 43225). Datos al 1 may 2026.',
    );
  });

  it('describes a stayed termination and a missing citation', () => {
    const haiti = tpsDeadlinesFor('HT', shipped(), '2026-05-10');
    expect(haiti.deadlines).toEqual([]);
    expect(haiti.notice.en).toContain('is stayed or postponed by a court');
    expect(haiti.notice.en).toContain('Miot v. Trump');
    const yemen = tpsDeadlinesFor('YE', shipped(), '2026-05-10');
    expect(yemen.citation).toBeNull();
    expect(yemen.notice.en).toContain('no citation on file');
    expect(yemen.notice.es).toContain('sin cita registrada');
    expect(yemen.noCitation).toBe(true);
    expect(haiti.noCitation).toBe(false);
  });

  it.each(['YE', 'SO', 'ET', 'MM', 'SS', 'LB'])('flags %s as "no citation on file" in the report and on each of its dates', (country) => {
    const report = tpsDeadlinesFor(country, shipped(), '2026-05-10');
    expect(report.citation).toBeNull();
    expect(report.noCitation).toBe(true);
    expect(report.notice.en).toContain('(no citation on file: the dataset has no Federal Register notice for this entry)');
    for (const d of report.deadlines) expect(d.noCitation, d.kind).toBe(true);
  });

  it('refuses an unknown country and a bad date', () => {
    expect(() => tpsDeadlinesFor('ZZ', shipped(), '2026-05-10')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => tpsDeadlinesFor('SV', shipped(), '2026-13-01')).toThrow(expect.objectContaining({ code: 'BAD_DATE' }));
  });
});

describe('staleness', () => {
  it('counts the age from the as-of date and turns stale after 90 days', () => {
    const data = shipped();
    expect(datasetAgeDays(data, '2026-05-01')).toBe(0);
    expect(datasetAgeDays(data, '2026-07-30')).toBe(90);
    expect(isStale(data, '2026-07-30')).toBe(false);
    expect(isStale(data, '2026-07-31')).toBe(true);
  });

  it('says so in the notice', () => {
    const report = tpsDeadlinesFor('SV', shipped(), '2026-12-01');
    expect(report.stale).toBe(true);
    expect(report.datasetAgeDays).toBe(214);
    expect(report.notice.en).toContain('This TPS dataset is 214 days old: import an updated file.');
    expect(tpsDeadlinesFor('SV', shipped(), '2026-06-01').notice.en).not.toContain('days old');
  });
});

describe('Spanish texts of the dataset', () => {
  it('ships every text of every entry in English and Spanish, with the citations unchanged', () => {
    const data = raw();
    expect(data.source).toEqual({ en: expect.any(String), es: expect.any(String) });
    for (const c of data.countries) {
      for (const field of ['latestAction', 'litigation', 'notes']) {
        if (!(field in c)) continue;
        const v = c[field] as { en: string; es: string };
        expect(v, `${String(c.country)}.${field}`).toEqual({ en: expect.any(String), es: expect.any(String) });
        expect(v.es, `${String(c.country)}.${field}`).not.toBe(v.en);
        // Court names, case names and FR references stay verbatim in the translation.
        for (const cite of v.en.match(/\b(?:[A-Z]\.)+[A-Z]?[a-z]*\.?|\b\w+ v\. \w+|9th Cir\.|\d+ FR \d+/g) ?? []) {
          expect(v.es, `${String(c.country)}.${field}: ${cite}`).toContain(cite);
        }
      }
    }
    const haiti = tpsDeadlinesFor('HT', shipped(), '2026-05-10');
    expect(haiti.notice.es).toContain('Litigio: Suspendida por el D.D.C. el 2 de febrero de 2026 (Miot v. Trump).');
    expect(haiti.notice.es).not.toContain('inglés');
  });

  it('still accepts a dataset of plain English strings, as files before Spanish were written', () => {
    const old = raw();
    old.source = 'Clinic research, June 2026';
    for (const c of old.countries) {
      for (const field of ['latestAction', 'litigation', 'notes']) {
        if (field in c) c[field] = (c[field] as { en: string }).en;
      }
    }
    const data = parseTpsDataset(old);
    expect(data.source).toBe('Clinic research, June 2026');
    const sv = tpsDeadlinesFor('SV', data, '2026-05-10');
    expect(sv.notice.en).toBe(
      'TPS for El Salvador is in effect: Extension to Sep 9, 2026 (90 FR 5953). As of May 1, 2026; verify before advising.',
    );
    // Spanish shows the English text, and says so.
    expect(sv.untranslated).toBe(true);
    expect(sv.notice.es).toContain('está vigente: Extension to Sep 9, 2026 (90 FR 5953).');
    expect(sv.notice.es).toContain('Parte de este texto está en inglés porque el archivo de datos no trae la traducción al español.');
    expect(sv.notes?.es).toBe('EAD auto-extension date from secondary sources; no 2026 decision found');
    expect(sv.notice.en).not.toContain('inglés');
  });

  it('accepts an entry with English only in the object form, and falls back the same way', () => {
    const data = raw();
    const sv = data.countries.find((c) => c.country === 'SV')!;
    sv.latestAction = { en: 'Extension to Sep 9, 2026' };
    const report = tpsDeadlinesFor('SV', parseTpsDataset(data), '2026-05-10');
    expect(report.untranslated).toBe(true);
    expect(report.notice.es).toContain('vigente: Extension to Sep 9, 2026');
  });

  it('refuses an empty Spanish text or an unknown language', () => {
    const data = raw();
    data.countries[0]!.latestAction = { en: 'Termination', es: ' ' };
    expect(rejection(data).details).toMatchObject({
      issues: [expect.objectContaining({ path: expect.stringContaining('countries[0] (VE-2023).latestAction') })],
    });
    const other = raw();
    other.countries[0]!.latestAction = { en: 'Termination', fr: 'Fin' };
    expect(rejection(other).code).toBe('INVALID_INPUT');
  });

  it('tells which language a text is in', () => {
    expect(tpsText('Only English', 'es')).toEqual({ text: 'Only English', fallback: true });
    expect(tpsText('Only English', 'en')).toEqual({ text: 'Only English', fallback: false });
    expect(tpsText({ en: 'Termination', es: 'Terminación' }, 'es')).toEqual({ text: 'Terminación', fallback: false });
    expect(tpsText({ en: 'Termination' }, 'es')).toEqual({ text: 'Termination', fallback: true });
  });
});

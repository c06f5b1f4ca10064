import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { datasetAgeDays, isStale, parseTpsDataset, tpsDeadlinesFor, type TpsDataset } from '../../../shared/tps';

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
      'TPS for El Salvador is in effect: Extension to 2026-09-09 (90 FR 5953). As of 2026-05-01; verify before advising.',
    );
  });

  it('returns no dates but a notice for a terminated country', () => {
    const report = tpsDeadlinesFor('VE-2021', shipped(), '2026-05-10');
    expect(report.deadlines).toEqual([]);
    expect(report.notice.en).toBe(
      'TPS for Venezuela (2021 designation) was terminated, effective 2025-11-07 (90 FR 43225). As of 2026-05-01.',
    );
    expect(report.notice.es).toContain('fue terminado');
  });

  it('describes a stayed termination and a missing citation', () => {
    const haiti = tpsDeadlinesFor('HT', shipped(), '2026-05-10');
    expect(haiti.deadlines).toEqual([]);
    expect(haiti.notice.en).toContain('is stayed or postponed by a court');
    expect(haiti.notice.en).toContain('Miot v. Trump');
    const yemen = tpsDeadlinesFor('YE', shipped(), '2026-05-10');
    expect(yemen.citation).toBeNull();
    expect(yemen.notice.en).toContain('no Federal Register citation in the dataset');
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

/**
 * Section 5 of issue 14: every rule carries its citation and its Spanish
 * label, and the declared closures dataset validates against its schema with
 * an as-of date and a source.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  closuresDatasetSchema,
  DATASET_RULES,
  isValidDate,
  listRules,
  parseClosuresDataset,
  TRIGGER_LABELS,
} from '../../../shared/deadlines';
import { holidayOn } from '../../../shared/deadlines/holidays';
import { expectCode } from './helpers';

const FILE = resolve(import.meta.dirname, '../../../resources/closures/federal-closures.json');
const raw = () => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown> & { closures: Array<Record<string, unknown>> };

const NEW_RULES = [
  'bia-brief',
  'bia-brief-extended',
  'eoir-29',
  'reasonable-fear-review',
  'asylum-ead-file',
  'asylum-ead-eligible',
  'ead-renewal-window',
  'order-set-forward',
  'pfr-record',
  'pfr-brief',
  'n-336',
  'foia-response',
  'foia-appeal',
  'tps-reregistration',
];

describe('every rule', () => {
  const all = [...listRules(), ...DATASET_RULES];

  it('includes the ids issue 14 names, once each', () => {
    const ids = all.map((r) => r.id);
    for (const id of NEW_RULES) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(all.map((r) => [r.id, r] as const))('%s has a citation and a Spanish label and note', (_id, r) => {
    expect(r.citation.trim().length).toBeGreaterThan(5);
    expect(r.citation).toMatch(/CFR|U\.S\.C\.|Fed\. R\. App\. P\.|Manual|order|Form/);
    expect(r.label.es.trim().length).toBeGreaterThan(5);
    expect(r.label.es).not.toBe(r.label.en);
    expect(r.note.es.trim().length).toBeGreaterThan(20);
    expect(r.note.es).not.toBe(r.note.en);
  });

  it('has trigger labels in both languages for every trigger a rule uses', () => {
    for (const r of listRules()) {
      const label = TRIGGER_LABELS[r.trigger];
      expect(label?.en, r.id).toBeTruthy();
      expect(label?.es, r.id).toBeTruthy();
    }
  });

  it('names the manual edition wherever it cites a practice manual', () => {
    for (const r of listRules().filter((x) => /Practice Manual|Policy Manual/.test(x.citation))) {
      expect(r.edition?.en, r.id).toMatch(/EOIR Policy Manual Part (II|III)/);
      expect(r.edition?.es, r.id).toMatch(/EOIR Policy Manual, Parte (II|III)/);
    }
  });
});

describe('the declared closures dataset (resources/closures/federal-closures.json)', () => {
  it('validates against its schema and carries an as-of date and a source in both languages', () => {
    const parsed = closuresDatasetSchema.safeParse(raw());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const data = parseClosuresDataset(raw());
    expect(isValidDate(data.asOf)).toBe(true);
    expect(data.source.en).toMatch(/Federal Register/);
    expect(data.source.es).toMatch(/Federal Register/);
  });

  it('holds the closures issue 14 names, each citing its executive order, on a weekday that is not already a holiday', () => {
    const data = parseClosuresDataset(raw());
    const dates = data.closures.map((c) => c.date);
    for (const d of ['2018-12-05', '2019-12-24', '2020-12-24', '2024-12-24', '2025-01-09']) expect(dates).toContain(d);
    for (const c of data.closures) {
      expect(c.citation, c.date).toMatch(/^Executive [Oo]rder/);
      const wd = new Date(`${c.date}T00:00:00Z`).getUTCDay();
      expect(wd === 0 || wd === 6, c.date).toBe(false);
      expect(holidayOn(c.date), c.date).toBeUndefined();
      expect(c.name.es).not.toBe(c.name.en);
    }
    // The ones whose Federal Register page we confirmed say so by not asking to verify.
    const confirmed = Object.fromEntries(data.closures.map((c) => [c.date, !c.verify]));
    expect(confirmed['2018-12-05'] && confirmed['2019-12-24'] && confirmed['2025-01-09']).toBe(true);
    expect(confirmed['2020-12-24'] || confirmed['2024-12-24']).toBe(false);
  });

  it('refuses a file without an as-of date, without a source, with a bad date or a duplicate, naming the entry', () => {
    const noAsOf = raw();
    delete noAsOf.asOf;
    expect(expectCode(() => parseClosuresDataset(noAsOf), 'INVALID_INPUT').message).toContain('asOf');
    const noSource = raw();
    delete noSource.source;
    expect(expectCode(() => parseClosuresDataset(noSource), 'INVALID_INPUT').message).toContain('source');
    const badDate = raw();
    badDate.closures[2]!.date = '2019-02-30';
    expect(expectCode(() => parseClosuresDataset(badDate), 'INVALID_INPUT').message).toContain('closures[2] (2019-02-30).date');
    const dup = raw();
    dup.closures.push({ ...dup.closures[0]! });
    expect(expectCode(() => parseClosuresDataset(dup), 'INVALID_INPUT').message).toContain('duplicate date');
    const noCitation = raw();
    delete noCitation.closures[0]!.citation;
    expect(expectCode(() => parseClosuresDataset(noCitation), 'INVALID_INPUT').message).toContain('citation');
  });
});

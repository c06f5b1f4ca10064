import { describe, expect, it } from 'vitest';
import { tpsBadge } from '../../../shared/tps/badge';
import { parseTpsDataset, tpsDeadlinesFor } from '../../../shared/tps';

const dataset = parseTpsDataset({
  format: 'amparo-tps',
  version: 1,
  asOf: '2026-05-01',
  source: 'test',
  countries: [
    {
      country: 'SV',
      name: { en: 'El Salvador', es: 'El Salvador' },
      status: 'extended',
      latestAction: 'Extended',
      citation: '90 FR 1',
      endDate: '2026-09-09',
      verify: false,
    },
    {
      country: 'HN',
      name: { en: 'Honduras', es: 'Honduras' },
      status: 'auto-extended',
      latestAction: 'Auto',
      citation: null,
      endDate: '2026-07-05',
      verify: true,
    },
    {
      country: 'NI',
      name: { en: 'Nicaragua', es: 'Nicaragua' },
      status: 'terminated',
      latestAction: 'Ended',
      citation: '90 FR 2',
      endDate: '2025-09-09',
      verify: false,
    },
  ],
});

describe('tpsBadge: "Extended" never beside an end date that has passed', () => {
  it('says the end date passed (verify) once the designation end is in the past', () => {
    expect(tpsBadge(tpsDeadlinesFor('SV', dataset, '2026-09-09'))).toEqual({ badge: 'extended', tone: 'ok' });
    expect(tpsBadge(tpsDeadlinesFor('SV', dataset, '2026-09-10'))).toEqual({ badge: 'end-passed', tone: 'warning' });
    expect(tpsBadge(tpsDeadlinesFor('HN', dataset, '2026-06-01')).badge).toBe('auto-extended');
    expect(tpsBadge(tpsDeadlinesFor('HN', dataset, '2026-12-01')).badge).toBe('end-passed');
  });
  it('keeps a status that already says it ended', () => {
    expect(tpsBadge(tpsDeadlinesFor('NI', dataset, '2026-12-01'))).toEqual({ badge: 'terminated', tone: 'danger' });
  });
});

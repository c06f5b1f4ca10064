import { describe, expect, it } from 'vitest';
import { computeDeadline, findRule } from '../../../shared/deadlines';
import { loadPublicCases } from './helpers';
import { formatDate } from '../../../shared/i18n/dates';

const cases = loadPublicCases();

describe('public worked cases (../shared/fixtures/deadlines/public-cases.json)', () => {
  it('loads every case from the fixture', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = computeDeadline({ rule: c.rule, trigger: c.trigger, options: c.options });
    expect(result.due).toBe(c.due);
    if (c.ruleDue !== undefined) expect(result.ruleDue).toBe(c.ruleDue);
    if (findRule(c.rule)?.roll === 'forward') expect(result.ruleDue).toBeUndefined();
    expect(result.trail.en.at(-1)).toContain(formatDate(c.due, 'en', 'weekday'));
    expect(result.trail.es.at(-1)).toContain(formatDate(c.due, 'es', 'weekday'));
    expect(result.citation).toBe(findRule(c.rule)?.citation);
  });
});

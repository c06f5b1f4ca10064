import { describe, expect, it } from 'vitest';
import { planPreview } from '../../../renderer/src/features/deadlines/plan';

const cases = [{ type: 'asylum-affirmative' as const, status: 'open' as const }];

describe('event form preview plan (mirror of the core mapping)', () => {
  it('an asylum filing previews both work-permit dates (8 CFR 208.7(a))', () => {
    const plan = planPreview({ kind: 'asylum-filed', details: {}, cases });
    expect(plan.rules.map((r) => r.rule)).toEqual(['asylum-ead-file', 'asylum-ead-eligible']);
    expect(plan.skipped).toEqual([]);
  });

  it('a clock stop says it moves those dates, not that it is a timeline fact', () => {
    const plan = planPreview({ kind: 'asylum-clock-stop', details: { to: '2026-04-24' }, cases });
    expect(plan.rules).toEqual([]);
    expect(plan.skipped).toEqual(['plan.clockStop']);
  });
});

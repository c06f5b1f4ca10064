/**
 * Audit overhead (issue 10): 10 000 quick-intake saves through dispatch with
 * the hash-chained trail on, and the same saves with it off (no entries at
 * all), on fresh vaults, each run in a fresh process (see intake-saves.ts).
 * Goal: at most 10 % slower.
 */
import { compareSaves, SAVES, seconds, wallMedian } from './intake-saves';
import type { BenchRow } from './util';

export async function benchAudit(): Promise<BenchRow[]> {
  const c = compareSaves({ auditTrail: false, changeLog: true }, { auditTrail: true, changeLog: true });
  return [
    { name: `${SAVES} intake saves, audit trail off`, median_ms: wallMedian(c.base), note: `runs ${seconds(c.base)} s` },
    {
      name: `${SAVES} intake saves, audit trail on (hash chain)`,
      median_ms: wallMedian(c.other),
      note: `runs ${seconds(c.other)} s; ratio ${c.wallRatio.toFixed(3)} (goal <= 1.10); CPU time ${c.cpuRatio.toFixed(3)}`,
    },
  ];
}

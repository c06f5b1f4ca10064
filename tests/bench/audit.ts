/**
 * Audit overhead (issue 10): 10 000 quick-intake saves through dispatch with
 * the hash-chained trail on, and the same saves with it off (no entries at
 * all), on fresh vaults. Goal: at most 10 % slower. Rounds alternate on/off
 * so machine load falls on both; the median round counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { median, type BenchRow } from './util';

const SAVES = 10_000;
const ROUNDS = 3;
const KDF = { m: 8192, t: 1, p: 1 };

async function saves(auditTrail: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-audit-'));
  const core = createCore({ dbPath: join(dir, 'amparo.db'), kdfCost: KDF, autoBackup: false, auditTrail, actor: 'bench' });
  try {
    await core.call('vault.create', { passphrase: 'bench passphrase 1' });
    const t0 = performance.now();
    for (let i = 0; i < SAVES; i++) {
      const r = await core.dispatch('intake.createQuick', {
        intake: { givenName: `Given${i}`, familyName: `Family${i % 997}`, dob: '1990-01-01', detained: false },
        // The duplicate gate is not what is measured: every save says "new person".
        decisions: [],
      });
      if (!r.ok && r.error.code !== 'DUPLICATE_UNDECIDED') throw new Error(r.error.code);
    }
    return performance.now() - t0;
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAudit(): Promise<BenchRow[]> {
  const on: number[] = [];
  const off: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    off.push(await saves(false));
    on.push(await saves(true));
  }
  const mOn = median(on);
  const mOff = median(off);
  const ratio = mOn / mOff;
  return [
    { name: `${SAVES} intake saves, audit trail off`, median_ms: mOff },
    { name: `${SAVES} intake saves, audit trail on (hash chain)`, median_ms: mOn, note: `ratio ${ratio.toFixed(3)} (goal <= 1.10)` },
  ];
}

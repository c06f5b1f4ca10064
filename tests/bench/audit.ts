/**
 * Audit overhead (issue 10): 10 000 quick-intake saves through dispatch with
 * the hash-chained trail on, and the same saves with it off (no entries at
 * all), on fresh vaults. Goal: at most 10 % slower.
 *
 * Each measurement runs in a fresh child process, and the order alternates
 * round by round (off-on, on-off, off-on): a process that has already run
 * 10 000 saves runs the next 10 000 a few percent slower (measured here, 4
 * runs in one process: 9.7, 9.8, 10.5, 11.5 s), so always running "on"
 * second in one process charged that drift to the audit trail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { median, type BenchRow } from './util';

const SAVES = 10_000;
const ROUNDS = 3;
const KDF = { m: 8192, t: 1, p: 1 };
const CHILD = 'AMPARO_BENCH_AUDIT_CHILD';

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

/** One measurement in a process of its own (this file, run again with the same loader). */
function inChild(auditTrail: boolean): number {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, [CHILD]: auditTrail ? 'on' : 'off' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`audit bench child failed: ${r.stderr}`);
  return Number(JSON.parse(r.stdout.trim().split('\n').pop()!).ms);
}

export async function benchAudit(): Promise<BenchRow[]> {
  const on: number[] = [];
  const off: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [false, true] : [true, false];
    for (const trail of order) (trail ? on : off).push(inChild(trail));
  }
  const mOn = median(on);
  const mOff = median(off);
  const ratio = mOn / mOff;
  const runs = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(1)).join(', ');
  return [
    { name: `${SAVES} intake saves, audit trail off`, median_ms: mOff, note: `runs ${runs(off)} s` },
    {
      name: `${SAVES} intake saves, audit trail on (hash chain)`,
      median_ms: mOn,
      note: `runs ${runs(on)} s; ratio ${ratio.toFixed(3)} (goal <= 1.10)`,
    },
  ];
}

if (process.env[CHILD]) console.log(JSON.stringify({ ms: await saves(process.env[CHILD] === 'on') }));

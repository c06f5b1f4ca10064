/**
 * 10 000 quick-intake saves through dispatch, each its own transaction as a
 * volunteer's save is, on a fresh vault: the work behind two overhead goals,
 * the audit trail's (issue 10) and the change log's (issue 12 §8).
 *
 * Each measurement runs in a fresh child process, and the order alternates
 * round by round (a-b, b-a, a-b): a process that has already run 10 000 saves
 * runs the next 10 000 a few percent slower (measured, 4 runs in one process:
 * 9.7, 9.8, 10.5, 11.5 s), and in one process the vault created first ran
 * slower than the ones after it, so whichever condition ran first or second
 * was charged that drift.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { REPLICATED_TABLES } from '../../electron/core/exchange/schema';
import { median } from './util';

export const SAVES = 10_000;
const KDF = { m: 8192, t: 1, p: 1 };
const CHILD = 'AMPARO_BENCH_SAVES_CHILD';

export interface Conditions {
  auditTrail: boolean;
  /** false: the change log's triggers are dropped on the fresh vault (the same schema, nothing recorded). */
  changeLog: boolean;
}

export interface SaveRun {
  wallMs: number;
  /** This process's CPU time over the saves (they are synchronous SQLite work): steadier than wall time on a shared machine. */
  cpuMs: number;
}

async function saves(c: Conditions): Promise<SaveRun> {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-saves-'));
  const core = createCore({ dbPath: join(dir, 'amparo.db'), kdfCost: KDF, autoBackup: false, auditTrail: c.auditTrail, actor: 'bench' });
  try {
    await core.call('vault.create', { passphrase: 'bench passphrase 1' });
    if (!c.changeLog) {
      const db = core.ctx().db;
      for (const t of REPLICATED_TABLES) for (const k of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS xchg_${t}_${k}`);
    }
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < SAVES; i++) {
      const r = await core.dispatch('intake.createQuick', {
        intake: { givenName: `Given${i}`, familyName: `Family${i % 997}`, dob: '1990-01-01', detained: false },
        // The duplicate gate is not what is measured: every save says "new person".
        decisions: [],
      });
      if (!r.ok && r.error.code !== 'DUPLICATE_UNDECIDED') throw new Error(r.error.code);
    }
    const cpu = process.cpuUsage(cpu0);
    return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One measurement in a process of its own (this file, run again with the same loader). */
function inChild(c: Conditions): SaveRun {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, [CHILD]: JSON.stringify(c) },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`intake-saves bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as SaveRun;
}

export interface Comparison {
  base: SaveRun[];
  other: SaveRun[];
  /** Median wall time of `other` over `base`'s, and the same for CPU time. */
  wallRatio: number;
  cpuRatio: number;
}

/** `rounds` runs of each condition, each in a fresh process, the order alternating by round. */
export function compareSaves(base: Conditions, other: Conditions, rounds = 3): Comparison {
  const runs = { base: [] as SaveRun[], other: [] as SaveRun[] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['base', 'other'] as const) : (['other', 'base'] as const);
    for (const k of order) runs[k].push(inChild(k === 'base' ? base : other));
  }
  const m = (xs: SaveRun[], k: keyof SaveRun) => median(xs.map((x) => x[k]));
  return {
    ...runs,
    wallRatio: m(runs.other, 'wallMs') / m(runs.base, 'wallMs'),
    cpuRatio: m(runs.other, 'cpuMs') / m(runs.base, 'cpuMs'),
  };
}

export const wallMedian = (xs: SaveRun[]) => median(xs.map((x) => x.wallMs));
export const seconds = (xs: SaveRun[]) => xs.map((x) => (x.wallMs / 1000).toFixed(1)).join(', ');

if (process.env[CHILD]) console.log(JSON.stringify(await saves(JSON.parse(process.env[CHILD]) as Conditions)));

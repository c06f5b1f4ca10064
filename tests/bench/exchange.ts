/**
 * `npm run bench -- exchange` (issue 12): export and import of a bundle of
 * 10 000 intake changes, incremental bundle size on a 100 000-person vault,
 * the cost of recording changes on 10 000 intake saves and on 10 000 raw
 * inserts (issue 17's floor), a bundle of new people applied beside the raw
 * inserts of the same rows (issue 17's bulk goal; `--people N`), and a longer
 * random convergence run (its failing seed, if any, is printed).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromQuick, insertPerson } from '../../electron/core/intake/people';
import { intakeSchemas } from '../../shared/contract';
import { versionVector } from '../../electron/core/exchange/changes';
import { exportBundle, importBundlesJob } from '../../electron/core/exchange/service';
import { runJob } from '../../electron/core/jobs/job';
import { REPLICATED_TABLES } from '../../electron/core/exchange/schema';
import { clinicOf, dbOf, deviceIdOf, newDevice, NOW, receive, type Device } from '../integration/exchange/helpers';
import { checkConvergence } from '../integration/exchange/convergence';
import type { DB } from '../../electron/core/db/connection';
import { rng } from './people-vault';
import { insertRawPeople, rawPeople } from './raw-people';
import { median, type BenchRow } from './util';
import { countFlag } from './search';
import { compareSaves, SAVES, seconds, wallMedian } from './intake-saves';

const GIVEN = ['José', 'María', 'Juan', 'Ana Lucía', 'Luis', 'Carmen', 'Wideline', 'Mohammad', 'Fatima', 'Sofía', 'Rosa', 'Ixchel'];
const SYLLABLES = [
  'ga',
  'lo',
  'mi',
  'ra',
  'tzu',
  'qui',
  'xo',
  'pe',
  'na',
  'bu',
  'ke',
  'sa',
  'ho',
  'li',
  'ma',
  'du',
  'ye',
  'chi',
  'wa',
  'ro',
];
/** Distinct family names (like a real caseload), so the duplicate engine meets few candidates, as in a clinic. */
const family = (k: number) => {
  const s = (i: number) => SYLLABLES[Math.floor(k / 20 ** i) % 20]!;
  const w = `${s(0)}${s(1)}${s(2)}${s(3)}`;
  return w[0]!.toUpperCase() + w.slice(1);
};

function addPeople(d: Device, n: number, offset = 0): void {
  const ctx = d.core.ctx();
  ctx.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const k = offset + i;
      const q = intakeSchemas.quickIntake.parse({
        givenName: GIVEN[k % GIVEN.length],
        familyName: family(k),
        dob: `19${50 + (k % 50)}-0${1 + (k % 9)}-1${k % 10}`,
        phone: '555-123-4567',
        detained: false,
      });
      insertPerson(ctx, fromQuick(q));
    }
  })();
}

const ms = (t0: number) => performance.now() - t0;

async function exportImport10k(): Promise<BenchRow[]> {
  const c = await clinicOf(2);
  try {
    const [lead, member, second] = c.devices as [Device, Device, Device];
    addPeople(lead, 10_000);
    const out = join(c.root, 'out');
    mkdirSync(out);
    let t0 = performance.now();
    const b = exportBundle(dbOf(lead), out, { now: NOW, peer: deviceIdOf(member) })!;
    const exportMs = ms(t0);
    t0 = performance.now();
    const s = receive(member, b.file);
    const importMs = ms(t0);
    // The same bundle as the Settings job applies it: a savepoint, and a checkpoint (progress, cancel) every APPLY_STEP changes.
    t0 = performance.now();
    const js = await runJob({}, (job) => importBundlesJob(second.core.ctx(), [b.file], job));
    const jobMs = ms(t0);
    const size = statSync(b.file).size;
    return [
      {
        name: `export: bundle of ${b.changes} changes (10 000 intakes)`,
        median_ms: exportMs,
        note: `${(size / 1024 / 1024).toFixed(1)} MB; goal <= 3000 ms`,
      },
      { name: `import: ${s.changes} changes in one transaction`, median_ms: importMs, note: 'goal <= 3000 ms' },
      {
        name: `import as a job: ${js.changes} changes, checkpoints inside the bundle`,
        median_ms: jobMs,
        note: `${(jobMs / importMs).toFixed(2)}x the plain import (same run)`,
      },
    ];
  } finally {
    c.cleanup();
  }
}

async function incrementalSizes(): Promise<BenchRow[]> {
  const c = await clinicOf(1);
  try {
    const [lead, member] = c.devices as [Device, Device];
    addPeople(lead, 100_000);
    const peer = deviceIdOf(member);
    const rows: BenchRow[] = [];
    let offset = 100_000;
    for (const n of [10, 1000, 10_000]) {
      // The member has everything so far (as its last bundle would have said).
      const seen = dbOf(lead).prepare('INSERT OR REPLACE INTO peer_seen(peer, device_id, seq) VALUES (?, ?, ?)');
      for (const [d, seq] of Object.entries(versionVector(dbOf(lead)))) seen.run(peer, d, seq);
      addPeople(lead, n, offset);
      offset += n;
      const out = join(c.root, `inc-${n}`);
      mkdirSync(out);
      const t0 = performance.now();
      const b = exportBundle(dbOf(lead), out, { now: NOW, peer })!;
      rows.push({
        name: `incremental bundle, ${n} new intakes on a 100 000-person vault`,
        median_ms: ms(t0),
        note: `${b.changes} changes, ${(statSync(b.file).size / 1024).toFixed(1)} KB`,
      });
    }
    return rows;
  } finally {
    c.cleanup();
  }
}

/** CPU milliseconds of this process spent in f (the work is synchronous SQLite work). */
function cpuMs(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** Drops the change log's triggers on a throwaway vault: the same schema, nothing recorded. */
function dropChangeTriggers(db: DB): void {
  for (const t of REPLICATED_TABLES) for (const k of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS xchg_${t}_${k}`);
}

/**
 * The change log's cost on 10 000 intake saves through dispatch, each its own
 * transaction as a volunteer's save is, against the same saves on a vault
 * whose recording triggers are dropped; each run in a fresh process, the
 * order alternating (intake-saves.ts). Until session 6 this ran 5 000
 * insertPerson calls in one transaction per round, both vaults in one
 * process: no save's own work (the duplicate check, the commit), and the
 * vault made first ran slower whichever it was (the same 3 000-row work
 * measured 1.9 % and 27.6 % over the bare vault in two orders).
 */
async function recordingOverhead(): Promise<BenchRow[]> {
  const c = compareSaves({ auditTrail: true, changeLog: false }, { auditTrail: true, changeLog: true });
  const pct = (r: number) => `${((r - 1) * 100).toFixed(1)}%`;
  return [
    { name: `${SAVES} intake saves, without the change log`, median_ms: wallMedian(c.base), note: `runs ${seconds(c.base)} s` },
    {
      name: `${SAVES} intake saves, recording changes`,
      median_ms: wallMedian(c.other),
      note: `runs ${seconds(c.other)} s; overhead ${pct(c.wallRatio)} (goal <= 15%); CPU time ${pct(c.cpuRatio)}`,
    },
  ];
}

/**
 * Issue 17's floor with and without the change log: 10 000 people inserted raw,
 * 250 per transaction, into two vaults of the same schema, one batch for one
 * vault then the same rows for the other (the order swapping each batch), so
 * both see the same load from other work on the machine. CPU time, summed.
 */
async function rawInserts(): Promise<BenchRow[]> {
  const c = await clinicOf(0);
  try {
    const plain = await newDevice(c.root, 'no-log');
    dropChangeTriggers(dbOf(plain));
    const vaults = { with: dbOf(c.lead), without: dbOf(plain) };
    const spent = { with: 0, without: 0 };
    const rand = rng(7);
    const now = new Date().toISOString();
    const batch = 250;
    const n = 10_000;
    for (let b = 0; b < n / batch; b++) {
      const rows = rawPeople(rand, batch, b * batch);
      const order = b % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
      for (const k of order) spent[k] += cpuMs(() => vaults[k].transaction(() => insertRawPeople(vaults[k], rows, now))());
    }
    const rate = (ms: number) => `${Math.round((n / ms) * 1000)} people/s`;
    return [
      { name: `${n} raw person inserts, without the change log (CPU ms)`, median_ms: spent.without, note: rate(spent.without) },
      {
        name: `${n} raw person inserts, recording changes (CPU ms)`,
        median_ms: spent.with,
        note: `${rate(spent.with)}; the change log is ${((1 - spent.without / spent.with) * 100).toFixed(0)}% of it (overhead ${((spent.with / spent.without - 1) * 100).toFixed(0)}%)`,
      },
    ];
  } finally {
    c.cleanup();
  }
}

/**
 * Issue 17's bulk goal for the exchange: a bundle of N new people (`--people`,
 * default 20 000) applied by a member in one transaction, beside its floor:
 * the same rows inserted raw into a fresh vault of the same schema, in one
 * transaction, every value computed before the clock starts. The lead's
 * people are those raw rows, so the bundle carries exactly the rows the floor
 * inserts. Three rounds, import and floor alternating, each into a vault of
 * its own, so both see the same load; medians of wall time.
 */
async function importVsFloor(): Promise<BenchRow[]> {
  const n = countFlag('--people', 20_000);
  const rounds = 3;
  const c = await clinicOf(rounds);
  try {
    const rows = rawPeople(rng(7), n);
    const now = new Date().toISOString();
    dbOf(c.lead).transaction(() => insertRawPeople(dbOf(c.lead), rows, now))();
    const out = join(c.root, 'bulk-out');
    mkdirSync(out);
    const b = exportBundle(dbOf(c.lead), out, { now: NOW })!;
    const times = { import: [] as number[], floor: [] as number[] };
    for (let i = 0; i < rounds; i++) {
      const member = c.devices[i + 1]!;
      const floorVault = dbOf(await newDevice(c.root, `floor${i}`));
      const round = [
        () => {
          const t0 = performance.now();
          const s = receive(member, b.file);
          times.import.push(ms(t0));
          const got = (dbOf(member).prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
          if (s.changes < n || got !== n) throw new Error(`exchange bulk: ${got} people after applying ${s.changes} changes, ${n} sent`);
        },
        () => {
          const t0 = performance.now();
          floorVault.transaction(() => insertRawPeople(floorVault, rows, now))();
          times.floor.push(ms(t0));
        },
      ];
      for (const step of i % 2 === 0 ? round : round.reverse()) step();
    }
    const rate = (t: number) => `${Math.round((n / t) * 1000)} people/s`;
    const imp = median(times.import);
    const floor = median(times.floor);
    return [
      {
        name: `exchange import of ${n} new people (${b.changes} changes), one transaction`,
        median_ms: imp,
        note: `${rate(imp)}; median of ${rounds}; ${(imp / floor).toFixed(2)}x the floor (goal <= 5x, >= 20 000 people/s)`,
      },
      { name: '  floor: raw inserts of the same rows, one transaction', median_ms: floor, note: `${rate(floor)}; median of ${rounds}` },
    ];
  } finally {
    c.cleanup();
  }
}

async function convergence(): Promise<BenchRow[]> {
  const seed = Number(process.env.AMPARO_SEED ?? Date.now() % 1_000_000);
  const t0 = performance.now();
  await checkConvergence({ seed, numRuns: Number(process.env.AMPARO_RUNS ?? 25), maxActions: 60 });
  return [{ name: `convergence: random scenarios of 3-5 devices (seed ${seed})`, median_ms: ms(t0), note: 'all converged' }];
}

export async function benchExchange(): Promise<BenchRow[]> {
  const only = process.env.AMPARO_EXCHANGE_PARTS?.split(',');
  const parts: Record<string, () => Promise<BenchRow[]>> = {
    exportImport10k,
    recordingOverhead,
    rawInserts,
    importVsFloor,
    incrementalSizes,
    convergence,
  };
  const rows: BenchRow[] = [];
  for (const [name, run] of Object.entries(parts)) if (!only || only.includes(name)) rows.push(...(await run()));
  return rows;
}

/**
 * import.commit as a job of the core's one runner, driven through dispatch
 * as the import screen drives it: progress while it runs, a cancel part-way
 * through the writes that leaves the vault exactly as it was, operations
 * that arrive meanwhile kept out of its transaction, and a lock that rolls
 * it back. Every wait is for a state, one event-loop turn at a time.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { JobStarted, JobStatus } from '../../../shared/views';
import { PASS, freshCore } from '../../helpers/env';
import { b64, counts, rawCsv, settled } from './helpers';

let core: Core;
let cleanup: () => void;
beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: '2026-11-26' }));
  await core.call('intake.createQuick', {
    intake: { givenName: 'Marta', familyName: 'Quispe', dob: '1980-02-02', phone: '555-000-1111', detained: false },
  });
});
afterEach(() => cleanup());

/** 400 distinct people: the write phase yields every 50 rows, so a cancel has several places to land. */
const ROWS = 400;
const CSV = rawCsv([
  ['given_name', 'family_name', 'dob'],
  ...Array.from({ length: ROWS }, (_, i) => [
    `Nombre${i}`,
    `Apellido${(i * 7919) % 100_003}x`,
    `19${50 + (i % 40)}-0${(i % 9) + 1}-1${i % 10}`,
  ]),
]);

/**
 * Every row of every table, as one digest: "unchanged" means row for row, not
 * just the same counts. SQLite's planner statistics (sqlite_stat*, refreshed
 * by PRAGMA optimize when the vault closes) are not data and are left out.
 */
function contentHash(c: Core): string {
  const db = c.vault.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const h = createHash('sha256');
  for (const { name } of tables) {
    const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    h.update(`${name}\n${rows.join('\n')}\n`);
  }
  return h.digest('hex');
}

async function start(): Promise<string> {
  const r = await core.dispatch('import.commit', { dataBase64: b64(CSV), choices: {} });
  if (!r.ok) throw new Error(r.error.code);
  return (r.value as JobStarted).jobId;
}

/** Follows the job until `until` holds, handing back every status seen. */
async function until(jobId: string, cond: (s: JobStatus) => boolean, seen: JobStatus[] = []): Promise<JobStatus> {
  for (;;) {
    const r = await core.dispatch('jobs.status', { jobId });
    if (!r.ok) throw new Error(r.error.code);
    const s = r.value as JobStatus;
    seen.push(s);
    if (cond(s) || s.state !== 'running') return s;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

describe('import.commit through the job runner', () => {
  it('reports consistent progress through its phases and hands back the result', async () => {
    const jobId = await start();
    const seen: JobStatus[] = [];
    const end = await settled(core, jobId, seen);
    expect(end).toMatchObject({ kind: 'import.commit', state: 'done', phase: 'done', progress: 1, results: [] });
    for (const s of seen) {
      expect(s.done).toBeGreaterThanOrEqual(0);
      expect(s.done).toBeLessThanOrEqual(s.total);
      expect(s.progress).toBeGreaterThanOrEqual(0);
      expect(s.progress).toBeLessThanOrEqual(1);
    }
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The phases in the order they run, each seen while running (the job yields inside every one of them).
    const phases = [...new Set(seen.filter((s) => s.state === 'running').map((s) => s.phase))];
    expect(phases).toEqual(['check', 'duplicates', 'write']);
    expect(seen.some((s) => s.phase === 'write' && s.done > 0 && s.done < ROWS)).toBe(true);
    expect(await core.call('jobs.result', { jobId })).toEqual({
      kind: 'import.commit',
      result: { imported: ROWS, skipped: 0, merged: 0, flagged: 0 },
    });
    expect(counts(core).people).toBe(ROWS + 1);
  });

  it('cancel mid-way through the writes leaves the vault byte for byte as it was', async () => {
    const before = contentHash(core);
    const countsBefore = counts(core);
    const jobId = await start();
    const mid = await until(jobId, (s) => s.phase === 'write' && s.done > 0);
    expect(mid).toMatchObject({ state: 'running', phase: 'write' });
    expect(mid.done).toBeLessThan(ROWS);
    // Rows are in the open transaction right now (visible to this connection only).
    expect(counts(core).people).toBeGreaterThan(countsBefore.people);

    const cancelled = await core.call('jobs.cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(core.vault.db.inTransaction).toBe(false);
    expect(counts(core)).toEqual(countsBefore);
    expect(contentHash(core)).toBe(before);
    expect((await core.dispatch('jobs.result', { jobId })).ok).toBe(false);

    // The same file imports fine afterwards.
    const again = await start();
    expect((await settled(core, again)).state).toBe('done');
    expect(counts(core).people).toBe(countsBefore.people + ROWS);
  });

  it('an operation arriving while the import holds the database waits, and is not rolled back with it', async () => {
    const jobId = await start();
    await until(jobId, (s) => s.phase === 'write' && s.done > 0);
    let saved = false;
    const write = core
      .call('intake.createQuick', {
        intake: { givenName: 'Rosa', familyName: 'Mamani', dob: '1975-07-07', phone: '555-222-3333', detained: false },
      })
      .then((p) => {
        saved = true;
        return p;
      });
    // Status and cancel pass; the save is still waiting for the import's transaction to end.
    expect((await core.call('jobs.status', { jobId })).state).toBe('running');
    expect(saved).toBe(false);
    expect((await core.call('jobs.cancel', { jobId })).state).toBe('cancelled');
    const rosa = await write;
    expect((await core.call('people.get', { id: rosa.id })).person.givenName).toBe('Rosa');
    expect(counts(core).people).toBe(2);
  });

  it('a lock mid-import rolls it back; after unlock the job is gone and nothing landed', async () => {
    const before = contentHash(core);
    const jobId = await start();
    await until(jobId, (s) => s.phase === 'write' && s.done > 0);
    await core.call('vault.lock', {});
    expect((await core.dispatch('jobs.status', { jobId })).ok).toBe(false);
    await core.call('vault.unlock', { passphrase: PASS });
    expect(await core.dispatch('jobs.status', { jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(contentHash(core)).toBe(before);
  });

  it('a file that cannot land ends the job as failed, with the coded error and its details', async () => {
    const bad = rawCsv([
      ['given_name', 'dob'],
      ['Ana', '1990-02-30'],
    ]);
    const { jobId } = await core.call('import.commit', { dataBase64: b64(bad), choices: {} });
    const end = await settled(core, jobId);
    expect(end).toMatchObject({ state: 'failed', error: { code: 'CSV_INVALID' } });
    expect(await core.dispatch('jobs.result', { jobId })).toMatchObject({
      ok: false,
      error: { code: 'CSV_INVALID', details: { errors: [{ line: 2, field: 'dob' }] } },
    });
  });
});

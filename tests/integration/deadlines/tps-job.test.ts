/**
 * TPS reconciliation is a job, never part of a read. A vault whose TPS
 * deadlines are behind the active dataset (as after an update that ships a
 * newer dataset) stays byte for byte unchanged through docket.list, the .ics
 * export, reminders and a person's deadline list; the 'tps.reconcile' job
 * started at unlock brings it in step, followed by its state, not a clock.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { JobStatus } from '../../../shared/views';
import { PASS, freshCore } from '../../helpers/env';
import { settled } from '../import/helpers';
import { person } from './helpers';

let core: Core;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start() {
  ({ core, cleanup } = await freshCore({ today: '2026-05-10' }));
}

/** Every table's rows (planner statistics aside), as one digest. */
/** Every table but the audit trail, which records an export (issue #10) as it should: that write is not a reconcile. */
function contentHash(): string {
  const db = core.vault.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' AND name <> 'audit_log' ORDER BY name")
    .all() as Array<{ name: string }>;
  const h = createHash('sha256');
  for (const { name } of tables) {
    const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    h.update(`${name}\n${rows.join('\n')}\n`);
  }
  return h.digest('hex');
}
const auditRows = () => (core.vault.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
/** Rows written, less the audit entries (one row each). */
const totalChanges = () => (core.vault.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - auditRows();
const tpsRows = () => (core.vault.db.prepare("SELECT count(*) AS n FROM deadlines WHERE source = 'tps'").get() as { n: number }).n;

/**
 * What a vault looks like when the app ships a newer TPS dataset: the stored
 * deadlines follow an older one. Done behind the core's back, on purpose.
 */
function fallBehind(): void {
  core.vault.db.exec("DELETE FROM deadlines WHERE source = 'tps'; UPDATE meta SET value = 'shipped:1999-01-01' WHERE key = 'tps.applied'");
}

describe('TPS reconcile as a job', () => {
  it('reads leave the database byte for byte unchanged, even when TPS deadlines are behind', async () => {
    await start();
    const sv = await person(core, { given: 'Beto', history: { tpsCountry: 'SV' } });
    await person(core, { given: 'Olena', history: { tpsCountry: 'UA' } });
    expect(tpsRows()).toBe(2);
    fallBehind();
    const hash = contentHash();
    const changes = totalChanges();

    await core.call('docket.list', {});
    await core.call('deadlines.exportIcs', { includeNames: true });
    await core.call('reminders.due', { withinDays: 60 });
    await core.call('deadlines.list', { personId: sv.id });
    await core.call('tps.status', {});

    expect(totalChanges()).toBe(changes);
    expect(contentHash()).toBe(hash);
    expect(tpsRows()).toBe(0);
    // Nor did a read start the job.
    expect(await core.call('jobs.list', { kind: 'tps.reconcile' })).toEqual([]);
  });

  it('after unlock the job brings TPS deadlines in step, with consistent progress and a result', async () => {
    await start();
    const ids: string[] = [];
    for (const given of ['Uno', 'Dos', 'Tres']) ids.push((await person(core, { given, history: { tpsCountry: 'SV' } })).id);
    const ua = await person(core, { given: 'Olena', history: { tpsCountry: 'UA' } });
    await person(core, { given: 'Nadie' });
    const want = await core.call('deadlines.list', { personId: ua.id });
    fallBehind();
    await core.call('vault.lock', {});

    await core.call('vault.unlock', { passphrase: PASS });
    const jobs = await core.call('jobs.list', { kind: 'tps.reconcile' });
    expect(jobs).toHaveLength(1);
    const seen: JobStatus[] = [];
    const end = await settled(core, jobs[0]!.jobId, seen);
    expect(end).toMatchObject({ kind: 'tps.reconcile', state: 'done', phase: 'done', progress: 1 });
    for (const s of seen) {
      expect(s.done).toBeLessThanOrEqual(s.total);
      expect(s.progress).toBeLessThanOrEqual(1);
    }
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await core.call('jobs.result', { jobId: end.jobId })).toEqual({
      kind: 'tps.reconcile',
      result: { asOf: '2026-05-01', peopleAffected: 4, created: 4, updated: 0, removed: 0 },
    });

    expect(tpsRows()).toBe(4);
    const got = await core.call('deadlines.list', { personId: ua.id });
    expect(got.map((d) => [d.source, d.label.en, d.due])).toEqual(want.map((d) => [d.source, d.label.en, d.due]));
    for (const id of ids) expect((await core.call('deadlines.list', { personId: id })).map((d) => d.due)).toEqual(['2026-09-09']);

    // In step now: the next unlock has nothing to do and starts no job.
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { passphrase: PASS });
    expect(await core.call('jobs.list', { kind: 'tps.reconcile' })).toEqual([]);
  });

  it('a lock part-way stops the job; the next unlock starts it again and finishes', async () => {
    await start();
    for (const given of ['Uno', 'Dos']) await person(core, { given, history: { tpsCountry: 'SV' } });
    fallBehind();
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { passphrase: PASS });
    // Locked before the job could run a single page: nothing reconciled, nothing marked applied.
    await core.call('vault.lock', {});
    await core.call('vault.unlock', { passphrase: PASS });
    const [job] = await core.call('jobs.list', { kind: 'tps.reconcile' });
    expect(job).toBeDefined();
    expect(tpsRows()).toBe(0);
    expect((await settled(core, job!.jobId)).state).toBe('done');
    expect(tpsRows()).toBe(2);
  });
});

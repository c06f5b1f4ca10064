import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, copyFileSync } from 'node:fs';
import { fromQuick, insertPerson } from '../../../electron/core/intake/people';
import { APPLY_STEP } from '../../../electron/core/exchange/changes';
import { intakeSchemas } from '../../../shared/contract';
import { clinicOf, dbOf, hashOf, quick, send, type Device } from './helpers';

let cleanup = () => {};
afterEach(() => cleanup());

const tick = () => new Promise<void>((r) => setImmediate(r));

/** Two bundles from two devices in one folder, for `to`. */
async function twoBundles(c: Awaited<ReturnType<typeof clinicOf>>, to: Device) {
  const [lead, m1] = c.devices as [Device, Device, Device];
  for (const [given, family] of [
    ['Rosa', 'Quispe'],
    ['Marisol', 'Xiloj'],
    ['Ana', 'Tzul'],
  ] as const)
    await quick(lead, given, family, { facility: 'Otay Mesa', detained: true });
  await quick(m1, 'Kwame', 'Mensah');
  const dir = join(c.root, 'inbox');
  mkdirSync(dir);
  for (const from of [lead, m1]) {
    const f = send(c.root, from, to).file;
    copyFileSync(f, join(dir, f.split('/').pop()!));
  }
  return dir;
}

describe('exchange import as a job', () => {
  it('runs on the job runner with progress, and hands back the summary', async () => {
    const c = await clinicOf(2);
    cleanup = c.cleanup;
    const to = c.devices[2]!;
    const dir = await twoBundles(c, to);
    const started = await to.core.call('exchange.importStart', { paths: [dir] });
    expect(started.kind).toBe('exchange.import');
    const seen: number[] = [];
    for (;;) {
      const s = await to.core.call('jobs.status', { jobId: started.jobId });
      seen.push(s.done);
      if (s.state !== 'running') {
        expect(s).toMatchObject({ state: 'done', done: 2, total: 2 });
        break;
      }
      await tick();
    }
    const r = await to.core.call('jobs.result', { jobId: started.jobId });
    expect(r.kind).toBe('exchange.import');
    if (r.kind !== 'exchange.import') return;
    expect(r.result).toMatchObject({ files: 2, devices: 2, conflicts: 0, refused: [] });
    expect(r.result.changes).toBeGreaterThanOrEqual(4);
    expect(dbOf(to).prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 4 });
    expect(seen.every((d, i) => i === 0 || d >= seen[i - 1]!)).toBe(true);
  }, 120_000);

  it('a cancel after the first bundle was applied rolls every bundle back: nothing is applied', async () => {
    const c = await clinicOf(2);
    cleanup = c.cleanup;
    const to = c.devices[2]!;
    const dir = await twoBundles(c, to);
    const before = hashOf(to);
    const changesBefore = dbOf(to).prepare('SELECT count(*) AS n FROM changes').get();
    const started = await to.core.call('exchange.importStart', { paths: [dir] });
    // Wait until the first bundle is applied inside the job's open transaction, then cancel.
    for (;;) {
      const s = await to.core.call('jobs.status', { jobId: started.jobId });
      if (s.done >= 1 || s.state !== 'running') break;
      await tick();
    }
    const after = await to.core.call('jobs.cancel', { jobId: started.jobId });
    expect(after.state).toBe('cancelled');
    const res = await to.core.dispatch('jobs.result', { jobId: started.jobId });
    expect(res.ok ? null : res.error.code).toBe('CANCELLED');
    expect(hashOf(to)).toBe(before);
    expect(dbOf(to).prepare('SELECT count(*) AS n FROM changes').get()).toEqual(changesBefore);
    expect(dbOf(to).prepare('SELECT count(*) AS n FROM imported_bundles').get()).toEqual({ n: 0 });
    // The same bundles import in full afterwards.
    const again = await to.core.call('exchange.import', { paths: [dir] });
    expect(again).toMatchObject({ files: 2, replays: 0 });
    expect(dbOf(to).prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 4 });
  }, 120_000);

  it('reports progress inside one large bundle, and a cancel there rolls the whole bundle back', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, to] = c.devices as [Device, Device];
    // More than two steps of changes in one bundle, written the way a bulk load writes them (one transaction).
    const n = APPLY_STEP * 2 + 200;
    const ctx = lead.core.ctx();
    ctx.db.transaction(() => {
      for (let i = 0; i < n; i++)
        insertPerson(
          ctx,
          fromQuick(intakeSchemas.quickIntake.parse({ givenName: 'Rosa', familyName: `Quispe${i}`, approxAge: 30, detained: false })),
        );
    })();
    const file = send(c.root, lead, to).file;
    const before = hashOf(to);
    const count = (table: string) => dbOf(to).prepare(`SELECT count(*) AS n FROM ${table}`).get();
    const changesBefore = count('changes');
    const started = await to.core.call('exchange.importStart', { paths: [file] });
    // Wait for a checkpoint inside the only bundle: some progress, the bundle not yet done.
    const status = () => to.core.call('jobs.status', { jobId: started.jobId });
    let inside = await status();
    while (inside.state === 'running' && inside.progress === 0) {
      await tick();
      inside = await status();
    }
    expect(inside.state).toBe('running');
    expect(inside.done).toBe(0);
    expect(inside.progress).toBeLessThan(1);
    // Part of the bundle is written inside the job's open transaction at this point.
    expect((dbOf(to).prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBeGreaterThanOrEqual(APPLY_STEP);
    const after = await to.core.call('jobs.cancel', { jobId: started.jobId });
    expect(after.state).toBe('cancelled');
    const res = await to.core.dispatch('jobs.result', { jobId: started.jobId });
    expect(res.ok ? null : res.error.code).toBe('CANCELLED');
    // Nothing of the bundle is left: no rows, no change log entries, no bundle record, the triggers recording again.
    expect(hashOf(to)).toBe(before);
    expect(count('people')).toEqual({ n: 0 });
    expect(count('people_fts')).toEqual({ n: 0 });
    expect(count('changes')).toEqual(changesBefore);
    expect(count('imported_bundles')).toEqual({ n: 0 });
    expect(dbOf(to).prepare('SELECT applying FROM exchange_state').get()).toEqual({ applying: 0 });
    expect(dbOf(to).inTransaction).toBe(false);
    // The same bundle then imports in full, as a job, reaching the lead's state.
    const again = await to.core.call('exchange.importStart', { paths: [file] });
    const seen: number[] = [];
    for (;;) {
      const s = await to.core.call('jobs.status', { jobId: again.jobId });
      seen.push(s.progress);
      if (s.state !== 'running') {
        expect(s.state).toBe('done');
        break;
      }
      await tick();
    }
    // Progress moved inside the bundle (values strictly between 0 and 1), never backwards.
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
    const r = await to.core.call('jobs.result', { jobId: again.jobId });
    expect(r.kind === 'exchange.import' ? r.result : null).toMatchObject({ files: 1, changes: n, refused: [] });
    expect(count('people')).toEqual({ n });
    expect(hashOf(to)).toBe(hashOf(lead));
  }, 300_000);
});

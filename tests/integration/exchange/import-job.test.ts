import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, copyFileSync } from 'node:fs';
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
});

import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Core } from '../../../electron/core/app';
import { freshCore, REPO_ROOT } from '../../helpers/env';
import { allRows, failure, person } from './helpers';
import { settled } from '../import/helpers';

let core: Core;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const SHIPPED = resolve(REPO_ROOT, 'resources/tps/tps-2026-05.json');
type Dataset = { asOf: string; countries: Array<Record<string, unknown> & { country: string }> };
const shipped = (): Dataset => JSON.parse(readFileSync(SHIPPED, 'utf8')) as Dataset;

/** The shipped file a month later: El Salvador gets a new re-registration window, EAD extension and end date. */
function june(): Dataset {
  const d = shipped();
  d.asOf = '2026-06-01';
  const sv = d.countries.find((c) => c.country === 'SV')!;
  sv.reRegistration = { start: '2026-06-01', end: '2026-08-03' };
  sv.eadAutoExtendedTo = '2027-03-09';
  sv.endDate = '2027-09-09';
  sv.citation = '91 FR 99999';
  return d;
}

async function start(today: string) {
  const env = await freshCore({ today });
  core = env.core;
  cleanup = env.cleanup;
}

const tpsOf = async (personId: string) => (await core.call('deadlines.list', { personId })).filter((d) => d.source === 'tps');

async function setTps(personId: string, history: Record<string, unknown>) {
  const view = await core.call('people.get', { id: personId });
  const {
    id: _i,
    version,
    createdAt: _c,
    createdBy: _cb,
    updatedAt: _u,
    updatedBy: _ub,
    cases: _cs,
    urgency: _ur,
    familyLinks: _fl,
    ...data
  } = view;
  await core.call('people.update', { id: personId, version, data: { ...data, history: { ...data.history, ...history } } });
}

describe('TPS deadlines from the shipped dataset', () => {
  it('people with a TPS country get its dates, with citation, as-of and verify', async () => {
    await start('2026-05-10');
    const sv = await person(core, { history: { tpsCountry: 'SV', tpsStatus: 'granted' } });
    const byName = await person(core, { given: 'Beto', history: { tpsCountry: 'el salvador' } });
    const ua = await person(core, { given: 'Olena', history: { tpsCountry: 'Ukraine' } });
    const ht = await person(core, { given: 'Jean', history: { tpsCountry: 'Haití' } });
    const denied = await person(core, { given: 'Dan', history: { tpsCountry: 'SV', tpsStatus: 'denied' } });
    const none = await person(core, { given: 'Nadie' });

    const d = await tpsOf(sv.id);
    // EAD auto-extension (2026-03-09) and the 2025 re-registration window were already past on the as-of date.
    expect(d.map((x) => [x.label.en, x.due])).toEqual([['TPS designation ends (TPS El Salvador)', '2026-09-09']]);
    expect(d[0]).toMatchObject({ source: 'tps', eventId: null, ruleId: null, verify: true, caseType: 'tps', status: 'open' });
    expect(d[0]!.citation).toBe(shipped().countries.find((c) => c.country === 'SV')!.citation);
    expect(d[0]!.trail.en.join(' ')).toMatch(
      /TPS for El Salvador is in effect: .*As of May 1, 2026; verify before advising\..*Due: Wed, Sep 9, 2026\./,
    );
    expect(d[0]!.trail.es.length).toBe(d[0]!.trail.en.length);
    expect((await tpsOf(byName.id)).map((x) => x.due)).toEqual(['2026-09-09']);
    expect((await tpsOf(ua.id)).map((x) => x.due)).toEqual(['2026-10-19']);
    expect(await tpsOf(ht.id)).toEqual([]);
    expect(await tpsOf(denied.id)).toEqual([]);
    expect(await tpsOf(none.id)).toEqual([]);
  });

  it('follow edits of the TPS country on the person record', async () => {
    await start('2026-05-10');
    const p = await person(core, { history: { tpsCountry: 'SV' } });
    const [before] = await tpsOf(p.id);
    await setTps(p.id, { tpsCountry: 'LB' });
    const after = await tpsOf(p.id);
    expect(after.map((x) => x.due)).toEqual(['2026-11-27']);
    expect(after[0]!.id).not.toBe(before!.id);
    await setTps(p.id, { tpsCountry: undefined });
    expect(await tpsOf(p.id)).toEqual([]);
  });

  it('a merge keeps one set of TPS deadlines, on the kept record', async () => {
    await start('2026-05-10');
    const a = await person(core, { history: { tpsCountry: 'SV' } });
    const b = await person(core, { given: 'Ana M.', history: { tpsCountry: 'SV' } });
    await tpsOf(a.id);
    await core.call('people.merge', { keepId: a.id, mergeId: b.id });
    expect((await tpsOf(a.id)).length).toBe(1);
    const n = core.ctx().db.prepare(`SELECT count(*) AS n FROM deadlines WHERE source = 'tps'`).get() as { n: number };
    expect(n.n).toBe(1);
  });
});

describe('TPS history on merge', () => {
  it('keeps a done TPS deadline of the merged record as history on the kept one', async () => {
    await start('2026-05-10');
    const a = await person(core, { history: { tpsCountry: 'SV' } });
    const b = await person(core, { given: 'Ana M.', history: { tpsCountry: 'SV' } });
    await tpsOf(a.id);
    const [bDone] = await tpsOf(b.id);
    await core.call('deadlines.markDone', { id: bDone!.id, version: bDone!.version });
    await core.call('people.merge', { keepId: a.id, mergeId: b.id });
    const kept = await tpsOf(a.id);
    expect(kept.map((d) => d.status).sort()).toEqual(['done', 'open']);
    expect(kept.find((d) => d.status === 'done')!.id).toBe(bDone!.id);
  });
});

describe('TPS import', () => {
  it('preview says whose deadlines change and writes nothing; apply recomputes in place', async () => {
    await start('2026-06-10');
    const svIds: string[] = [];
    for (const given of ['Uno', 'Dos', 'Tres']) svIds.push((await person(core, { given, history: { tpsCountry: 'SV' } })).id);
    const ua = await person(core, { given: 'Olena', history: { tpsCountry: 'UA' } });
    const [oldEnd] = await tpsOf(svIds[0]!);
    const [uaEnd] = await tpsOf(ua.id);
    await core.call('deadlines.markDone', { id: oldEnd!.id, version: oldEnd!.version });
    const [o2] = await tpsOf(svIds[1]!);
    await core.call('deadlines.override', { id: o2!.id, version: o2!.version, due: '2026-09-01', reason: 'Plan to file a week early' });

    const rowsBefore = allRows(core);
    const preview = await core.call('tps.previewImport', { json: JSON.stringify(june()) });
    expect(preview).toMatchObject({
      asOf: '2026-06-01',
      currentAsOf: '2026-05-01',
      peopleAffected: 3,
      deadlinesChanged: 12,
      truncated: false,
    });
    expect(preview.people.map((p) => p.personId).sort()).toEqual([...svIds].sort());
    expect(preview.people[0]!.changes).toEqual(
      expect.arrayContaining([
        { country: 'SV', kind: 're-registration-open', before: null, after: '2026-06-01' },
        { country: 'SV', kind: 're-registration-close', before: null, after: '2026-08-03' },
        { country: 'SV', kind: 'ead-auto-extension', before: null, after: '2027-03-09' },
        { country: 'SV', kind: 'designation-end', before: '2026-09-09', after: '2027-09-09' },
      ]),
    );
    expect(allRows(core)).toEqual(rowsBefore);
    expect((await core.call('tps.status', {})).source).toBe('shipped');

    const started = await core.call('tps.applyImport', { json: JSON.stringify(june()) });
    expect(started.asOf).toBe('2026-06-01');
    // The dataset is stored at once; the deadlines follow in the background job (waited for by state, not time).
    expect(await settled(core, started.jobId)).toMatchObject({ kind: 'tps.reconcile', state: 'done', progress: 1 });
    const applied = await core.call('jobs.result', { jobId: started.jobId });
    expect(applied).toMatchObject({ kind: 'tps.reconcile', result: { asOf: '2026-06-01', peopleAffected: 3, created: 9, removed: 0 } });
    expect(applied.kind === 'tps.reconcile' && applied.result.updated).toBe(4); // three SV end dates moved, the UA one only has a new as-of in its trail

    const sv0 = await tpsOf(svIds[0]!);
    // The re-registration window is two deadlines of the rule tps-reregistration: the day it opens and the day it closes.
    expect(sv0.map((d) => [d.label.en, d.due, d.ruleId])).toEqual([
      ['Re-registration period opens (TPS El Salvador)', '2026-06-01', 'tps-reregistration'],
      ['Re-registration period closes (TPS El Salvador)', '2026-08-03', 'tps-reregistration'],
      ['Automatic extension of work permits (EAD) ends (TPS El Salvador)', '2027-03-09', null],
      ['TPS designation ends (TPS El Salvador)', '2027-09-09', null],
    ]);
    expect(sv0[0]!.trail.en.at(-1)).toBe('Window opens: Mon, Jun 1, 2026.');
    const end0 = sv0.find((d) => d.id === oldEnd!.id)!;
    expect(end0).toMatchObject({ status: 'open', doneAt: null, citation: '91 FR 99999' });
    expect(end0.flags).toContain('changed-after-done');
    const end1 = (await tpsOf(svIds[1]!)).find((d) => d.id === o2!.id)!;
    expect(end1).toMatchObject({ due: '2026-09-01', computedDue: '2027-09-09' });
    expect(end1.override?.stale).toBe(true);
    const uaAfter = await tpsOf(ua.id);
    expect(uaAfter.map((d) => [d.id, d.due])).toEqual([[uaEnd!.id, '2026-10-19']]);
    expect(uaAfter[0]!.trail.en.join(' ')).toContain('As of Jun 1, 2026');

    const status = await core.call('tps.status', {});
    expect(status).toMatchObject({ source: 'imported', asOf: '2026-06-01', ageDays: 9, stale: false });
    expect(status.importedAt).toBeTruthy();
    // Importing the same file again changes no dates.
    expect(await core.call('tps.previewImport', { json: JSON.stringify(june()) })).toMatchObject({
      peopleAffected: 0,
      deadlinesChanged: 0,
    });
  });

  it('refuses invalid, non-JSON and older files with INVALID_INPUT', async () => {
    await start('2026-06-10');
    expect((await failure(core.call('tps.previewImport', { json: '{not json' }))).code).toBe('INVALID_INPUT');
    const bad = shipped();
    (bad.countries[0] as Record<string, unknown>).endDate = '2026-02-30';
    const err = await failure(core.call('tps.previewImport', { json: JSON.stringify(bad) }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/countries\[0\] \(VE-2023\)\.endDate/);
    const older = shipped();
    older.asOf = '2026-01-01';
    expect((await failure(core.call('tps.applyImport', { json: JSON.stringify(older) }))).code).toBe('INVALID_INPUT');
    expect((await core.call('tps.status', {})).source).toBe('shipped');
  });

  it('preview lists at most `limit` people but counts them all', async () => {
    await start('2026-06-10');
    for (const given of ['Uno', 'Dos', 'Tres']) await person(core, { given, history: { tpsCountry: 'SV' } });
    const p = await core.call('tps.previewImport', { json: JSON.stringify(june()), limit: 2 });
    expect(p).toMatchObject({ peopleAffected: 3, truncated: true });
    expect(p.people).toHaveLength(2);
  });
});

describe('TPS status', () => {
  it('is fresh within 90 days of the as-of date', async () => {
    await start('2026-05-10');
    const s = await core.call('tps.status', {});
    expect(s).toMatchObject({ asOf: '2026-05-01', ageDays: 9, stale: false, source: 'shipped', importedAt: null });
    const sv = s.entries.find((e) => e.country === 'SV')!;
    expect(sv).toMatchObject({ asOf: '2026-05-01', verify: true, stale: false });
    expect(sv.citation).toBeTruthy();
    expect(s.entries).toHaveLength(shipped().countries.length);
  });

  it('is stale after 90 days, and says so in each entry', async () => {
    await start('2026-08-15');
    const s = await core.call('tps.status', {});
    expect(s).toMatchObject({ ageDays: 106, stale: true });
    expect(s.entries.every((e) => e.stale)).toBe(true);
    expect(s.entries[0]!.notice.en).toMatch(/106 days old/);
  });
});

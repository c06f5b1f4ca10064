/**
 * Batch fills as jobs of the core's one runner: progress while the app stays
 * responsive, each PDF fetched one by one and recorded when saved, cancel
 * part-way, and a lock drops everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { ImportedBlank, JobStatus, PersonView } from '../../../shared/views';
import { PASS, freshCore } from '../../helpers/env';
import { pdftkValues, qpdfCheck, tempDir, type TempDir } from '../forms/helpers';
import { TODAY, batchPdf, createClient, errorOf, importOfficial, sha256 } from './helpers';

let core: Core;
let cleanup: () => void;
let out: TempDir;
let i589: ImportedBlank;
const people: PersonView[] = [];

const NAMES = [
  ['Nguyễn', 'Thị Bích Ngọc'],
  ['García López', 'José María'],
  ['Pierre-Louis', 'Wideline'],
  ['Haidari', 'Mohammad'],
  ['Kovalenko', 'Olena'],
  ['Tesfaye', 'Selam'],
] as const;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
  out = tempDir();
  i589 = await importOfficial(core, 'i-589');
  for (const [i, [family, given]] of NAMES.entries()) {
    people.push(await createClient(core, { given, family, aNumber: `A0123456${String(i).padStart(2, '0')}`, dob: '1990-03-07' }));
  }
}, 60_000);
afterAll(() => {
  cleanup();
  out.remove();
});

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function waitFor(jobId: string, until: (s: JobStatus) => boolean, seen: JobStatus[] = []): Promise<JobStatus> {
  for (;;) {
    const s = await core.call('jobs.status', { jobId });
    seen.push(s);
    if (until(s)) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('forms.batchStart', () => {
  it('fills three people in the background with progress; each PDF is fetched and recorded', async () => {
    const three = people.slice(0, 3);
    const { jobId, total } = await core.call('forms.batchStart', { templateId: i589.blankId, personIds: three.map((p) => p.id) });
    expect(total).toBe(3);

    // The app answers other calls while the batch runs.
    const other = await core.call('people.get', { id: people[5]!.id });
    expect(other.person.givenName).toBe('Selam');
    expect((await core.call('jobs.status', { jobId })).state).toBe('running');

    const seen: JobStatus[] = [];
    const done = await waitFor(jobId, (s) => s.state !== 'running', seen);
    expect(done).toMatchObject({ kind: 'forms.batch', state: 'done', phase: 'done', done: 3, total: 3, progress: 1 });
    for (const s of seen) {
      expect(s.done).toBeGreaterThanOrEqual(0);
      expect(s.done).toBeLessThanOrEqual(s.total);
      expect(s.results.length).toBe(s.done);
    }
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(seen.map((s) => s.done)).size).toBeGreaterThan(1);
    expect(done.results.map((r) => [r.index, r.personId, r.ok])).toEqual(three.map((p, i) => [i, p.id, true]));
    expect(done.results[0]).not.toHaveProperty('pdfBase64');

    // Nothing is in the history before the PDFs are saved.
    for (const p of three) expect(await core.call('forms.history', { personId: p.id })).toEqual([]);
    for (const [i, p] of three.entries()) {
      const r = await batchPdf(core, jobId, i);
      const bytes = r.pdf;
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(r.sha256).toBe(sha256(bytes));
      expect(r.fileName).toBe(`I-589 ${p.person.familyName}, ${p.person.givenName} ${TODAY}.pdf`);
      const file = out.file(`batch-${i}.pdf`, bytes);
      qpdfCheck(file);
      expect(pdftkValues(file).get('form1[0].#subform[0].PtAILine4_LastName[0]')).toBe(p.person.familyName);
      const { fillId } = await core.call('forms.recordDelivery', { token: r.token });
      const history = await core.call('forms.history', { personId: p.id });
      expect(history).toEqual([expect.objectContaining({ id: fillId, outputSha256: r.sha256, kind: 'fill', form: 'i-589' })]);
    }
    expect(await core.call('jobs.discard', { jobId })).toEqual({ discarded: true });
    expect((await errorOf(core.call('jobs.status', { jobId }))).code).toBe('NOT_FOUND');
  });

  it('reports a person it cannot fill and goes on with the others', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    const { jobId } = await core.call('forms.batchStart', { templateId: i589.blankId, personIds: [missing, people[3]!.id] });
    const done = await waitFor(jobId, (s) => s.state !== 'running');
    expect(done.state).toBe('done');
    expect(done.results[0]).toMatchObject({ index: 0, personId: missing, ok: false, error: { code: 'NOT_FOUND' } });
    expect(done.results[1]).toMatchObject({ index: 1, ok: true });
    expect((await errorOf(core.call('jobs.result', { jobId, index: 0 }))).code).toBe('NOT_FOUND');
    await core.call('jobs.discard', { jobId });
  });

  it('cancels part-way: forms already filled stay fetchable, the rest are neither filled nor recorded', async () => {
    const ids = people.map((p) => p.id);
    const countBefore = (core.vault.db.prepare('SELECT count(*) AS n FROM form_fills').get() as { n: number }).n;
    const { jobId } = await core.call('forms.batchStart', { templateId: i589.blankId, personIds: ids });
    await waitFor(jobId, (s) => s.done >= 1);
    const cancelled = await core.call('jobs.cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeGreaterThanOrEqual(1);
    expect(cancelled.done).toBeLessThan(ids.length);
    const ok = cancelled.results.filter((r) => r.ok);
    expect(ok.length).toBe(cancelled.results.length);
    for (const r of ok) expect(sha256((await batchPdf(core, jobId, r.index)).pdf)).toBe(r.sha256);
    expect((await errorOf(core.call('jobs.result', { jobId, index: ids.length - 1 }))).code).toBe('NOT_FOUND');
    // Nothing moves after the cancel.
    for (let i = 0; i < 20; i++) await tick();
    expect((await core.call('jobs.status', { jobId })).done).toBe(cancelled.done);
    const count = () => (core.vault.db.prepare('SELECT count(*) AS n FROM form_fills').get() as { n: number }).n;
    // Filled but not saved: not in the history.
    expect(count()).toBe(countBefore);
    for (const r of ok) await core.call('forms.recordDelivery', { token: (await batchPdf(core, jobId, r.index)).token });
    expect(count() - countBefore).toBe(ok.length);
    await core.call('jobs.discard', { jobId });
  });

  it('runs one batch at a time', async () => {
    const { jobId } = await core.call('forms.batchStart', { templateId: i589.blankId, personIds: [people[0]!.id, people[1]!.id] });
    expect((await errorOf(core.call('forms.batchStart', { templateId: i589.blankId, personIds: [people[2]!.id] }))).code).toBe(
      'INVALID_INPUT',
    );
    await core.call('jobs.cancel', { jobId });
    await core.call('jobs.discard', { jobId });
  });

  it('a lock stops the batch and drops its PDFs', async () => {
    const { jobId } = await core.call('forms.batchStart', { templateId: i589.blankId, personIds: people.map((p) => p.id) });
    await waitFor(jobId, (s) => s.done >= 1);
    core.vault.lock();
    expect((await errorOf(core.call('jobs.status', { jobId }))).code).toBe('VAULT_LOCKED');
    await core.call('vault.unlock', { passphrase: PASS });
    expect((await errorOf(core.call('jobs.status', { jobId }))).code).toBe('NOT_FOUND');
  });
});

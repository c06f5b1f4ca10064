import type { Core } from '../../../electron/core/app';
import type { ImportResult } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { JobResult, JobStarted, JobStatus } from '../../../shared/views';

/** A CSV cell as a plain spreadsheet would write it: quoted when needed, no formula escape. */
export const rawCell = (v: string) => (/[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const rawCsv = (rows: string[][], eol = '\n') => rows.map((r) => r.map(rawCell).join(',')).join(eol) + eol;

export const b64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

export function counts(core: Core) {
  const n = (sql: string) => (core.vault.db.prepare(sql).get() as { n: number }).n;
  return {
    people: n('SELECT count(*) AS n FROM people'),
    cases: n('SELECT count(*) AS n FROM cases'),
    audit: n('SELECT count(*) AS n FROM audit_log'),
    decisions: n('SELECT count(*) AS n FROM duplicate_decisions'),
  };
}

/** Preview through the contract, as the import screen does. */
export const preview = (core: Core, data: string | Uint8Array, mapping?: Record<string, string | null>) =>
  core.call('import.preview', { fileName: 'people.csv', dataBase64: b64(data), ...(mapping ? { mapping } : {}) });

/** Waits for a job to leave 'running', one event-loop turn at a time (a state, never a clock). */
export async function settled(core: Core, jobId: string, seen: JobStatus[] = []): Promise<JobStatus> {
  for (;;) {
    const s = await core.call('jobs.status', { jobId });
    seen.push(s);
    if (s.state !== 'running') return s;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Commit through the contract, as the import screen does: start the job,
 * follow it to its end, then fetch its result. The answer is a Result, the
 * job's ImportResult or its error (CSV_INVALID with details, CANCELLED).
 */
export async function commit(
  core: Core,
  data: string | Uint8Array,
  choices: Record<string, unknown> = {},
  mapping?: Record<string, string | null>,
): Promise<Result<ImportResult>> {
  const started = await core.dispatch('import.commit', { dataBase64: b64(data), choices, ...(mapping ? { mapping } : {}) });
  if (!started.ok) return started;
  const { jobId } = started.value as JobStarted;
  await settled(core, jobId);
  const r = await core.dispatch('jobs.result', { jobId });
  await core.dispatch('jobs.discard', { jobId });
  if (!r.ok) return r;
  const value = r.value as JobResult;
  if (value.kind !== 'import.commit') throw new Error(`unexpected job result ${value.kind}`);
  return { ok: true, value: value.result };
}

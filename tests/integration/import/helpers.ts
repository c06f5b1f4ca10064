import type { Core } from '../../../electron/core/app';

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

export const commit = (
  core: Core,
  data: string | Uint8Array,
  choices: Record<string, unknown> = {},
  mapping?: Record<string, string | null>,
) => core.dispatch('import.commit', { dataBase64: b64(data), choices, ...(mapping ? { mapping } : {}) });

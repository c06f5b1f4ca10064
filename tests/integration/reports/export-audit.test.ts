/**
 * Every export that leaves the vault is in the audit trail, written by the
 * core whichever caller asked (dispatch, CLI): who, when, what kind, how many
 * rows, which columns and whether they identify people; never a value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import { createClient } from '../forms-service/helpers';

const CLIENT = { given: 'Yolotzin', family: 'Cuauhtémoc-Ixtlahuaca', aNumber: '209334871', dob: '1990-04-12' };

let core: Core;
let cleanup: () => void;
beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  await createClient(core, CLIENT);
});
afterAll(() => cleanup());

interface Entry {
  actor: string;
  action: string;
  entity: string;
  detail: string | null;
}
/** Entries appended by `fn`. */
async function entriesOf(fn: () => Promise<unknown>): Promise<Entry[]> {
  const db = core.vault.db;
  const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  await fn();
  return db.prepare('SELECT actor, action, entity, detail FROM audit_log ORDER BY rowid LIMIT -1 OFFSET ?').all(before) as Entry[];
}
const noValues = (e: Entry) => {
  for (const v of [CLIENT.given, CLIENT.family, CLIENT.aNumber, CLIENT.dob]) expect(JSON.stringify(e)).not.toContain(v);
};

describe('exports in the audit trail', () => {
  it('a CSV with names: kind, count, columns, identifying', async () => {
    const [e, ...rest] = await entriesOf(() =>
      core.call('reports.exportCsv', { what: 'people', columns: ['family_name', 'country_of_birth'] }),
    );
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ actor: core.vault.user.name, action: 'reports.exportCsv', entity: 'export' });
    expect(JSON.parse(e!.detail!)).toEqual({ kind: 'people', count: 1, columns: ['family_name', 'country_of_birth'], identifying: 'yes' });
    noValues(e!);
  });

  it('a CSV without identifying columns says so', async () => {
    const [e] = await entriesOf(() => core.call('reports.exportCsv', { what: 'people', columns: ['country_of_birth'] }));
    expect(JSON.parse(e!.detail!)).toMatchObject({ kind: 'people', columns: ['country_of_birth'], identifying: 'no' });
  });

  it('an XLSX workbook: one entry naming every sheet column', async () => {
    const [e, ...rest] = await entriesOf(() => core.call('reports.exportXlsx', { kinds: ['people', 'cases'] }));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ action: 'reports.exportXlsx', entity: 'export' });
    const d = JSON.parse(e!.detail!) as { kinds: string; columns: string[]; identifying: string; count: number };
    expect(d.kinds).toBe('people,cases');
    expect(d.columns).toContain('people.family_name');
    expect(d.columns.some((c) => c.startsWith('cases.'))).toBe(true);
    expect(d.identifying).toBe('yes');
    expect(d.count).toBeGreaterThanOrEqual(1);
    noValues(e!);
  });

  it('the people CSV of the import page', async () => {
    const [e] = await entriesOf(() => core.call('import.exportCsv', {}));
    expect(e).toMatchObject({ action: 'people.exportCsv', entity: 'people' });
    expect(JSON.parse(e!.detail!)).toMatchObject({ count: 1 });
    noValues(e!);
  });

  it('a refused export leaves no entry', async () => {
    expect(await entriesOf(() => core.dispatch('reports.exportCsv', { what: 'people', columns: ['nope'] }))).toEqual([]);
  });
});

import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/app';
import type { DB } from '../../../electron/core/db/connection';
import { ATTORNEY, createClient, delivered, importOfficial } from '../forms-service/helpers';

/** Names stored in the seeded vault; the raw-bytes test looks for each of them in the backup. */
export const NAMES = [
  { given: 'Xiomara', family: 'Quetzaltenango-Ybarra', aNumber: '204518837', dob: '1988-03-14' },
  { given: 'Nguyễn Thị', family: 'Phượng', aNumber: '087441230', dob: '1995-11-02' },
  { given: 'Oleksandra', family: 'Zhyvotovska', aNumber: '219003317', dob: '1979-06-30' },
];

/** A vault with people, cases, deadlines (computed and manual), drafts, form templates and fills. */
export async function seedVault(core: Core): Promise<void> {
  await core.call('forms.setAttorney', { attorney: ATTORNEY });
  const g28 = await importOfficial(core, 'g-28');
  const people = [];
  for (const n of NAMES) people.push(await createClient(core, n));
  const first = people[0]!;
  await core.call('events.add', {
    personId: first.id,
    event: { kind: 'hearing-scheduled', date: '2026-12-10', details: { hearingKind: 'individual' } },
  });
  await core.call('deadlines.addManual', { personId: first.id, label: 'Send the client the hearing notice', due: '2026-12-01' });
  await core.call('drafts.save', { kind: 'quick', data: { givenName: 'Draftina', familyName: 'Unsaved-Borrador' } });
  await delivered(core, await core.call('forms.fill', { templateId: g28.blankId, personId: first.id }));
}

/** Every table of a database, as sorted rows: for row-by-row comparison. */
export function dumpTables(db: DB): Record<string, unknown[]> {
  const names = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const n of names) {
    const rows = db.prepare(`SELECT * FROM "${n}"`).raw().all() as unknown[][];
    out[n] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
  }
  return out;
}

export function backupFolder(root: string, name = 'stick'): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const filesIn = (dir: string) => readdirSync(dir).sort();

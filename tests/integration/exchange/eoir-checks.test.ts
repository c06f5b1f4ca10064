import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openEncrypted, closeDb } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { tempDir } from '../../helpers/env';
import { clinicOf, hashOf, quick, receive, send, TODAY } from './helpers';

let cleanup = () => {};
afterEach(() => cleanup());

describe('exchange: EOIR checks and the detention history travel (issue 14 §4, issue 12)', () => {
  it('a check recorded on the lead reaches the member: its log, its "to check" list and the state hash agree', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [typeof c.lead, typeof c.lead];
    const p = await lead.core.call('intake.createFull', {
      decisions: [],
      intake: {
        person: { givenName: 'Rosa', familyName: 'Quispe', dob: '1990-04-04', aNumber: 'A012345678' },
        detention: { detained: false },
        history: {},
        cases: [{ type: 'asylum-defensive' }],
        family: [],
        notes: '',
        consent: { date: '2026-01-05', how: 'verbal', language: 'es' },
      },
    });
    receive(member, send(c.root, lead, member).file);
    // Before the check travels the member still sees Rosa as due: never checked.
    expect((await member.core.call('eoir.due', {})).rows.map((r) => r.personId)).toEqual([p.id]);

    const r = await lead.core.call('eoir.record', {
      personId: p.id,
      channel: 'portal',
      checkedAt: `${TODAY}T15:00:00Z`,
      hearing: { date: '2026-06-15', time: '09:00', kind: 'master' },
      judge: 'Smith',
    });
    const b = send(c.root, lead, member);
    expect(b.changes).toBeGreaterThan(0);
    receive(member, b.file);
    const there = await member.core.call('eoir.list', { personId: p.id });
    expect(there.map((x) => x.id)).toEqual([r.check.id]);
    expect(there[0]).toMatchObject({ channel: 'portal', judge: 'Smith', checkedBy: r.check.checkedBy });
    expect((await member.core.call('eoir.due', {})).rows).toEqual([]);
    expect(hashOf(member)).toBe(hashOf(lead));
  });

  it('a detention history saved on the member reaches the lead (it lives in the person record)', async () => {
    const c = await clinicOf(1);
    cleanup = c.cleanup;
    const [lead, member] = c.devices as [typeof c.lead, typeof c.lead];
    const p = await quick(member, 'Lucía', 'Ajú');
    await member.core.call('detention.save', {
      personId: p.id,
      version: p.version,
      history: { stays: [{ facility: 'Adelanto ICE Processing Center', from: '2026-01-20' }], ankleMonitor: false },
    });
    receive(lead, send(c.root, member, lead).file);
    const got = await lead.core.call('people.get', { id: p.id });
    expect(got.detention).toMatchObject({ detained: true, facility: 'Adelanto ICE Processing Center' });
    expect(hashOf(lead)).toBe(hashOf(member));
  });

  it('migration 0016 records the checks written before it, once, and records new ones through its triggers', () => {
    const t = tempDir();
    const db = openEncrypted(join(t.dir, 'm.db'), randomBytes(32));
    cleanup = () => {
      closeDb(db);
      t.cleanup();
    };
    const at = migrations.findIndex((m) => m.version === 16);
    migrate(db, migrations.slice(0, at));
    // Stand-in for a vault migrated to 0014 by the code before eoir_checks was replicated: no triggers on it.
    for (const kind of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER xchg_eoir_checks_${kind}`);
    const NOW = `${TODAY}T10:00:00.000Z`;
    db.prepare(
      `INSERT INTO people(id, given_name, family_name, data, created_at, created_by, updated_at, updated_by) VALUES ('p1', 'Rosa', 'Quispe', '{}', ?, 'x', ?, 'x')`,
    ).run(NOW, NOW);
    const check = db.prepare(
      `INSERT INTO eoir_checks(id, person_id, a_number, checked_at, checked_by, channel) VALUES (?, 'p1', '012345678', ?, 'x', 'hotline')`,
    );
    check.run('k1', NOW);
    const logged = () =>
      (db.prepare(`SELECT row_id, op FROM changes WHERE entity = 'eoir_checks' ORDER BY seq`).all() as object[]).map((r) => ({ ...r }));
    expect(logged()).toEqual([]);
    const before = (db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
    migrate(db, migrations.slice(0, at + 1));
    expect(logged()).toEqual([{ row_id: 'k1', op: 'insert' }]);
    // Only the check was baselined: every other row's insert was already in the log.
    expect((db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n).toBe(before + 1);
    check.run('k2', NOW);
    db.prepare(`UPDATE eoir_checks SET applied_at = ? WHERE id = 'k2'`).run(NOW);
    expect(logged()).toEqual([
      { row_id: 'k1', op: 'insert' },
      { row_id: 'k2', op: 'insert' },
      { row_id: 'k2', op: 'update' },
    ]);
  });
});

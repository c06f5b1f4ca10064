import { describe, it, expect } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { appendEntry, verifyChain } from '../../../electron/core/audit/chain';
import { listAudit } from '../../../electron/core/audit/service';
import { indexesOf, migrationsUpTo, useVaultAt } from '../../helpers/vault-at';

const at = useVaultAt();

const indexes = (d: ReturnType<typeof at>) => indexesOf(d, 'audit_log');

const entry = (i: number) => ({
  id: `a${i}`,
  at: `2026-01-0${i + 1}T00:00:00Z`,
  actor: i % 2 ? 'ana' : 'bo',
  action: 'person.create',
  entity: 'person',
  entityId: `p${i}`,
  detail: i === 2 ? JSON.stringify({ fields: ['person.phone'] }) : null,
});

describe('migration 0017-audit-seq-key', () => {
  it('makes seq the table key and keeps every entry, so the chain verifies and still catches an edit', () => {
    const d = at(16);
    for (let i = 0; i < 5; i++) appendEntry(d, entry(i));
    const before = d
      .prepare('SELECT seq, id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY seq')
      .all();
    expect(indexes(d)).toEqual(expect.arrayContaining(['audit_log_actor', 'audit_log_seq']));

    migrate(d, migrationsUpTo(17));

    expect(schemaVersion(d)).toBe(17);
    // Two b-trees per entry instead of four: the table (keyed by seq) and the actor index.
    expect(indexes(d)).toEqual(['audit_log_actor']);
    const pk = d.prepare(`SELECT name FROM pragma_table_info('audit_log') WHERE pk = 1`).pluck().all();
    expect(pk).toEqual(['seq']);
    expect(
      d.prepare('SELECT seq, id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY seq').all(),
    ).toEqual(before);
    const head = before[4] as { hash: string };
    expect(verifyChain(d, { seq: 5, hash: head.hash })).toEqual({ ok: true, entries: 5 });
    expect(listAudit(d, { personId: 'p3', limit: 10, offset: 0 }).rows.map((r) => r.seq)).toEqual([4]);
    expect(listAudit(d, { actor: 'ana', limit: 10, offset: 0 }).total).toBe(2);
    expect(listAudit(d, { limit: 10, offset: 0 }).total).toBe(5);

    // New entries continue the chain.
    appendEntry(d, entry(5));
    expect(verifyChain(d, null)).toEqual({ ok: true, entries: 6 });

    d.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 3`).run();
    expect(verifyChain(d, null)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash' } });
  });

  it('keeps a row that was outside the chain, after its end, where verify reports it', () => {
    const d = at(16);
    for (let i = 0; i < 3; i++) appendEntry(d, entry(i));
    d.prepare(`INSERT INTO audit_log(id, at, actor, action) VALUES ('forged', '2020-01-01', 'x', 'person.create')`).run();
    expect(d.prepare(`SELECT seq FROM audit_log WHERE id = 'forged'`).get()).toEqual({ seq: null });

    migrate(d, migrationsUpTo(17));

    expect(d.prepare('SELECT seq, id FROM audit_log ORDER BY seq').all()).toEqual([
      { seq: 1, id: 'a0' },
      { seq: 2, id: 'a1' },
      { seq: 3, id: 'a2' },
      { seq: 4, id: 'forged' },
    ]);
    expect(verifyChain(d, null)).toMatchObject({ ok: false, firstBroken: { seq: 4, id: 'forged', reason: 'link' } });
  });
});

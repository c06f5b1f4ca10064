import { describe, it, expect } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { appendEntry, verifyChain } from '../../../electron/core/audit/chain';
import { listAudit } from '../../../electron/core/audit/service';
import { indexesOf, migrationsUpTo, useVaultAt } from '../../helpers/vault-at';

const at = useVaultAt();

const indexes = (d: ReturnType<typeof at>) => indexesOf(d, 'audit_log');

describe('migration 0015-audit-indexes', () => {
  it('drops the unused entity index, keeping every entry and a chain that verifies and still catches an edit', () => {
    const d = at(14);
    for (let i = 0; i < 5; i++) {
      appendEntry(d, {
        id: `a${i}`,
        at: `2026-01-0${i + 1}T00:00:00Z`,
        actor: i % 2 ? 'ana' : 'bo',
        action: 'person.create',
        entity: 'person',
        entityId: `p${i}`,
        detail: null,
      });
    }
    const before = d.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    expect(indexes(d)).toContain('audit_log_entity');
    expect(verifyChain(d, null)).toEqual({ ok: true, entries: 5 });

    migrate(d, migrationsUpTo(15));

    expect(schemaVersion(d)).toBe(15);
    expect(indexes(d)).not.toContain('audit_log_entity');
    expect(indexes(d)).toEqual(expect.arrayContaining(['audit_log_actor', 'audit_log_seq']));
    expect(d.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
    expect(verifyChain(d, { seq: 5, hash: (before[4] as { hash: string }).hash })).toEqual({ ok: true, entries: 5 });
    // The queries the index was meant for still answer.
    expect(listAudit(d, { personId: 'p3', limit: 10, offset: 0 }).rows.map((r) => r.seq)).toEqual([4]);
    expect(listAudit(d, { actor: 'ana', limit: 10, offset: 0 }).total).toBe(2);

    d.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 3`).run();
    expect(verifyChain(d, null)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash' } });
  });
});

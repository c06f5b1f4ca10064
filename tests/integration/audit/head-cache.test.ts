/**
 * The chain head is cached per connection (audit/chain.ts). These prove the
 * cache never hands out a head that is not the committed one: after another
 * connection appends (data_version moves), and after a transaction holding
 * an appended entry rolls back.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app';
import { appendEntry, chainHead } from '../../../electron/core/audit/chain';
import { newId } from '../../../electron/core/context';
import { PASS, TEST_KDF, tempDir } from '../../helpers/env';

let dbPath: string;
let cores: Core[] = [];
let cleanup: () => void;
const person = (given: string) => ({ intake: { givenName: given, familyName: 'Prueba', dob: '1990-01-01', detained: false } });
const entry = () => ({
  id: newId(),
  at: new Date().toISOString(),
  actor: 'lead1',
  action: 'test',
  entity: null,
  entityId: null,
  detail: null,
});

beforeEach(async () => {
  const t = tempDir();
  dbPath = join(t.dir, 'amparo.db');
  const first = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false });
  await first.call('vault.create', { passphrase: PASS, userName: 'lead1' });
  cores = [first];
  cleanup = () => {
    for (const c of cores) c.close();
    t.cleanup();
  };
});
afterEach(() => cleanup());

describe('audit chain head cache', () => {
  it('follows appends made by another connection to the same vault', async () => {
    const a = cores[0]!;
    const b = createCore({ dbPath, kdfCost: TEST_KDF, autoBackup: false });
    cores.push(b);
    await b.call('vault.unlock', { passphrase: PASS });
    for (const [i, core] of [a, b, a, a, b, a].entries()) {
      await core.call('intake.createQuick', person(`P${i}`));
      // The other connection's head must be the one just committed, not what it last cached.
      const other = core === a ? b : a;
      expect(chainHead(other.vault.db)).toEqual(chainHead(core.vault.db));
    }
    expect(await a.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('forgets an entry whose transaction rolled back', async () => {
    const db = cores[0]!.vault.db;
    appendEntry(db, entry());
    const before = chainHead(db);
    expect(() =>
      db.transaction(() => {
        appendEntry(db, entry());
        expect(chainHead(db)?.seq).toBe(before!.seq + 1);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(chainHead(db)).toEqual(before);
    const next = appendEntry(db, entry());
    expect(next.seq).toBe(before!.seq + 1);
    expect(await cores[0]!.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});

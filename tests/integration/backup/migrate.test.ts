/**
 * A backup made by an older Amparo (schema version 5, before the reports and
 * exchange migrations) is migrated by restore: the restored vault is at the
 * current schema, its rows are there, and the backup file is left as it was.
 * The old vault is built in the test: a database created with the first five
 * migrations only, under the key and vault id of a real vault's key file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createCore } from '../../../electron/core/app';
import { openEncrypted } from '../../../electron/core/db/connection';
import { LATEST_VERSION, migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { openSlot, parseKeyslots } from '../../../electron/core/vault/keyslots';
import { secretBytes } from '../../../electron/core/vault/crypto';
import { writeBackup } from '../../../electron/core/backup/write';
import { restoreBackup } from '../../../electron/core/backup/restore';
import { verifyBackup } from '../../../electron/core/backup/verify';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { createClient } from '../forms-service/helpers';
import { backupFolder } from './helpers';

const OLD = 5;
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe('restoring a backup of an older schema', () => {
  it('migrates it to the current schema in the restored vault, keeping its rows', async () => {
    expect(LATEST_VERSION).toBeGreaterThan(OLD);
    const env = await freshCore();
    cleanups.push(env.cleanup);
    const keyslotsPath = env.core.vault.keyslotsPath;
    // A person's record as the intake writes it, to carry into the old vault.
    await createClient(env.core, { given: 'Wilmer', family: 'Chuc-Ixcoy', aNumber: '213004455', dob: '1990-02-11' });
    const person = env.core.vault.db.prepare(`SELECT id, data FROM people`).get() as { id: string; data: string };
    env.core.close();
    const keyslots = parseKeyslots(readFileSync(keyslotsPath, 'utf8'));
    const key = await openSlot(keyslots, 'passphrase', secretBytes(PASS));

    // The vault as an Amparo of schema version 5 left it.
    const old = openEncrypted(join(env.dir, 'old.db'), key);
    cleanups.push(() => old.close());
    expect(
      migrate(
        old,
        migrations.filter((m) => m.version <= OLD),
      ),
    ).toEqual({ from: 0, to: OLD });
    old.prepare('INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)').run('vault_id', keyslots.vaultId, 'created_at', keyslots.createdAt);
    old
      .prepare(
        `INSERT INTO people(id, given_name, family_name, detained, data, version, created_at, created_by, updated_at, updated_by)
         VALUES (?, 'Wilmer', 'Chuc-Ixcoy', 0, ?, 1, '2025-01-01T00:00:00Z', 'lead', '2025-01-01T00:00:00Z', 'lead')`,
      )
      .run(person.id, person.data);
    const written = await writeBackup({ db: old, keyslotsPath, dir: backupFolder(env.dir) });
    expect(written.header.schemaVersion).toBe(OLD);
    const bytes = createHash('sha256').update(readFileSync(written.file)).digest('hex');

    const restored = await restoreBackup(written.file, { passphrase: PASS }, join(env.dir, 'restored'));
    expect({ from: restored.from, to: restored.to }).toEqual({ from: OLD, to: LATEST_VERSION });
    // The backup itself is never migrated: it still verifies as the version-5 backup it was.
    expect(createHash('sha256').update(readFileSync(written.file)).digest('hex')).toBe(bytes);
    expect((await verifyBackup(written.file, { passphrase: PASS })).report).toMatchObject({ ok: true, schemaVersion: OLD });

    const core = createCore({ dbPath: restored.dbPath, kdfCost: TEST_KDF, autoBackup: false });
    cleanups.push(() => core.close());
    await core.call('vault.unlock', { passphrase: PASS });
    const db = core.vault.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A column a later migration added exists now, and the old row is there with it.
    expect(db.prepare(`SELECT given_name, family_name, training_id FROM people WHERE id = ?`).get(person.id)).toEqual({
      given_name: 'Wilmer',
      family_name: 'Chuc-Ixcoy',
      training_id: null,
    });
    // Found through the search index a later migration built from the old rows.
    expect((await core.call('people.search', { query: 'Chuc' })).map((p) => p.id)).toEqual([person.id]);
  });
});

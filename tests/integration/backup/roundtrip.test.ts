/**
 * A seeded vault (people, cases, deadlines, drafts, form templates and fills)
 * is backed up through the app's job and restored into a new folder: every
 * table equals the source row by row. The backup's raw bytes hold none of the
 * stored names, and it cannot be opened in place, not even with the right key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '../../../electron/core/app';
import { openEncrypted } from '../../../electron/core/db/connection';
import { openSlot, readKeyslots } from '../../../electron/core/vault/keyslots';
import { restoreBackup } from '../../../electron/core/backup/restore';
import { verifyBackup } from '../../../electron/core/backup/verify';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { backupFolder, dumpTables, NAMES, seedVault } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function seededBackup() {
  const env = await freshCore({ today: '2026-11-26' });
  cleanups.push(env.cleanup);
  await seedVault(env.core);
  const folder = backupFolder(env.dir);
  await env.core.call('backup.setSettings', { folder, intervalHours: 24, keep: { daily: 7, weekly: 4, monthly: 12 } });
  const { jobId } = await env.core.call('backup.start', {});
  await expect.poll(async () => (await env.core.call('jobs.status', { jobId })).state).toBe('done');
  const r = await env.core.call('jobs.result', { jobId });
  if (r.kind !== 'backup.create') throw new Error(`unexpected result ${r.kind}`);
  return { env, folder, file: r.result.file };
}

describe('backup and restore', () => {
  it('restores every table equal to the source, row by row', async () => {
    const { env, file } = await seededBackup();
    const source = dumpTables(env.core.vault.db);
    for (const t of ['people', 'cases', 'deadlines', 'drafts', 'form_templates', 'form_fills', 'events']) {
      expect(source[t]!.length, t).toBeGreaterThan(0);
    }
    const restored = await restoreBackup(file, { passphrase: PASS }, join(env.dir, 'restored'));
    const core = createCore({ dbPath: restored.dbPath, kdfCost: TEST_KDF, autoBackup: false });
    cleanups.push(() => core.close());
    await core.call('vault.unlock', { passphrase: PASS });
    const after = dumpTables(core.vault.db);
    // The source has since recorded the backup itself (meta backup.last); everything else is as at backup time.
    const withoutBackupState = (d: Record<string, unknown[]>) => ({
      ...d,
      meta: d.meta!.filter((r) => !String(r).includes('backup.')),
    });
    expect(withoutBackupState(after)).toEqual(withoutBackupState(source));
    expect((await core.call('people.search', { query: NAMES[0]!.family })).length).toBe(1);
  });

  it('holds none of the stored names in its raw bytes, and is not a SQLite file', async () => {
    const { file } = await seededBackup();
    const raw = readFileSync(file);
    for (const n of NAMES) {
      for (const word of [n.given, n.family, n.aNumber]) {
        for (const form of [word, word.normalize('NFD'), word.toLowerCase()]) {
          expect(raw.includes(Buffer.from(form, 'utf8')), form).toBe(false);
          expect(raw.includes(Buffer.from(form, 'utf16le')), form).toBe(false);
        }
      }
    }
    expect(raw.includes(Buffer.from('Draftina'))).toBe(false);
    expect(raw.subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    // The control: the same search finds a name that is in the file (the header's table names).
    expect(raw.includes(Buffer.from('form_fills'))).toBe(true);
  });

  it('cannot be opened in place, even with the vault key', async () => {
    const { env, file } = await seededBackup();
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow();
    plain.close();
    const key = await openSlot(readKeyslots(env.core.vault.keyslotsPath), 'passphrase', Buffer.from(PASS));
    expect(() => openEncrypted(file, key)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
  });

  it('verifies with the passphrase and with the recovery code', async () => {
    const env = await freshCore();
    cleanups.push(env.cleanup);
    // freshCore does not hand out the recovery code: make a vault that does.
    const dir = backupFolder(env.dir, 'other');
    const core = createCore({ dbPath: join(dir, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cleanups.push(() => core.close());
    const { recoveryCode } = await core.call('vault.create', { passphrase: PASS });
    const folder = backupFolder(env.dir, 'stick');
    await core.call('backup.setSettings', { folder, intervalHours: 24, keep: { daily: 7, weekly: 4, monthly: 12 } });
    const { jobId } = await core.call('backup.start', {});
    await expect.poll(async () => (await core.call('jobs.status', { jobId })).state).toBe('done');
    const r = await core.call('jobs.result', { jobId });
    if (r.kind !== 'backup.create') throw new Error('unexpected result');
    expect((await verifyBackup(r.result.file, { passphrase: PASS })).report.ok).toBe(true);
    const byCode = await verifyBackup(r.result.file, { recoveryCode });
    expect(byCode.report.ok).toBe(true);
    expect(byCode.report.checks.map((c) => c.check)).toEqual([
      'structure',
      'header',
      'keyslots',
      'key',
      'payload',
      'integrity',
      'contents',
    ]);
  });
});

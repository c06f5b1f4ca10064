/**
 * The raw-copy snapshot is consistent while the vault keeps changing: in the
 * middle of the copy (from the backup's own progress report, so at a known
 * point, not by timing) another connection commits new rows and runs
 * checkpoints, which would copy those rows into the database file if they
 * could. The restored backup equals the vault as it was when the copy began,
 * row by row; the live vault has the new rows. A control shows the scenario
 * has teeth: the same writes during a copy taken without the read
 * transaction tear it. When the WAL cannot be emptied (another connection
 * holds an old read transaction), the snapshot falls back to VACUUM INTO and
 * is just as exact.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeSync, openSync, readSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../../electron/core/app';
import { openEncrypted, type DB } from '../../../electron/core/db/connection';
import { openSlot, parseKeyslots } from '../../../electron/core/vault/keyslots';
import { secretBytes } from '../../../electron/core/vault/crypto';
import { writeBackup } from '../../../electron/core/backup/write';
import { restoreBackup } from '../../../electron/core/backup/restore';
import { Job } from '../../../electron/core/jobs/job';
import { freshCore, PASS, TEST_KDF } from '../../helpers/env';
import { backupFolder, dumpTables } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

const PEOPLE = 300;
const CHUNK = 64 * 1024;

async function vaultWithPeople() {
  const env = await freshCore();
  cleanups.push(env.cleanup);
  const db = env.core.vault.db;
  const ins = db.prepare(
    `INSERT INTO people(id, given_name, family_name, detained, data, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 0, ?, 1, 'now', 't', 'now', 't')`,
  );
  db.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) ins.run(`p-${i}`, `Given${i}`, `Family${i}`, JSON.stringify({ notes: 'x'.repeat(3000) }));
  })();
  const key = await openSlot(parseKeyslots(readFileSync(env.core.vault.keyslotsPath, 'utf8')), 'passphrase', secretBytes(PASS));
  // A second connection to the same vault, as another process (the CLI) would have.
  const other = openEncrypted(env.dbPath, key);
  cleanups.push(() => other.close());
  return { env, db, other };
}

/** Commits changes on `other` touching pages all over the file, then tries every kind of checkpoint. */
function changeAndCheckpoint(other: DB, round: number): void {
  other.transaction(() => {
    other
      .prepare(`UPDATE people SET data = ?, version = version + 1 WHERE rowid % 7 = ?`)
      .run(JSON.stringify({ notes: `r${round}` }), round % 7);
    other.prepare(`DELETE FROM people WHERE id = ?`).run(`p-${round * 11}`);
  })();
  for (const mode of ['PASSIVE', 'FULL', 'RESTART', 'TRUNCATE']) other.pragma(`wal_checkpoint(${mode})`);
}

const withoutBackupState = (d: Record<string, unknown[]>) => ({ ...d, meta: d.meta!.filter((r) => !String(r).includes('backup.')) });

async function restoredTables(file: string, into: string): Promise<Record<string, unknown[]>> {
  const restored = await restoreBackup(file, { passphrase: PASS }, into);
  const core = createCore({ dbPath: restored.dbPath, kdfCost: TEST_KDF, autoBackup: false });
  cleanups.push(() => core.close());
  await core.call('vault.unlock', { passphrase: PASS });
  expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  return dumpTables(core.vault.db);
}

describe('the backup snapshot while the vault keeps changing', () => {
  it('equals the vault as it was when the copy began, though rows change and checkpoints run mid-copy', async () => {
    const { env, db, other } = await vaultWithPeople();
    const before = dumpTables(db);
    let reports = 0;
    let changed = 0;
    const job = new Job({
      onProgress: (p) => {
        // Three points inside the copy, each with new commits and every checkpoint mode.
        if (p.phase === 'snapshot' && p.done > 0 && p.done < p.total && ++reports % 3 === 1 && changed < 3) {
          changeAndCheckpoint(other, ++changed);
        }
      },
    });
    const written = await writeBackup({ db, keyslotsPath: env.core.vault.keyslotsPath, dir: backupFolder(env.dir), job, chunk: CHUNK });
    expect(written.method).toBe('copy');
    expect(changed).toBe(3);
    const live = dumpTables(db);
    expect(live.people).not.toEqual(before.people);
    expect(written.header.tables.people).toBe(PEOPLE);
    expect(withoutBackupState(await restoredTables(written.file, join(env.dir, 'restored')))).toEqual(withoutBackupState(before));
  });

  it('(control) the same changes during a copy without the read transaction tear it', async () => {
    const { env, db, other } = await vaultWithPeople();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dumpTables(db);
    // The file copied the naive way, with the same commits and checkpoints at the same points.
    const src = openSync(env.dbPath, 'r');
    const chunks: Buffer[] = [];
    const size = readFileSync(env.dbPath).length;
    let changed = 0;
    for (let at = 0, n = 0; at < size; at += CHUNK, n++) {
      const b = Buffer.alloc(Math.min(CHUNK, size - at));
      readSync(src, b, 0, b.length, at);
      chunks.push(b);
      if (n % 3 === 1 && changed < 3) changeAndCheckpoint(other, ++changed);
    }
    closeSync(src);
    const copy = join(env.dir, 'naive.db');
    writeFileSync(copy, Buffer.concat(chunks));
    const key = await openSlot(parseKeyslots(readFileSync(env.core.vault.keyslotsPath, 'utf8')), 'passphrase', secretBytes(PASS));
    let torn: boolean;
    try {
      const c = openEncrypted(copy, key);
      try {
        torn = c.pragma('integrity_check', { simple: true }) !== 'ok' || JSON.stringify(dumpTables(c)) !== JSON.stringify(before);
      } finally {
        c.close();
      }
    } catch {
      torn = true; // Not even openable.
    }
    expect(torn).toBe(true);
  });

  it('falls back to VACUUM INTO when another connection keeps the WAL from being emptied, just as exact', async () => {
    const { env, db, other } = await vaultWithPeople();
    changeAndCheckpoint(db, 1);
    db.prepare(`UPDATE people SET given_name = 'Late' WHERE id = 'p-1'`).run(); // In the WAL, not yet in the file.
    other.exec('BEGIN');
    other.prepare('SELECT count(*) FROM people').get(); // An old reader: the WAL cannot be reset under it.
    const before = dumpTables(db);
    let written: Awaited<ReturnType<typeof writeBackup>>;
    try {
      written = await writeBackup({ db, keyslotsPath: env.core.vault.keyslotsPath, dir: backupFolder(env.dir) });
    } finally {
      other.exec('ROLLBACK');
    }
    expect(written.method).toBe('vacuum');
    const restored = await restoredTables(written.file, join(env.dir, 'restored'));
    expect(withoutBackupState(restored)).toEqual(withoutBackupState(before));
    expect(restored.people!.some((r) => String(r).includes('"Late"'))).toBe(true);
  });
});

/**
 * Damaged and wrong backups: each gets its own clear error, and a restore of
 * any of them leaves the target folder without a vault (nothing restored,
 * no staging copy left behind).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import { restoreBackup } from '../../../electron/core/backup/restore';
import { verifyBackup } from '../../../electron/core/backup/verify';
import { writeBackup } from '../../../electron/core/backup/write';
import { encodeTrailer, TRAILER_BYTES, type BackupHeader } from '../../../electron/core/backup/format';
import { createHash } from 'node:crypto';
import { freshCore, PASS, TEST_KDF, tempDir } from '../../helpers/env';
import { errorOf } from '../forms-service/helpers';
import { NAMES } from './helpers';
import { createClient } from '../forms-service/helpers';

let root: string;
let done: () => void;
let good: string;
let header: BackupHeader;
let otherVaultBackup: string;
let vaultDir: string;
let cores: Core[] = [];

async function backupOf(core: Core, dir: string): Promise<{ file: string; header: BackupHeader }> {
  return writeBackup({ db: core.vault.db, keyslotsPath: core.vault.keyslotsPath, dir });
}

beforeAll(async () => {
  ({ dir: root, cleanup: done } = tempDir('amparo-backup-damage-'));
  const a = await freshCore();
  cores.push(a.core);
  vaultDir = a.dir;
  await createClient(a.core, NAMES[0]!);
  mkdirSync(join(root, 'stick'));
  ({ file: good, header } = await backupOf(a.core, join(root, 'stick')));
  const b = await freshCore();
  cores.push(b.core);
  await createClient(b.core, NAMES[1]!);
  otherVaultBackup = (await backupOf(b.core, join(root, 'stick'))).file;
});
afterAll(() => {
  for (const c of cores) c.close();
  cores = [];
  done();
});

let n = 0;
/** A damaged copy of the good backup. */
function damagedCopy(change: (bytes: Buffer) => Buffer): string {
  const file = join(root, `damaged-${n++}.amparo-backup`);
  writeFileSync(file, change(Buffer.from(readFileSync(good))));
  return file;
}
const flip = (at: number) => (b: Buffer) => {
  b[at] = b[at]! ^ 0x10;
  return b;
};
/** Offsets of each part (see electron/core/backup/format.ts). */
const parts = () => {
  const size = readFileSync(good).length;
  const keyslotsAt = header.payload.length;
  const headerAt = keyslotsAt + header.keyslots.length;
  return { size, keyslotsAt, headerAt, headerLength: size - TRAILER_BYTES - headerAt };
};

/** Restoring it into a fresh folder fails with `code` and leaves no vault and no staging copy there. */
async function refusedRestore(file: string, code: string, access: { passphrase: string } = { passphrase: PASS }) {
  const target = join(root, `target-${n++}`);
  const err = await errorOf(restoreBackup(file, access, target));
  expect(err.code).toBe(code);
  expect(existsSync(join(target, 'amparo.db'))).toBe(false);
  expect(existsSync(join(target, 'amparo.db.keyslots'))).toBe(false);
  if (existsSync(target)) expect(readdirSync(target)).toEqual([]);
  return err;
}

describe('a damaged or wrong backup', () => {
  it('the good backup passes every check (the control)', async () => {
    const { report } = await verifyBackup(good, { passphrase: PASS });
    expect(report.ok).toBe(true);
  });

  it('truncated: "incomplete"', async () => {
    for (const keep of [0.5, 0.999]) {
      const file = damagedCopy((b) => b.subarray(0, Math.floor(b.length * keep)));
      const { report } = await verifyBackup(file, { passphrase: PASS });
      expect(report.failed?.part).toBe('truncated');
      expect(report.failed?.message).toMatch(/incomplete/);
      await refusedRestore(file, 'BACKUP_DAMAGED');
    }
  });

  it('a flipped bit in the header: "header is damaged"', async () => {
    const { headerAt, headerLength } = parts();
    const file = damagedCopy(flip(headerAt + Math.floor(headerLength / 2)));
    const { report } = await verifyBackup(file, { passphrase: PASS });
    expect(report.failed?.part).toBe('header');
    expect(report.checks).toEqual([
      { check: 'structure', ok: true },
      { check: 'header', ok: false },
    ]);
    const err = await refusedRestore(file, 'BACKUP_DAMAGED');
    expect(err.message).toMatch(/header/);
  });

  it('a flipped bit in the database part: "SHA-256 does not match"', async () => {
    const file = damagedCopy(flip(Math.floor(header.payload.length / 2)));
    const { report } = await verifyBackup(file, { passphrase: PASS });
    expect(report.failed?.part).toBe('payload');
    expect(report.failed?.message).toMatch(/SHA-256/);
    await refusedRestore(file, 'BACKUP_DAMAGED');
  });

  it('a flipped bit in the key file part: "key file inside the backup is damaged"', async () => {
    const { keyslotsAt } = parts();
    const file = damagedCopy(flip(keyslotsAt + Math.floor(header.keyslots.length / 2)));
    const { report } = await verifyBackup(file, { passphrase: PASS });
    expect(report.failed?.part).toBe('keyslots');
    expect(report.failed?.message).toMatch(/key file inside the backup/);
    await refusedRestore(file, 'BACKUP_DAMAGED');
  });

  it('not a backup at all (a vault database)', async () => {
    const file = join(root, 'plain.amparo-backup');
    copyFileSync(join(vaultDir, 'amparo.db'), file);
    const { report } = await verifyBackup(file, { passphrase: PASS });
    expect(report.failed?.part).toBe('not-a-backup');
    await refusedRestore(file, 'BACKUP_DAMAGED');
  });

  it('authentic pages whose index disagrees with its table: "fails its integrity check"', async () => {
    // Every page is validly encrypted and the SHA-256 matches: only integrity_check's index-vs-table pass can see this.
    const c = createCore({ dbPath: join(root, 'torn', 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cores.push(c);
    await c.call('vault.create', { passphrase: PASS });
    await createClient(c, NAMES[2]!);
    const db = c.vault.db;
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare(
      `UPDATE sqlite_schema SET sql = 'CREATE INDEX people_family ON people(given_name COLLATE NOCASE)' WHERE name = 'people_family'`,
    ).run();
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
    const { file } = await writeBackup({ db, keyslotsPath: c.vault.keyslotsPath, dir: join(root, 'stick'), verify: false });
    const { report } = await verifyBackup(file, { passphrase: PASS });
    expect(report.checks).toContainEqual({ check: 'payload', ok: true });
    expect(report.checks).toContainEqual({ check: 'integrity', ok: false });
    expect(report.failed?.part).toBe('integrity');
    expect(report.failed?.message).toMatch(/integrity check/);
    await refusedRestore(file, 'BACKUP_DAMAGED');
  });

  it('row counts that differ from the header: "does not match its header"', async () => {
    // A header rewritten with its checksum recomputed: the structure checks pass, the counts in the database do not.
    const bytes = readFileSync(good);
    const { keyslotsAt, headerAt } = parts();
    const forged = { ...header, tables: { ...header.tables, people: header.tables.people! + 1 } };
    const json = Buffer.from(JSON.stringify(forged));
    const file = join(root, `damaged-${n++}.amparo-backup`);
    const sha = createHash('sha256').update(json).digest();
    writeFileSync(
      file,
      Buffer.concat([bytes.subarray(0, keyslotsAt), bytes.subarray(keyslotsAt, headerAt), json, encodeTrailer(json, sha)]),
    );
    const { report } = await verifyBackup(file, { passphrase: PASS });
    expect(report.checks).toContainEqual({ check: 'integrity', ok: true });
    expect(report.checks).toContainEqual({ check: 'contents', ok: false });
    expect(report.failed?.part).toBe('contents');
    await refusedRestore(file, 'BACKUP_DAMAGED');
  });

  it('a wrong passphrase: WRONG_PASSPHRASE, not "damaged"', async () => {
    expect((await errorOf(verifyBackup(good, { passphrase: 'not the passphrase at all' }))).code).toBe('WRONG_PASSPHRASE');
    await refusedRestore(good, 'WRONG_PASSPHRASE', { passphrase: 'not the passphrase at all' });
  });

  it("another vault's backup: refused over this vault, and by this vault's own check", async () => {
    // Replacing vault A with B's backup is refused, and A stays as it was.
    const before = readFileSync(join(vaultDir, 'amparo.db.keyslots'));
    const err = await errorOf(restoreBackup(otherVaultBackup, { passphrase: PASS }, vaultDir, { replace: true }));
    expect(err.code).toBe('BACKUP_OTHER_VAULT');
    expect(readFileSync(join(vaultDir, 'amparo.db.keyslots')).equals(before)).toBe(true);
    expect(readdirSync(vaultDir).filter((f) => f.startsWith('amparo-set-aside') || f.startsWith('.amparo-restore'))).toEqual([]);
    const a = cores[0]!;
    const meta = a.vault.db.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).pluck().get() as string;
    expect((await errorOf(verifyBackup(otherVaultBackup, { vault: { db: a.vault.db, vaultId: meta } }))).code).toBe('BACKUP_OTHER_VAULT');
  });

  it('a newer schema is refused with DB_FROM_FUTURE before anything is written', async () => {
    const c = createCore({ dbPath: join(root, 'future', 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cores.push(c);
    await c.call('vault.create', { passphrase: PASS });
    c.vault.db.pragma('user_version = 999');
    const { file } = await backupOf(c, join(root, 'stick'));
    await refusedRestore(file, 'DB_FROM_FUTURE');
  });

  it('a vault in the target is kept unless replace is confirmed, and then set aside, not deleted', async () => {
    const target = join(root, 'replace-me');
    await restoreBackup(good, { passphrase: PASS }, target);
    expect((await errorOf(restoreBackup(good, { passphrase: PASS }, target))).code).toBe('VAULT_EXISTS');
    const r = await restoreBackup(good, { passphrase: PASS }, target, { replace: true });
    expect(r.setAside).not.toBeNull();
    expect(readdirSync(r.setAside!).sort()).toEqual(['amparo.db', 'amparo.db.keyslots']);
    const old = createCore({ dbPath: join(r.setAside!, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cores.push(old);
    await old.call('vault.unlock', { passphrase: PASS });
    expect((await old.call('people.list', {})).total).toBe(1);
  });

  it('a vault open in another connection is not replaced (VAULT_BUSY)', async () => {
    const target = join(root, 'busy');
    await restoreBackup(good, { passphrase: PASS }, target);
    const open = createCore({ dbPath: join(target, 'amparo.db'), kdfCost: TEST_KDF, autoBackup: false });
    cores.push(open);
    await open.call('vault.unlock', { passphrase: PASS });
    expect((await errorOf(restoreBackup(good, { passphrase: PASS }, target, { replace: true }))).code).toBe('VAULT_BUSY');
    expect((await open.call('people.list', {})).total).toBe(1);
  });
});

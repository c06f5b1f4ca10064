/**
 * The vault: one SQLCipher database plus its keyslots file beside it.
 * Nothing here imports Electron; the folder arrives as a plain argument.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { VaultStatus } from '../../../shared/contract';
import { closeDb, openEncrypted, sqliteFilesFor, storageError, type DB } from '../db/connection';
import { migrate, schemaVersion } from '../db/migrate';
import { DEFAULT_KDF, canonicalRecoveryCode, formatRecoveryCode, newKdfParams, newRecoveryCode, secretBytes } from './crypto';
import {
  makeSlot,
  newVaultId,
  openSlot,
  readKeyslots,
  removeStaleKeyslotsTemps,
  sealKeyslots,
  writeKeyslots,
  KEYSLOTS_FORMAT,
  KEYSLOTS_VERSION,
  type KeyslotsFile,
} from './keyslots';

export interface VaultOptions {
  dbPath: string;
  /** Argon2id cost; tests lower it, production uses DEFAULT_KDF. */
  kdfCost?: { m: number; t: number; p: number };
}

export const keyslotsPathFor = (dbPath: string) => `${dbPath}.keyslots`;

/** Runs `use` with the secret as a Buffer (see secretBytes), zeroed afterwards whatever happens. */
async function withSecret<T>(secret: string, use: (bytes: Buffer) => Promise<T>): Promise<T> {
  const bytes = secretBytes(secret);
  try {
    return await use(bytes);
  } finally {
    bytes.fill(0);
  }
}

function asStorageError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw storageError(e) ?? e;
  }
}

export class Vault {
  readonly dbPath: string;
  readonly keyslotsPath: string;
  private readonly kdfCost: { m: number; t: number; p: number };
  private conn: DB | null = null;

  constructor(opts: VaultOptions) {
    this.dbPath = opts.dbPath;
    this.keyslotsPath = keyslotsPathFor(opts.dbPath);
    this.kdfCost = opts.kdfCost ?? DEFAULT_KDF;
  }

  /** A database that has been written to exists; a 0-byte file is a setup that never finished. */
  exists(): boolean {
    return existsSync(this.dbPath) && statSync(this.dbPath).size > 0;
  }

  get unlocked(): boolean {
    return this.conn !== null;
  }

  status(): VaultStatus {
    const s: VaultStatus = { exists: this.exists(), unlocked: this.unlocked, location: dirname(this.dbPath) };
    if (this.conn) s.schemaVersion = schemaVersion(this.conn);
    return s;
  }

  /** The open database, or VAULT_LOCKED. */
  get db(): DB {
    if (!this.conn) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
    return this.conn;
  }

  async create(passphrase: string): Promise<{ recoveryCode: string }> {
    if (this.exists()) throw new AppError('VAULT_EXISTS', 'A vault already exists here.');
    this.lock();
    asStorageError(() => mkdirSync(dirname(this.dbPath), { recursive: true, mode: 0o700 }));
    removeStaleKeyslotsTemps(this.keyslotsPath);
    // A key file without a database may belong to a database about to be
    // restored from backup: set it aside, never overwrite it.
    const aside = existsSync(this.keyslotsPath) ? `${this.keyslotsPath}.replaced-${Date.now()}` : null;
    if (aside) renameSync(this.keyslotsPath, aside);
    const masterKey = randomBytes(32);
    const vaultId = newVaultId();
    const recoveryCode = newRecoveryCode();
    const pass = secretBytes(passphrase);
    const code = secretBytes(recoveryCode);
    let stage: 'slots' | 'keyslots-written' | 'db-created' = 'slots';
    try {
      const slots = [
        await makeSlot('passphrase', pass, masterKey, vaultId, newKdfParams(this.kdfCost)),
        await makeSlot('recovery', code, masterKey, vaultId, newKdfParams(this.kdfCost)),
      ];
      const createdAt = new Date().toISOString();
      // Keyslots first: a crash before the database is written leaves a 0-byte
      // or missing database, which counts as "no vault" and can be created again.
      writeKeyslots(
        this.keyslotsPath,
        sealKeyslots({ format: KEYSLOTS_FORMAT, version: KEYSLOTS_VERSION, vaultId, createdAt, slots }, masterKey),
      );
      stage = 'keyslots-written';
      const db = openEncrypted(this.dbPath, masterKey);
      stage = 'db-created';
      try {
        migrate(db);
        db.prepare('INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)').run('vault_id', vaultId, 'created_at', createdAt);
      } catch (e) {
        closeDb(db);
        throw e;
      }
      this.conn = db;
    } catch (e) {
      // A failed setup (a full disk, most often) leaves the folder as it was.
      this.discardUnfinishedCreate(stage, aside);
      throw storageError(e, this.dbPath) ?? e;
    } finally {
      masterKey.fill(0);
      pass.fill(0);
      code.fill(0);
    }
    return { recoveryCode: formatRecoveryCode(recoveryCode) };
  }

  async unlock(passphrase: string): Promise<void> {
    const file = this.readExistingKeyslots();
    const key = await withSecret(passphrase, (pass) => openSlot(file, 'passphrase', pass));
    this.openWithKey(file, key);
  }

  /** Opens with the printed recovery code and sets a new passphrase at once. */
  async unlockWithRecovery(recoveryCode: string, newPassphrase: string): Promise<void> {
    const file = this.readExistingKeyslots();
    const key = await withSecret(canonicalRecoveryCode(recoveryCode), (code) => openSlot(file, 'recovery', code));
    try {
      this.openWithKey(file, Buffer.from(key));
      await this.replacePassphraseSlot(file, key, newPassphrase);
    } finally {
      key.fill(0);
    }
  }

  /** Rewraps the passphrase slot; the database itself is never rewritten. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const file = this.readExistingKeyslots();
    const key = await withSecret(current, (pass) => openSlot(file, 'passphrase', pass));
    try {
      await this.replacePassphraseSlot(file, key, next);
    } finally {
      key.fill(0);
    }
  }

  lock(): void {
    if (this.conn) {
      const db = this.conn;
      this.conn = null;
      closeDb(db);
    }
  }

  private readExistingKeyslots(): KeyslotsFile {
    if (!this.exists()) {
      if (existsSync(this.keyslotsPath)) {
        throw new AppError(
          'VAULT_NOT_FOUND',
          'The key file is here but the database file is missing or empty. Restore it from your backup.',
        );
      }
      throw new AppError('VAULT_NOT_FOUND', 'There is no vault here yet.');
    }
    removeStaleKeyslotsTemps(this.keyslotsPath);
    return readKeyslots(this.keyslotsPath);
  }

  /** Removes only what this create made, and puts a set-aside key file back. */
  private discardUnfinishedCreate(stage: 'slots' | 'keyslots-written' | 'db-created', aside: string | null): void {
    if (stage === 'db-created') for (const f of sqliteFilesFor(this.dbPath)) rmSync(f, { force: true });
    if (stage !== 'slots') rmSync(this.keyslotsPath, { force: true });
    if (aside) renameSync(aside, this.keyslotsPath);
  }

  private openWithKey(file: KeyslotsFile, key: Buffer): void {
    this.lock();
    try {
      const db = openEncrypted(this.dbPath, key);
      try {
        const row = db.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).get() as { value: string } | undefined;
        if (row && row.value !== file.vaultId) {
          throw new AppError('DB_CORRUPT', 'This key file belongs to a different vault than the database beside it.');
        }
        migrate(db);
      } catch (e) {
        db.close();
        throw e instanceof AppError ? e : (storageError(e, this.dbPath) ?? new AppError('DB_CORRUPT', 'The database could not be read.'));
      }
      this.conn = db;
    } finally {
      key.fill(0);
    }
  }

  private async replacePassphraseSlot(file: KeyslotsFile, key: Buffer, passphrase: string): Promise<void> {
    const slot = await withSecret(passphrase, (pass) => makeSlot('passphrase', pass, key, file.vaultId, newKdfParams(this.kdfCost)));
    const slots = [slot, ...file.slots.filter((s) => s.kind !== 'passphrase')];
    const { checksum: _c, mac: _m, ...body } = file;
    writeKeyslots(this.keyslotsPath, sealKeyslots({ ...body, slots }, key));
  }
}

/**
 * The vault: one SQLCipher database plus its keyslots file beside it.
 * Nothing here imports Electron; the folder arrives as a plain argument.
 *
 * Since issue 10 each user has a slot (see keyslots.ts). Who is unlocked lives
 * only in this object: `vault.lock` through the host ends the process, so a
 * session never outlives a lock. What must survive (the clock record, the
 * audit head) is in the keyslots file's MAC-protected body.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { VaultStatus } from '../../../shared/contract';
import type { Role } from '../../../shared/users';
import { closeDb, openEncrypted, rekeyEncrypted, sqliteFilesFor, storageError, type DB } from '../db/connection';
import { migrate, schemaVersion } from '../db/migrate';
import { DEFAULT_KDF, canonicalRecoveryCode, formatRecoveryCode, newKdfParams, newRecoveryCode, secretBytes } from './crypto';
import {
  assertMac,
  bodyOf,
  isKeySlot,
  makeKeySlot,
  newVaultId,
  openSlots,
  readKeyslots,
  removeStaleKeyslotsTemps,
  sealFor,
  sealKeyslots,
  userSlots,
  writeKeyslots,
  KEYSLOTS_FORMAT,
  KEYSLOTS_VERSION,
  type Body,
  type KeySlot,
  type KeyslotsFile,
  type KeyslotsState,
  type Opened,
  type Slot,
  type SlotUser,
} from './keyslots';
import { countFailure, clearFailures, assertMayTry } from './unlock-state';

export interface VaultOptions {
  dbPath: string;
  /** Argon2id cost; tests lower it, production uses DEFAULT_KDF. */
  kdfCost?: { m: number; t: number; p: number };
  /** The wall clock; tests move it. */
  clock?: () => Date;
  /** For the rekey crash test only: called between the steps of a rekey. */
  onRekeyStep?: (step: 'journal-written' | 'db-rekeyed') => void;
}

export type SessionUser = SlotUser;
export type { SlotUser };

/** How far behind the last-seen time the clock may be (a laptop resyncing with NTP) before an expiring account is refused. */
const CLOCK_SLACK_MS = 5 * 60_000;

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

const wrongPassphrase = () => new AppError('WRONG_PASSPHRASE', 'That passphrase does not open this vault.');

export class Vault {
  readonly dbPath: string;
  readonly keyslotsPath: string;
  private readonly kdfCost: { m: number; t: number; p: number };
  private readonly clock: () => Date;
  private readonly onRekeyStep: VaultOptions['onRekeyStep'];
  private conn: DB | null = null;
  /** The master key while unlocked (zeroed at lock): it reseals the key file and seals it to new users. */
  private masterKey: Buffer | null = null;
  private sessionUser: SessionUser | null = null;

  constructor(opts: VaultOptions) {
    this.dbPath = opts.dbPath;
    this.keyslotsPath = keyslotsPathFor(opts.dbPath);
    this.kdfCost = opts.kdfCost ?? DEFAULT_KDF;
    this.clock = opts.clock ?? (() => new Date());
    this.onRekeyStep = opts.onRekeyStep;
  }

  /** A database that has been written to exists; a 0-byte file is a setup that never finished. */
  exists(): boolean {
    return existsSync(this.dbPath) && statSync(this.dbPath).size > 0;
  }

  get unlocked(): boolean {
    return this.conn !== null;
  }

  /** The unlocked user, or VAULT_LOCKED. */
  get user(): SessionUser {
    if (!this.conn || !this.sessionUser) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
    return this.sessionUser;
  }

  status(): VaultStatus {
    const s: VaultStatus = { exists: this.exists(), unlocked: this.unlocked, location: dirname(this.dbPath) };
    if (this.conn) s.schemaVersion = schemaVersion(this.conn);
    if (this.conn && this.sessionUser)
      s.user = { name: this.sessionUser.name, displayName: this.sessionUser.displayName, role: this.sessionUser.role };
    if (s.exists && !s.unlocked) {
      try {
        s.multiUser = userSlots(readKeyslots(this.keyslotsPath)).length > 1;
      } catch {
        // A missing or damaged key file: the unlock itself says which (KEYSLOTS_MISSING, KEYSLOTS_CORRUPT).
      }
    }
    return s;
  }

  /** The open database, or VAULT_LOCKED. */
  get db(): DB {
    if (!this.conn) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
    return this.conn;
  }

  private nowIso(): string {
    return this.clock().toISOString();
  }

  async create(
    passphrase: string,
    first: { userName: string; displayName?: string } = { userName: 'lead' },
  ): Promise<{ recoveryCode: string }> {
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
    const createdAt = this.nowIso();
    const lead: SlotUser = {
      name: first.userName,
      displayName: first.displayName ?? first.userName,
      role: 'lead',
      expiresAt: null,
      createdAt,
    };
    let stage: 'slots' | 'keyslots-written' | 'db-created' = 'slots';
    try {
      const slots = [
        await makeKeySlot('user', pass, masterKey, vaultId, newKdfParams(this.kdfCost), lead),
        await makeKeySlot('recovery', code, masterKey, vaultId, newKdfParams(this.kdfCost)),
      ];
      // Keyslots first: a crash before the database is written leaves a 0-byte
      // or missing database, which counts as "no vault" and can be created again.
      const body: Body = {
        format: KEYSLOTS_FORMAT,
        version: KEYSLOTS_VERSION,
        vaultId,
        createdAt,
        slots,
        state: { lastSeen: createdAt, auditHead: null },
      };
      writeKeyslots(this.keyslotsPath, sealKeyslots(body, masterKey));
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
      this.masterKey = Buffer.from(masterKey);
      this.sessionUser = lead;
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

  /**
   * Opens the vault as `userName` (may be left out when the vault has one user).
   * A version-1 key file opens with its passphrase and becomes a vault whose
   * only user is a lead named `userName` or `fallbackName`; the database is not rewritten.
   */
  async unlock(passphrase: string, userName?: string, fallbackName = 'lead'): Promise<SessionUser> {
    const file = this.readExistingKeyslots();
    const legacy = file.slots.filter((s) => s.kind === 'passphrase');
    const users = userSlots(file);
    if (users.length === 0 && legacy.length > 0) return this.unlockLegacy(file, userName ?? fallbackName, passphrase);
    const name = userName ?? (users.length === 1 ? users[0]!.user.name : null);
    if (name === null)
      throw new AppError('INVALID_INPUT', 'Type your user name.', { issues: [{ path: ['userName'], message: 'user.nameRequired' }] });
    const slot = users.find((s) => s.user.name === name);
    assertMayTry(this.keyslotsPath, name, this.clock());
    const opened = slot ? await withSecret(passphrase, (pass) => openSlots(file, [slot], pass)) : null;
    if (!opened) {
      countFailure(this.keyslotsPath, name, this.clock());
      throw wrongPassphrase();
    }
    clearFailures(this.keyslotsPath, name);
    try {
      this.assertNotExpired(file, slot!.user);
      this.openWithKey(file, opened);
    } finally {
      opened.key.fill(0);
      opened.next?.fill(0);
    }
    this.sessionUser = slot!.user;
    this.touch();
    return slot!.user;
  }

  private async unlockLegacy(file: KeyslotsFile, name: string, passphrase: string): Promise<SessionUser> {
    assertMayTry(this.keyslotsPath, name, this.clock());
    const legacy = file.slots.filter((s) => s.kind === 'passphrase');
    const pass = secretBytes(passphrase);
    try {
      const opened = await openSlots(file, legacy, pass);
      if (!opened) {
        countFailure(this.keyslotsPath, name, this.clock());
        throw wrongPassphrase();
      }
      clearFailures(this.keyslotsPath, name);
      try {
        this.openWithKey(file, opened);
        const lead: SlotUser = { name, displayName: name, role: 'lead', expiresAt: null, createdAt: this.nowIso() };
        const slot = await makeKeySlot('user', pass, opened.key, file.vaultId, newKdfParams(this.kdfCost), lead);
        // The old passphrase slot goes: the same passphrase now opens the lead's slot. The recovery slot stays as it was.
        const slots: Slot[] = [slot, ...file.slots.filter((s) => s.kind !== 'passphrase')];
        const body: Body = { ...bodyOf(file), version: KEYSLOTS_VERSION, slots, state: { lastSeen: this.nowIso(), auditHead: null } };
        writeKeyslots(this.keyslotsPath, sealKeyslots(body, opened.key));
        this.sessionUser = lead;
        return lead;
      } catch (e) {
        this.lock();
        throw e;
      } finally {
        opened.key.fill(0);
      }
    } finally {
      pass.fill(0);
    }
  }

  /** Opens with the printed recovery code (leads only) and sets that lead's new passphrase at once. */
  async unlockWithRecovery(recoveryCode: string, newPassphrase: string, userName?: string): Promise<SessionUser> {
    const file = this.readExistingKeyslots();
    const opened = await withSecret(canonicalRecoveryCode(recoveryCode), (code) =>
      openSlots(
        file,
        file.slots.filter((s) => s.kind === 'recovery'),
        code,
      ),
    );
    if (!opened) throw new AppError('WRONG_RECOVERY_CODE', 'That recovery code does not open this vault.');
    try {
      const leads = userSlots(file).filter((s) => s.user.role === 'lead');
      const name = userName ?? (leads.length === 1 ? leads[0]!.user.name : null);
      const lead = leads.find((s) => s.user.name === name);
      // A v1 file has no users yet: the recovery code makes its first lead.
      const user: SlotUser | undefined =
        lead?.user ??
        (userSlots(file).length === 0 && name
          ? { name, displayName: name, role: 'lead', expiresAt: null, createdAt: this.nowIso() }
          : undefined);
      if (!user) throw new AppError('FORBIDDEN', 'The recovery code sets a new passphrase for a lead only.');
      this.openWithKey(file, opened);
      await this.replaceUserSlot(user, newPassphrase);
      this.sessionUser = user;
      this.touch();
      return user;
    } catch (e) {
      this.lock();
      throw e;
    } finally {
      opened.key.fill(0);
      opened.next?.fill(0);
    }
  }

  /** A user changes their own passphrase (the current one proves it); the database is never rewritten. */
  async changePassphrase(current: string, next: string, userName?: string, fallbackName = 'lead'): Promise<void> {
    const file = this.readExistingKeyslots();
    const users = userSlots(file);
    const name =
      userName ?? this.sessionUser?.name ?? (users.length === 1 ? users[0]!.user.name : users.length === 0 ? fallbackName : null);
    if (name === null)
      throw new AppError('INVALID_INPUT', 'Type your user name.', { issues: [{ path: ['userName'], message: 'user.nameRequired' }] });
    const slot = users.find((s) => s.user.name === name);
    const candidates: Slot[] = slot ? [slot] : users.length === 0 ? file.slots.filter((s) => s.kind === 'passphrase') : [];
    const opened = await withSecret(current, (pass) => openSlots(file, candidates, pass));
    if (!opened) throw wrongPassphrase();
    try {
      const user = slot?.user ?? { name, displayName: name, role: 'lead' as Role, expiresAt: null, createdAt: this.nowIso() };
      await this.writeUserSlot(file, opened.key, user, next);
    } finally {
      opened.key.fill(0);
      opened.next?.fill(0);
    }
  }

  // ---- Users (the session's role is checked by the core's policy, not here) ----

  listUsers(): SlotUser[] {
    return userSlots(this.currentFile()).map((s) => s.user);
  }

  async addUser(user: SlotUser, passphrase: string): Promise<void> {
    const file = this.currentFile();
    if (userSlots(file).some((s) => s.user.name === user.name)) {
      throw new AppError('INVALID_INPUT', 'There is already a user with that name.', {
        issues: [{ path: ['name'], message: 'user.nameTaken' }],
      });
    }
    await this.writeUserSlot(file, this.key(), user, passphrase);
  }

  /** A lead sets another user's passphrase (a forgotten one); the user's name, role and expiry stay. */
  async replaceUserSlot(user: SlotUser, passphrase: string): Promise<void> {
    await this.writeUserSlot(this.currentFile(), this.key(), user, passphrase);
  }

  updateUser(name: string, patch: Partial<Pick<SlotUser, 'displayName' | 'role' | 'expiresAt'>>): SlotUser {
    const file = this.currentFile();
    const slot = this.findUser(file, name);
    // Nobody changes their own role (a lead promoting or demoting themselves); another lead can.
    if (name === this.user.name && patch.role !== undefined && patch.role !== slot.user.role)
      throw new AppError('INVALID_INPUT', 'You cannot change your own role; another lead can.', {
        issues: [{ path: ['role'], message: 'users.editSelfRole' }],
      });
    const user = { ...slot.user, ...patch };
    const slots = file.slots.map((s) => (s === slot ? { ...slot, user } : s));
    this.assertLeadRemains(slots);
    this.writeBody({ ...bodyOf(file), slots });
    if (this.sessionUser?.name === name) this.sessionUser = user;
    return user;
  }

  removeUser(name: string): void {
    const file = this.currentFile();
    if (name === this.user.name) throw new AppError('INVALID_INPUT', 'You cannot remove yourself; another lead can.');
    const slot = this.findUser(file, name);
    const slots = file.slots.filter((s) => s !== slot);
    this.assertLeadRemains(slots);
    this.writeBody({ ...bodyOf(file), slots });
  }

  /**
   * A new random master key for the database (`PRAGMA rekey`), sealed to every
   * remaining user, and a new recovery code. Crash-safe: the key file first
   * gains the new key beside the old one (both MACs), then the database is
   * rekeyed in one SQLite transaction, then the old key is dropped. An unlock
   * in between tries the old key first (a hot journal holds old-key pages)
   * and finishes or abandons the rekey (see openWithKey).
   */
  async rekey(): Promise<{ recoveryCode: string }> {
    const file = this.currentFile();
    if (file.macNext) this.settleRekey(file, false);
    const oldKey = this.key();
    const newKey = randomBytes(32);
    const recoveryCode = newRecoveryCode();
    try {
      const fresh = readKeyslots(this.keyslotsPath);
      const recovery = await withSecret(recoveryCode, async (code) => {
        const s = await makeKeySlot('recovery', code, oldKey, fresh.vaultId, newKdfParams(this.kdfCost));
        return { ...s, next: sealFor(fresh.vaultId, s, newKey) };
      });
      const slots: Slot[] = [
        ...userSlots(fresh).map((s) => ({ ...s, next: sealFor(fresh.vaultId, s, newKey) })),
        recovery,
        // The old recovery slots open the old key only: kept until the new key takes effect.
        ...fresh.slots.filter((s) => s.kind === 'recovery'),
      ];
      writeKeyslots(this.keyslotsPath, sealKeyslots({ ...bodyOf(fresh), version: KEYSLOTS_VERSION, slots }, oldKey, newKey));
      this.onRekeyStep?.('journal-written');
      rekeyEncrypted(this.db, newKey);
      this.onRekeyStep?.('db-rekeyed');
      this.masterKey = Buffer.from(newKey);
      oldKey.fill(0);
      this.settleRekey(readKeyslots(this.keyslotsPath), true);
    } catch (e) {
      if (this.masterKey === oldKey) {
        // The database still has the old key: abandon the new one in the key file.
        try {
          this.settleRekey(readKeyslots(this.keyslotsPath), false);
        } catch {
          // The next unlock settles it (the old key opens the database).
        }
      }
      throw storageError(e, this.dbPath) ?? e;
    } finally {
      newKey.fill(0);
    }
    return { recoveryCode: formatRecoveryCode(recoveryCode) };
  }

  /** A new recovery code (the old one stops working); for a lead who lost it, or after a rekey was interrupted. */
  async newRecoveryCode(): Promise<{ recoveryCode: string }> {
    const file = this.currentFile();
    const code = newRecoveryCode();
    const slot = await withSecret(code, (c) => makeKeySlot('recovery', c, this.key(), file.vaultId, newKdfParams(this.kdfCost)));
    this.writeBody({ ...bodyOf(file), slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot] });
    return { recoveryCode: formatRecoveryCode(code) };
  }

  /** The clock record and audit head in the key file; both only move forward. */
  recordState(patch: Partial<KeyslotsState>): void {
    if (!this.conn || !this.masterKey) return;
    const file = this.currentFile();
    if (file.macNext) return;
    const old = file.state ?? { lastSeen: null, auditHead: null };
    const now = this.nowIso();
    const lastSeen = old.lastSeen && old.lastSeen > now ? old.lastSeen : now;
    const head = patch.auditHead && (!old.auditHead || patch.auditHead.seq >= old.auditHead.seq) ? patch.auditHead : old.auditHead;
    this.writeBody({ ...bodyOf(file), state: { lastSeen, auditHead: head } });
  }

  /** The clock record at unlock; best effort, so a full disk does not stop an unlock (the next write tries again). */
  private touch(): void {
    try {
      this.recordState({});
    } catch (e) {
      console.warn(`[amparo] last-seen time not recorded (${e instanceof AppError ? e.code : 'unknown'})`);
    }
  }

  /** The key file's state as last written (the MAC was checked when it was read by currentFile). */
  keyslotsState(): KeyslotsState {
    return this.currentFile().state ?? { lastSeen: null, auditHead: null };
  }

  lock(): void {
    this.sessionUser = null;
    if (this.masterKey) {
      this.masterKey.fill(0);
      this.masterKey = null;
    }
    if (this.conn) {
      const db = this.conn;
      this.conn = null;
      closeDb(db);
    }
  }

  // ---- internals ----

  private key(): Buffer {
    if (!this.conn || !this.masterKey) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
    return this.masterKey;
  }

  /** The key file as on disk now (another process may have changed it), its MAC checked with our key. */
  private currentFile(): KeyslotsFile {
    const file = readKeyslots(this.keyslotsPath);
    assertMac(file, this.key());
    return file;
  }

  private writeBody(body: Body): void {
    writeKeyslots(this.keyslotsPath, sealKeyslots({ ...body, version: KEYSLOTS_VERSION }, this.key()));
  }

  private findUser(file: KeyslotsFile, name: string): KeySlot & { user: SlotUser } {
    const slot = userSlots(file).find((s) => s.user.name === name);
    if (!slot) throw new AppError('NOT_FOUND', 'There is no user with that name.');
    return slot;
  }

  private assertLeadRemains(slots: Slot[]): void {
    if (!userSlots({ ...bodyOf(this.currentFile()), slots }).some((s) => s.user.role === 'lead')) {
      throw new AppError('INVALID_INPUT', 'The vault must keep at least one lead.');
    }
  }

  private async writeUserSlot(file: KeyslotsFile, key: Buffer, user: SlotUser, passphrase: string): Promise<void> {
    const slot = await withSecret(passphrase, (pass) => makeKeySlot('user', pass, key, file.vaultId, newKdfParams(this.kdfCost), user));
    const others = file.slots.filter((s) => s.kind !== 'passphrase' && !(s.kind === 'user' && isKeySlot(s) && s.user?.name === user.name));
    const body: Body = { ...bodyOf(file), version: KEYSLOTS_VERSION, slots: [slot, ...others] };
    writeKeyslots(this.keyslotsPath, sealKeyslots(body, key));
  }

  /** Expiry is checked against the later of the clock and the vault's last-seen time, and a clock far behind it is refused. */
  private assertNotExpired(file: KeyslotsFile, user: SlotUser): void {
    if (!user.expiresAt) return;
    const now = this.clock().getTime();
    const lastSeen = file.state?.lastSeen ? Date.parse(file.state.lastSeen) : 0;
    if (now < lastSeen - CLOCK_SLACK_MS) {
      throw new AppError(
        'CLOCK_BEHIND',
        "This computer's clock is earlier than the last time the vault was used. Set the correct date and time.",
      );
    }
    if (Date.parse(user.expiresAt) <= Math.max(now, lastSeen)) {
      throw new AppError('ACCOUNT_EXPIRED', 'This account has expired. Ask a lead to extend it.');
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

  /**
   * Opens the database with the slot's key. Mid-rekey the old key is tried
   * first: if the rekey did not commit, opening with it rolls the hot journal
   * back (its pages are under the old key); if it did, only the new key reads.
   */
  private openWithKey(file: KeyslotsFile, opened: Opened): void {
    this.lock();
    let db: DB;
    let used = opened.key;
    try {
      db = openEncrypted(this.dbPath, opened.key);
    } catch (e) {
      if (!opened.next || !(e instanceof AppError) || e.code !== 'DB_CORRUPT') throw e;
      db = openEncrypted(this.dbPath, opened.next);
      used = opened.next;
    }
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
    this.masterKey = Buffer.from(used);
    if (file.macNext) this.settleRekey(file, used === opened.next);
  }

  /** Ends an interrupted rekey in the key file: keeps the new key's seals (`done`) or drops them. */
  private settleRekey(file: KeyslotsFile, done: boolean): void {
    const slots = done
      ? file.slots.flatMap((s) => (isKeySlot(s) && s.next ? [{ ...s, seal: s.next, next: undefined }] : []))
      : file.slots
          .filter((s) => !(s.kind === 'recovery' && isKeySlot(s) && s.next))
          .map((s) => (isKeySlot(s) ? { ...s, next: undefined } : s));
    const clean = slots.map((s) => {
      const { next: _n, ...rest } = s as KeySlot;
      return isKeySlot(s) ? rest : s;
    });
    this.writeBody({ ...bodyOf(file), slots: clean as Slot[] });
  }
}

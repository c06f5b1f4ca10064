/**
 * The keyslots file: the database's random master key, reachable from each
 * user's passphrase and from the recovery code.
 *
 * Version 2 (issue 10): one slot per user plus a recovery slot. Each slot
 * holds an X25519 key pair, its private half wrapped (AES-256-GCM) under an
 * Argon2id key of the secret, and the master key sealed to its public half;
 * so a rekey can seal a new master key to every remaining slot without
 * anyone's passphrase. The MAC-protected body also carries the vault's clock
 * record (last seen) and the audit chain's head.
 *
 * Version 1 (one passphrase slot, one recovery slot, the master key wrapped
 * directly) still opens; its passphrase slot becomes a lead user at the first
 * unlock (vault.ts), without rewriting the database.
 */
import { lstatSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { atomicTempsOf, writeFileAtomic } from '../files';
import { errorKind, storageError } from '../db/connection';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { ROLES } from '../../../shared/users';
import {
  deriveKey,
  hmacHex,
  newX25519,
  safeEqualHex,
  sealTo,
  sealedKek,
  sha256Hex,
  unwrapKey,
  wrapKey,
  type KdfParams,
  type Sealed,
} from './crypto';

export const KEYSLOTS_FORMAT = 'amparo-keyslots';
export const KEYSLOTS_VERSION = 2;

const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(200);
const iso = z.string().max(40);
const kdfSchema = z.object({
  name: z.literal('argon2id'),
  m: z.number().int().min(8192).max(4_194_304),
  t: z.number().int().min(1).max(64),
  p: z.number().int().min(1).max(16),
  salt: b64,
});
const wrapSchema = z.object({ alg: z.literal('aes-256-gcm'), iv: b64, ct: b64, tag: b64 });
const sealedSchema = z.object({ epk: b64, wrap: wrapSchema });
/** A version-1 slot: the master key wrapped directly under the secret's key. */
const legacySlotSchema = z.object({ kind: z.enum(['passphrase', 'recovery']), kdf: kdfSchema, wrap: wrapSchema });
const userSchema = z.object({
  name: z.string().min(1).max(64),
  displayName: z.string().max(200),
  role: z.enum(ROLES),
  expiresAt: iso.nullable(),
  createdAt: iso,
});
const keySlotSchema = z.object({
  kind: z.enum(['user', 'recovery']),
  user: userSchema.optional(),
  kdf: kdfSchema,
  pub: b64,
  priv: wrapSchema,
  seal: sealedSchema,
  /** During a rekey only: the new master key, sealed to the same public key. */
  next: sealedSchema.optional(),
});
const slotSchema = z.union([keySlotSchema, legacySlotSchema]);
const stateSchema = z.object({
  /** The latest time this vault has seen (ISO): a clock set back before it does not revive an expired account. */
  lastSeen: iso.nullable(),
  /** The audit chain's head when last recorded: deleting entries up to it is detected. */
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
});
const bodySchema = z.object({
  format: z.literal(KEYSLOTS_FORMAT),
  version: z.number().int(),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: iso,
  slots: z.array(slotSchema).min(1).max(500),
  state: stateSchema.optional(),
});
const fileSchema = bodySchema.extend({
  /** Detects accidental damage before any expensive KDF work. */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  /** Keyed by the master key: detects deliberate edits once a slot opens. */
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  /** During a rekey only: the same body keyed by the new master key. */
  macNext: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export type LegacySlot = z.infer<typeof legacySlotSchema>;
export type KeySlot = z.infer<typeof keySlotSchema>;
export type Slot = z.infer<typeof slotSchema>;
export type SlotUser = z.infer<typeof userSchema>;
export type KeyslotsState = z.infer<typeof stateSchema>;
export type Body = z.infer<typeof bodySchema>;
export type KeyslotsFile = z.infer<typeof fileSchema>;

export const isKeySlot = (s: Slot): s is KeySlot => 'pub' in s;
export const userSlots = (f: Body): Array<KeySlot & { user: SlotUser }> =>
  f.slots.filter((s): s is KeySlot & { user: SlotUser } => isKeySlot(s) && s.kind === 'user' && s.user !== undefined);

// Binding each wrap to its vault, kind and (v2) user and public key stops a slot being moved between files, kinds or users.
const legacyAad = (vaultId: string, kind: string) => `${KEYSLOTS_FORMAT}/v1/${vaultId}/${kind}`;
const keyAad = (vaultId: string, s: { kind: string; user?: { name: string } | undefined; pub: string }, part: 'priv' | 'seal') =>
  `${KEYSLOTS_FORMAT}/v2/${vaultId}/${s.kind}/${s.user?.name ?? ''}/${s.pub}/${part}`;

function canonicalBody(b: Body): string {
  return JSON.stringify({
    format: b.format,
    version: b.version,
    vaultId: b.vaultId,
    createdAt: b.createdAt,
    slots: b.slots,
    state: b.state,
  });
}

/** Derives the key-encryption key, lends it to `use`, and zeroes it whatever happens. */
async function withKek<T>(secret: Buffer, kdf: KdfParams, use: (kek: Buffer) => T): Promise<T> {
  const kek = await deriveKey(secret, kdf);
  try {
    return use(kek);
  } finally {
    kek.fill(0);
  }
}

/**
 * A new version-2 slot for `secret` (the caller's Buffer, which the caller
 * zeroes): a fresh key pair, so an old copy of the file plus an old
 * passphrase never opens a master key sealed after this.
 */
export async function makeKeySlot(
  kind: 'user' | 'recovery',
  secret: Buffer,
  masterKey: Buffer,
  vaultId: string,
  kdf: KdfParams,
  user?: SlotUser,
): Promise<KeySlot> {
  const { priv, pub } = newX25519();
  try {
    const base = { kind, ...(user ? { user } : {}), kdf, pub };
    const wrapped = await withKek(secret, kdf, (kek) => wrapKey(kek, priv, keyAad(vaultId, base, 'priv')));
    return { ...base, priv: wrapped, seal: sealTo(pub, masterKey, keyAad(vaultId, base, 'seal')) };
  } finally {
    priv.fill(0);
  }
}

/** The slot's seal of `key` (a new master key during a rekey), made from its public key alone. */
export const sealFor = (vaultId: string, slot: KeySlot, key: Buffer): Sealed => sealTo(slot.pub, key, keyAad(vaultId, slot, 'seal'));

export function sealKeyslots(body: Body, masterKey: Buffer, nextKey?: Buffer): KeyslotsFile {
  const text = canonicalBody(body);
  const file: KeyslotsFile = { ...body, checksum: sha256Hex(text), mac: hmacHex(masterKey, 'keyslots-mac', text) };
  if (nextKey) file.macNext = hmacHex(nextKey, 'keyslots-mac', text);
  return file;
}

/** The body without its seals, for rewriting. */
export function bodyOf(file: KeyslotsFile): Body {
  const { checksum: _c, mac: _m, macNext: _n, ...body } = file;
  return body;
}

export function newVaultId(): string {
  return randomBytes(16).toString('hex');
}

export function readKeyslots(path: string): KeyslotsFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('KEYSLOTS_MISSING', 'The key file beside the database is missing. Restore it from your backup.');
    }
    throw new AppError('KEYSLOTS_CORRUPT', 'The key file beside the database cannot be read.');
  }
  return parseKeyslots(raw);
}

/** The keyslots file's text, checked (structure, version, checksum); a backup carries it as bytes. */
export function parseKeyslots(raw: string): KeyslotsFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('KEYSLOTS_CORRUPT', 'The key file beside the database is damaged (not readable JSON).');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEYSLOTS_VERSION) {
    throw new AppError('KEYSLOTS_CORRUPT', 'The key file was written by a newer version of Amparo. Update Amparo to open it.');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('KEYSLOTS_CORRUPT', 'The key file beside the database is damaged (unexpected structure).');
  }
  if (!safeEqualHex(parsed.data.checksum, sha256Hex(canonicalBody(parsed.data)))) {
    throw new AppError('KEYSLOTS_CORRUPT', 'The key file beside the database is damaged (checksum mismatch).');
  }
  return parsed.data;
}

/** What a slot opened to: the master key and, mid-rekey, the new one. The caller zeroes both. */
export interface Opened {
  key: Buffer;
  next: Buffer | null;
  slot: Slot;
}

function unseal(file: Body, slot: KeySlot, priv: Buffer, sealed: Sealed): Buffer | null {
  const kek = sealedKek(priv, slot.pub, sealed, keyAad(file.vaultId, slot, 'seal'));
  if (!kek) return null;
  try {
    return unwrapKey(kek, sealed.wrap, keyAad(file.vaultId, slot, 'seal'));
  } finally {
    kek.fill(0);
  }
}

async function openOne(file: Body, slot: Slot, secret: Buffer): Promise<Opened | null> {
  if (!isKeySlot(slot)) {
    const key = await withKek(secret, slot.kdf, (kek) => unwrapKey(kek, slot.wrap, legacyAad(file.vaultId, slot.kind)));
    return key ? { key, next: null, slot } : null;
  }
  const priv = await withKek(secret, slot.kdf, (kek) => unwrapKey(kek, slot.priv, keyAad(file.vaultId, slot, 'priv')));
  if (!priv) return null;
  try {
    const key = unseal(file, slot, priv, slot.seal);
    if (!key) return null;
    return { key, next: slot.next ? unseal(file, slot, priv, slot.next) : null, slot };
  } finally {
    priv.fill(0);
  }
}

/** The file's MAC holds under this key (or, mid-rekey, the new one). */
function macHolds(file: KeyslotsFile, key: Buffer): boolean {
  if (key.length !== 32) return false;
  const expected = hmacHex(key, 'keyslots-mac', canonicalBody(file));
  return safeEqualHex(file.mac, expected) || (file.macNext !== undefined && safeEqualHex(file.macNext, expected));
}

export function assertMac(file: KeyslotsFile, key: Buffer): void {
  if (!macHolds(file, key)) throw new AppError('KEYSLOTS_CORRUPT', 'The key file beside the database has been altered.');
}

/**
 * Tries the given slots in turn with one secret. A slot that opens but whose
 * file MAC fails means the file was edited by someone without the key: refuse it.
 */
export async function openSlots(file: KeyslotsFile, slots: Slot[], secret: Buffer): Promise<Opened | null> {
  for (const slot of slots) {
    const opened = await openOne(file, slot, secret);
    if (!opened) continue;
    if (!macHolds(file, opened.key)) {
      opened.key.fill(0);
      opened.next?.fill(0);
      throw new AppError('KEYSLOTS_CORRUPT', 'The key file beside the database has been altered.');
    }
    return opened;
  }
  return null;
}

/**
 * The master key from a passphrase (any user's slot, or `userName`'s) or the
 * recovery code; WRONG_PASSPHRASE / WRONG_RECOVERY_CODE otherwise. Used by
 * backups, which open the key file they carry without a user session.
 */
export async function openSlot(file: KeyslotsFile, kind: 'passphrase' | 'recovery', secret: Buffer, userName?: string): Promise<Buffer> {
  const candidates = file.slots.filter((s) =>
    kind === 'recovery'
      ? s.kind === 'recovery'
      : s.kind === 'passphrase' || (s.kind === 'user' && (!userName || s.user?.name === userName)),
  );
  const opened = await openSlots(file, candidates, secret);
  if (opened) {
    opened.next?.fill(0);
    return opened.key;
  }
  if (kind === 'recovery') throw new AppError('WRONG_RECOVERY_CODE', 'That recovery code does not open this vault.');
  throw new AppError('WRONG_PASSPHRASE', 'That passphrase does not open this vault.');
}

export function writeKeyslots(path: string, file: KeyslotsFile): void {
  try {
    writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
  } catch (e) {
    // writeFileAtomic leaves the old file in place: on a full disk, nothing changed.
    throw storageError(e) ?? e;
  }
}

/**
 * Removes the temp copies a killed `passwd` (or create) left beside the key
 * file. Each is a complete keyslots file, possibly wrapping the master key
 * under a passphrase that never took effect, so it must not linger. A temp
 * that is the current file (same inode: a link being moved into place right
 * now) is kept.
 */
export function removeStaleKeyslotsTemps(path: string): void {
  const current = statSync(path, { throwIfNoEntry: false });
  for (const tmp of atomicTempsOf(path)) {
    try {
      const st = lstatSync(tmp);
      if (!st.isFile() || (current && st.dev === current.dev && st.ino === current.ino)) continue;
      unlinkSync(tmp);
    } catch (e) {
      console.warn(`[amparo] could not remove a stale key file copy (${errorKind(e)})`);
    }
  }
}

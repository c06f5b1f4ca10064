/**
 * The keyslots file: the database's random master key, wrapped (AES-256-GCM)
 * once per secret (passphrase, recovery code) under an Argon2id-derived key.
 * Changing the passphrase rewrites this small file and never the database.
 */
import { lstatSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { atomicTempsOf, writeFileAtomic } from '../files';
import { errorKind, storageError } from '../db/connection';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { deriveKey, hmacHex, safeEqualHex, sha256Hex, unwrapKey, wrapKey, type KdfParams } from './crypto';

export const KEYSLOTS_FORMAT = 'amparo-keyslots';
export const KEYSLOTS_VERSION = 1;

const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(200);
const slotSchema = z.object({
  kind: z.enum(['passphrase', 'recovery']),
  kdf: z.object({
    name: z.literal('argon2id'),
    m: z.number().int().min(8192).max(4_194_304),
    t: z.number().int().min(1).max(64),
    p: z.number().int().min(1).max(16),
    salt: b64,
  }),
  wrap: z.object({ alg: z.literal('aes-256-gcm'), iv: b64, ct: b64, tag: b64 }),
});
const bodySchema = z.object({
  format: z.literal(KEYSLOTS_FORMAT),
  version: z.number().int(),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string().max(40),
  slots: z.array(slotSchema).min(1).max(8),
});
const fileSchema = bodySchema.extend({
  /** Detects accidental damage before any expensive KDF work. */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  /** Keyed by the master key: detects deliberate edits once a slot opens. */
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Slot = z.infer<typeof slotSchema>;
export type SlotKind = Slot['kind'];
type Body = z.infer<typeof bodySchema>;
export type KeyslotsFile = z.infer<typeof fileSchema>;

// Binding the slot to its vault and kind stops a slot being moved between files or kinds.
const aadFor = (vaultId: string, kind: SlotKind) => `${KEYSLOTS_FORMAT}/v${KEYSLOTS_VERSION}/${vaultId}/${kind}`;

function canonicalBody(b: Body): string {
  return JSON.stringify({ format: b.format, version: b.version, vaultId: b.vaultId, createdAt: b.createdAt, slots: b.slots });
}

/** The secret is the caller's Buffer (see secretBytes); the caller zeroes it. */
export async function makeSlot(kind: SlotKind, secret: Buffer, masterKey: Buffer, vaultId: string, kdf: KdfParams): Promise<Slot> {
  return { kind, kdf, wrap: await withKek(secret, kdf, (kek) => wrapKey(kek, masterKey, aadFor(vaultId, kind))) };
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

export function sealKeyslots(body: Body, masterKey: Buffer): KeyslotsFile {
  const text = canonicalBody(body);
  return { ...body, checksum: sha256Hex(text), mac: hmacHex(masterKey, 'keyslots-mac', text) };
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

/**
 * Tries every slot of the given kind. Returns the master key, or throws
 * WRONG_PASSPHRASE / WRONG_RECOVERY_CODE. A slot that opens but whose file MAC
 * fails means the file was edited by someone without the key: refuse it.
 */
export async function openSlot(file: KeyslotsFile, kind: SlotKind, secret: Buffer): Promise<Buffer> {
  for (const slot of file.slots.filter((s) => s.kind === kind)) {
    const key = await withKek(secret, slot.kdf, (kek) => unwrapKey(kek, slot.wrap, aadFor(file.vaultId, kind)));
    if (!key) continue;
    if (key.length !== 32 || !safeEqualHex(file.mac, hmacHex(key, 'keyslots-mac', canonicalBody(file)))) {
      key.fill(0);
      throw new AppError('KEYSLOTS_CORRUPT', 'The key file beside the database has been altered.');
    }
    return key;
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

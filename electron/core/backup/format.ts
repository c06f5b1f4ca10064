/**
 * The backup file: one file, never a SQLite file.
 *
 *   [MAGIC, 16 bytes]                 replaces the snapshot's first 16 bytes (its SQLCipher salt)
 *   [snapshot bytes 16 .. P)          the encrypted database pages, exactly as VACUUM INTO wrote them
 *   [keyslots file, K bytes]          the vault's key file, as it was on disk
 *   [header JSON, H bytes]            format, vault id, dates, counts, lengths, SHA-256s; no client data
 *   [trailer, 44 bytes]               SHA-256 of the header, H as u32 big-endian, END_MAGIC
 *
 * Why the salt moves into the header: the payload then cannot be opened in
 * place by any SQLite or SQLCipher tool, even with the right key (the salt
 * feeds SQLCipher's page HMAC key), so restore is the only way to reach the
 * data. Why the header is at the end: VACUUM INTO writes the snapshot at
 * offset 0 of its own file, and putting the header after it lets a backup be
 * written with one pass over the database instead of two (see npm run bench -- backup).
 */
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { BackupDamagePart } from '../../../shared/views';

export const MAGIC = Buffer.from('AMPARO BACKUP 1\n', 'latin1');
export const SALT_BYTES = 16;
export const END_MAGIC = Buffer.from('AMPEND01', 'latin1');
export const TRAILER_BYTES = 32 + 4 + END_MAGIC.length;
export const BACKUP_FORMAT = 'amparo-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXT = '.amparo-backup';
export const FAILED_SUFFIX = '.failed';
const MAX_HEADER_BYTES = 1 << 20;
const MAX_KEYSLOTS_BYTES = 1 << 20;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const headerSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().min(1),
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    createdAt: z.string().max(40),
    schemaVersion: z.number().int().min(0),
    /** Row count per table of the snapshot (table names are the schema's, never data). */
    tables: z.record(z.string().max(100), z.number().int().min(0)),
    /** The snapshot's SQLCipher salt (its first 16 bytes), moved here. */
    salt: z.string().regex(/^[0-9a-f]{32}$/),
    /** Length and SHA-256 of the snapshot as SQLCipher wrote it (salt included). */
    payload: z.object({ length: z.number().int().min(1), sha256: hex64 }).strict(),
    keyslots: z.object({ length: z.number().int().min(1).max(MAX_KEYSLOTS_BYTES), sha256: hex64 }).strict(),
  })
  .strict();
export type BackupHeader = z.infer<typeof headerSchema>;

export class BackupDamaged extends AppError {
  constructor(
    readonly part: BackupDamagePart,
    message: string,
  ) {
    super('BACKUP_DAMAGED', message, { part });
  }
}

export const DAMAGE_MESSAGES: Record<BackupDamagePart, string> = {
  'not-a-backup': 'This file is not an Amparo backup.',
  truncated: 'The backup file is incomplete: it was cut short or its end is damaged.',
  header: 'The backup header is damaged (its checksum does not match).',
  keyslots: 'The key file inside the backup is damaged.',
  payload: 'The database inside the backup is damaged (its SHA-256 does not match the header).',
  integrity: 'The database inside the backup fails its integrity check.',
  contents: 'The database inside the backup does not match its header (vault, schema or row counts differ).',
};

export const damaged = (part: BackupDamagePart) => new BackupDamaged(part, DAMAGE_MESSAGES[part]);

/** Where each part lies in a backup file whose structure and header checked out. */
export interface Layout {
  size: number;
  header: BackupHeader;
  /** Offset of the keyslots part; the payload is [0, payload.length) with MAGIC in place of the salt. */
  keyslotsAt: number;
}

export function encodeTrailer(headerJson: Buffer, sha256: Buffer): Buffer {
  const t = Buffer.alloc(TRAILER_BYTES);
  sha256.copy(t, 0);
  t.writeUInt32BE(headerJson.length, 32);
  END_MAGIC.copy(t, 36);
  return t;
}

function readAt(fd: number, at: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, at + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? b : b.subarray(0, got);
}

/** Structure and header of a backup, checked without any passphrase: magic, trailer, header checksum, lengths. */
export function readLayout(path: string, sha256: (b: Buffer) => Buffer): Layout {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', 'There is no backup file there.');
    throw new AppError('INVALID_INPUT', 'The backup file cannot be read: check it exists and you may read it.');
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw damaged('not-a-backup');
    const size = st.size;
    const head = readAt(fd, 0, MAGIC.length);
    if (!head.equals(MAGIC)) throw damaged('not-a-backup');
    if (size < MAGIC.length + TRAILER_BYTES) throw damaged('truncated');
    const trailer = readAt(fd, size - TRAILER_BYTES, TRAILER_BYTES);
    if (!trailer.subarray(36).equals(END_MAGIC)) throw damaged('truncated');
    const headerLength = trailer.readUInt32BE(32);
    if (headerLength === 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - TRAILER_BYTES - MAGIC.length)
      throw damaged('header');
    const headerAt = size - TRAILER_BYTES - headerLength;
    const headerJson = readAt(fd, headerAt, headerLength);
    if (!sha256(headerJson).equals(trailer.subarray(0, 32))) throw damaged('header');
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerJson.toString('utf8'));
    } catch {
      throw damaged('header');
    }
    const version = (parsed as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > BACKUP_VERSION) {
      throw new AppError('DB_FROM_FUTURE', 'This backup was written by a newer version of Amparo. Update Amparo to restore it.');
    }
    const header = headerSchema.safeParse(parsed);
    if (!header.success) throw damaged('header');
    const { payload, keyslots } = header.data;
    // A file cut short keeps a valid-looking end only by accident; lengths must add up exactly.
    if (payload.length + keyslots.length + headerLength + TRAILER_BYTES !== size) throw damaged('truncated');
    return { size, header: header.data, keyslotsAt: payload.length };
  } finally {
    closeSync(fd);
  }
}

/** `amparo-<first 8 of the vault id>-<UTC timestamp>.amparo-backup`: sortable, one vault's files recognisable. */
export function backupFileName(vaultId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `amparo-${vaultId.slice(0, 8)}-${stamp}${BACKUP_EXT}`;
}

/** The vault prefix and time a backup's name says (null for other files). */
export function parseBackupFileName(name: string): { vaultPrefix: string; at: string; failed: boolean } | null {
  const m = /^amparo-([0-9a-f]{8})-(\d{8})T(\d{6})(\d{3})Z\.amparo-backup(\.failed)?$/.exec(name);
  if (!m) return null;
  const [, vaultPrefix, d, t, ms, failed] = m as unknown as [string, string, string, string, string, string | undefined];
  const at = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`;
  return { vaultPrefix, at, failed: failed !== undefined };
}

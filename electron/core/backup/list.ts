/**
 * The backups in a folder, read without any passphrase: name, vault, time,
 * size, and whether the file still has its structure and header intact.
 * A file under a final name was verified before it got that name; `.failed`
 * ones failed their verification and are kept for inspection.
 */
import { readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupFileView } from '../../../shared/views';
import { parseBackupFileName, readLayout } from './format';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

export function listBackups(dir: string): BackupFileView[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new AppError('BACKUP_FOLDER_UNAVAILABLE', 'The backup folder is not available (a USB stick unplugged, a share offline).');
  }
  const out: BackupFileView[] = [];
  for (const name of names.sort()) {
    const named = parseBackupFileName(name);
    if (!named) continue;
    const file = join(dir, name);
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      size = st.size;
    } catch {
      continue;
    }
    try {
      const { header } = readLayout(file, sha256);
      out.push({ file, vaultId: header.vaultId, createdAt: header.createdAt, size, status: named.failed ? 'failed' : 'verified' });
    } catch {
      out.push({ file, vaultId: null, createdAt: named.at, size, status: named.failed ? 'failed' : 'damaged' });
    }
  }
  return out.sort((a, b) => ((a.createdAt ?? '') < (b.createdAt ?? '') ? 1 : -1));
}

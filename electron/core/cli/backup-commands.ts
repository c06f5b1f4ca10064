/**
 * Backups from a terminal: `backup`, `backup list`, `verify-backup`,
 * `restore`. The passphrase comes from AMPARO_PASSPHRASE or a prompt; with
 * --recovery, the recovery code from AMPARO_RECOVERY_CODE or a prompt.
 * verify-backup exits 0 when every check passes, 3 on a wrong passphrase and
 * 4 on a damaged backup, printing which check failed.
 */
import { resolve } from 'node:path';
import type { BackupVerifyReport } from '../../../shared/views';
import { runJob } from '../jobs/job';
import { listBackups } from '../backup/list';
import { restoreBackup } from '../backup/restore';
import { verifyBackup, type BackupAccess } from '../backup/verify';
import { writeBackup } from '../backup/write';
import { EXIT, UsageError, secretFrom, type CliIO } from './io';
import { dbPathFrom, openVault, parse, type Command } from './vault-commands';

const CHECK_NAMES: Record<BackupVerifyReport['checks'][number]['check'], string> = {
  structure: 'structure (magic, length, end marker)',
  header: 'header checksum',
  keyslots: 'key file inside the backup',
  key: 'passphrase opens the backup',
  payload: 'SHA-256 of the database part',
  integrity: 'PRAGMA integrity_check',
  contents: 'vault id, schema version and row counts',
};

async function accessFrom(io: CliIO, recovery: boolean): Promise<BackupAccess> {
  if (recovery) return { recoveryCode: await secretFrom(io, 'AMPARO_RECOVERY_CODE', 'Recovery code: ') };
  return { passphrase: await secretFrom(io, 'AMPARO_PASSPHRASE', 'Passphrase: ') };
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`give exactly one ${what}`);
  return positionals[0];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function backupList(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
  const dir = resolve(onePositional(positionals, 'folder'));
  const rows = listBackups(dir);
  if (values.json) {
    io.out(JSON.stringify(rows, null, 2));
    return EXIT.OK;
  }
  if (rows.length === 0) io.out(`No Amparo backups in ${dir}.`);
  for (const r of rows) {
    io.out([r.createdAt ?? '?', (r.vaultId ?? '?').slice(0, 8), mb(r.size).padStart(9), r.status.padEnd(8), r.file].join('  '));
  }
  return EXIT.OK;
}

export const backupCommands: Record<string, Command> = {
  backup: {
    usage:
      'backup --db PATH --to DIR | backup list DIR [--json]   write a verified encrypted backup (prints its path) | list the backups in DIR',
    async run(args, io) {
      if (args[0] === 'list') return backupList(args.slice(1), io);
      const { values } = parse(args, { db: { type: 'string' }, to: { type: 'string' } });
      if (!values.to) throw new UsageError('--to DIR is required: the folder to write the backup into');
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        const written = await runJob({}, (job) =>
          writeBackup({ db: core.vault.db, keyslotsPath: core.vault.keyslotsPath, dir: resolve(values.to!), job }),
        );
        io.out(written.file);
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
  'verify-backup': {
    usage: 'verify-backup FILE [--recovery]      decrypt and check a backup: exit 0 good, 3 wrong passphrase, 4 damaged',
    async run(args, io) {
      const { values, positionals } = parse(args, { recovery: { type: 'boolean' } }, true);
      const file = resolve(onePositional(positionals, 'backup file'));
      const { report } = await verifyBackup(file, await accessFrom(io, values.recovery === true));
      for (const c of report.checks) io.out(`${c.ok ? 'ok    ' : 'FAILED'}  ${CHECK_NAMES[c.check]}`);
      if (!report.ok) {
        io.err(`Error: ${report.failed?.message ?? 'the backup is damaged.'}`);
        return EXIT.ERROR;
      }
      io.out(`ok: the backup of vault ${report.vaultId} made ${report.createdAt} is good (schema version ${report.schemaVersion}).`);
      return EXIT.OK;
    },
  },
  restore: {
    usage: 'restore FILE --to DIR [--replace] [--recovery]   restore a backup into DIR (--replace sets the vault there aside first)',
    async run(args, io) {
      const { values, positionals } = parse(
        args,
        { to: { type: 'string' }, replace: { type: 'boolean' }, recovery: { type: 'boolean' } },
        true,
      );
      const file = resolve(onePositional(positionals, 'backup file'));
      if (!values.to) throw new UsageError('--to DIR is required: the folder to restore the vault into');
      const access = await accessFrom(io, values.recovery === true);
      const restored = await restoreBackup(file, access, resolve(values.to), { replace: values.replace === true });
      if (restored.setAside) io.out(`The vault that was there is set aside, unchanged, in ${restored.setAside}`);
      if (restored.to !== restored.from) io.out(`Migrated from schema version ${restored.from} to ${restored.to}.`);
      io.out(`Restored the vault into ${restored.dbPath}. Unlock it with the passphrase it had when the backup was made.`);
      return EXIT.OK;
    },
  },
};

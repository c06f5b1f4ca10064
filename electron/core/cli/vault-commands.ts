import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../app';
import { AppError } from '../../../shared/errors';
import { passphraseSchema } from '../../../shared/schemas/vault';
import { defaultDbPath } from '../paths';
import { EXIT, UsageError, secretFrom, type CliIO } from './io';

export interface Command {
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export function parse<T extends Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export const DB_FILE = 'amparo.db';

/**
 * --db names the database file or the vault folder that holds it (the folder
 * Settings shows): a folder means its amparo.db.
 */
export function dbPathFrom(values: { db?: string | boolean | undefined }, io: CliIO): string {
  const given = typeof values.db === 'string' && values.db !== '' ? values.db : null;
  if (given === null) return defaultDbPath(io.env);
  return isDirectory(given) ? join(given, DB_FILE) : given;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Before asking for a passphrase: is there a vault at all? Without this, a
 * wrong path reads as a lost key file, which sends people to their backups.
 */
export function assertVaultAt(dbPath: string): void {
  if (existsSync(dbPath)) return;
  throw new AppError(
    'VAULT_NOT_FOUND',
    `There is no Amparo vault at ${dbPath}. Give --db the vault folder (Settings shows it) or the ${DB_FILE} file inside it.`,
  );
}

/** The user named by AMPARO_USER, if any (a vault with one user needs none). */
export const cliUser = (io: CliIO): { userName?: string } => (io.env.AMPARO_USER ? { userName: io.env.AMPARO_USER } : {});

/**
 * Unlocks as AMPARO_USER; after 5 wrong passphrases the core makes each try
 * wait (UNLOCK_DELAYED), and the CLI waits that long, saying so, then tries.
 */
export async function unlockAsUser(core: Core, io: CliIO, passphrase: string): Promise<void> {
  for (;;) {
    try {
      await core.call('vault.unlock', { ...cliUser(io), passphrase });
      return;
    } catch (e) {
      const wait =
        e instanceof AppError && e.code === 'UNLOCK_DELAYED'
          ? (e.details as { retryAfterMs?: number } | undefined)?.retryAfterMs
          : undefined;
      if (wait === undefined) throw e;
      io.err(`Too many wrong passphrases: waiting ${Math.ceil(wait / 1000)} s before trying again.`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Open the vault at --db as AMPARO_USER, with the passphrase from the environment or a prompt; commands then run under that user's role. */
export async function openVault(dbPath: string, io: CliIO) {
  assertVaultAt(dbPath);
  const core = createCore({ dbPath, autoBackup: false });
  try {
    const passphrase = await secretFrom(io, 'AMPARO_PASSPHRASE', 'Passphrase: ');
    await unlockAsUser(core, io, passphrase);
  } catch (e) {
    core.close();
    throw e;
  }
  return core;
}

/** Open the vault at --db, run one command's work against it, and close it whatever happens. */
export async function withVault<T>(
  values: { db?: string | boolean | undefined },
  io: CliIO,
  use: (core: Awaited<ReturnType<typeof openVault>>) => Promise<T>,
): Promise<T> {
  const core = await openVault(dbPathFrom(values, io), io);
  try {
    return await use(core);
  } finally {
    core.close();
  }
}

function checkNewPassphrase(p: string): string {
  const r = passphraseSchema.safeParse(p);
  if (!r.success) throw new AppError('INVALID_INPUT', 'The passphrase must be at least 10 characters long.');
  return p;
}

export async function newPassphrase(io: CliIO, envName: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return checkNewPassphrase(fromEnv);
  const first = checkNewPassphrase(await io.prompt('New passphrase: '));
  const again = await io.prompt('Repeat the new passphrase: ');
  if (first !== again) throw new UsageError('the two passphrases differ');
  return first;
}

export const vaultCommands: Record<string, Command> = {
  init: {
    usage: 'init --db PATH            create a new encrypted vault; its first user is a lead named AMPARO_USER (default: the OS user name)',
    async run(args, io) {
      const { values } = parse(args, { db: { type: 'string' } });
      const dbPath = dbPathFrom(values, io);
      const passphrase = await newPassphrase(io, 'AMPARO_PASSPHRASE');
      const core = createCore({ dbPath, autoBackup: false });
      try {
        const { recoveryCode } = await core.call('vault.create', { passphrase, ...cliUser(io) });
        io.out(`Created an encrypted vault at ${dbPath}, with the lead user ${core.vault.user.name}`);
        io.out('');
        io.out(`Recovery code: ${recoveryCode}`);
        io.out('Write it down and keep it apart from this computer. It is shown only this once;');
        io.out('without the passphrase or this code, nobody can open the vault.');
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
  'unlock-check': {
    usage: 'unlock-check --db PATH    check that the passphrase opens the vault',
    async run(args, io) {
      const { values } = parse(args, { db: { type: 'string' } });
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        const s = core.vault.status();
        io.out(`ok: the vault opens (schema version ${s.schemaVersion})`);
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
  passwd: {
    usage: 'passwd --db PATH          change your own passphrase (AMPARO_USER; new one from AMPARO_NEW_PASSPHRASE or a prompt)',
    async run(args, io) {
      const { values } = parse(args, { db: { type: 'string' } });
      const dbPath = dbPathFrom(values, io);
      assertVaultAt(dbPath);
      const core = createCore({ dbPath, autoBackup: false });
      try {
        const current = await secretFrom(io, 'AMPARO_PASSPHRASE', 'Current passphrase: ');
        // Check the current one first, so nobody types a new passphrase twice for nothing.
        await unlockAsUser(core, io, current);
        core.vault.lock();
        const next = await newPassphrase(io, 'AMPARO_NEW_PASSPHRASE');
        await core.call('vault.changePassphrase', { ...cliUser(io), current, next });
        io.out('Passphrase changed. The recovery code still works.');
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
};

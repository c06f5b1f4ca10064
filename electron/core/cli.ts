/**
 * `npm run amparo -- <command>`: the same core as the app, from a terminal.
 * Exit codes: 0 ok, 2 bad usage, 3 wrong passphrase, 4 any other error.
 */
import { pathToFileURL } from 'node:url';
import { EXIT, UsageError, errorLine, exitCodeFor, processIO, type CliIO } from './cli/io';
import type { Command } from './cli/vault-commands';

type CommandTable = Record<string, Command>;

/**
 * Each group of commands is loaded only when one of its commands runs, so
 * `deadline` starts without SQLite, Argon2 or the PDF libraries (pdf-lib and
 * fontkit alone cost a quarter second at load). COMMAND_GROUP must name every
 * command of every group; a unit test checks it against the loaded tables.
 */
export const COMMAND_GROUPS = {
  vault: async (): Promise<CommandTable> => (await import('./cli/vault-commands')).vaultCommands,
  deadline: async (): Promise<CommandTable> => (await import('./cli/deadline-command')).deadlineCommands,
  intake: async (): Promise<CommandTable> => (await import('./cli/intake-commands')).intakeCommands,
  forms: async (): Promise<CommandTable> => (await import('./cli/forms-commands')).formCommands,
  docket: async (): Promise<CommandTable> => (await import('./cli/docket-command')).docketCommands,
  attorney: async (): Promise<CommandTable> => (await import('./cli/attorney-command')).attorneyCommands,
  reports: async (): Promise<CommandTable> => (await import('./cli/reports-commands')).reportCommands,
  backup: async (): Promise<CommandTable> => (await import('./cli/backup-commands')).backupCommands,
  exchange: async (): Promise<CommandTable> => (await import('./cli/exchange-commands')).exchangeCommands,
  users: async (): Promise<CommandTable> => (await import('./cli/user-commands')).userCommands,
  eoir: async (): Promise<CommandTable> => (await import('./cli/eoir-commands')).eoirCommands,
};

export const COMMAND_GROUP: Record<string, keyof typeof COMMAND_GROUPS> = {
  init: 'vault',
  'unlock-check': 'vault',
  passwd: 'vault',
  deadline: 'deadline',
  'import-intakes': 'intake',
  'check-duplicate': 'intake',
  search: 'intake',
  'export-csv': 'intake',
  fields: 'forms',
  fill: 'forms',
  docket: 'docket',
  attorney: 'attorney',
  report: 'reports',
  export: 'reports',
  backup: 'backup',
  'verify-backup': 'backup',
  restore: 'backup',
  clinic: 'exchange',
  exchange: 'exchange',
  conflicts: 'exchange',
  user: 'users',
  rekey: 'users',
  audit: 'users',
  'eoir-check': 'eoir',
  'eoir-due': 'eoir',
};

/** Every command, in the order `help` lists them (loads every group). */
export async function loadCommands(): Promise<CommandTable> {
  const tables = await Promise.all(Object.values(COMMAND_GROUPS).map((load) => load()));
  return Object.assign({}, ...tables) as CommandTable;
}

async function usage(): Promise<string> {
  const commands = await loadCommands();
  return ['Usage: npm run amparo -- <command> [options]', '', ...Object.values(commands).map((c) => '  ' + c.usage)].join('\n');
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await usage());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const group = Object.hasOwn(COMMAND_GROUP, name) ? COMMAND_GROUP[name] : undefined;
  const command = group ? (await COMMAND_GROUPS[group]())[name] : undefined;
  if (!command) {
    io.err(`Usage error: unknown command '${name}'. Run 'npm run amparo -- help'.`);
    return EXIT.USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(errorLine(e));
    if (e instanceof UsageError) io.err(`  ${command.usage}`);
    return exitCodeFor(e);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}

/**
 * `npm run amparo -- <command>`: the same core as the app, from a terminal.
 * Exit codes: 0 ok, 2 bad usage, 3 wrong passphrase, 4 any other error.
 */
import { pathToFileURL } from 'node:url';
import { EXIT, UsageError, errorLine, exitCodeFor, processIO, type CliIO } from './cli/io';
import { vaultCommands, type Command } from './cli/vault-commands';
import { deadlineCommands } from './cli/deadline-command';
import { intakeCommands } from './cli/intake-commands';
import { formCommands } from './cli/forms-commands';
import { docketCommands } from './cli/docket-command';
import { attorneyCommands } from './cli/attorney-command';

export const commands: Record<string, Command> = {
  ...vaultCommands,
  ...deadlineCommands,
  ...intakeCommands,
  ...formCommands,
  ...docketCommands,
  ...attorneyCommands,
};

function usage(): string {
  return ['Usage: npm run amparo -- <command> [options]', '', ...Object.values(commands).map((c) => '  ' + c.usage)].join('\n');
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const command = commands[name];
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
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}

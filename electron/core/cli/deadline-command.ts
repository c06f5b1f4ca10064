import { runDeadlineCommand, TPS_REREGISTRATION_RULE } from '../deadlines/command';
import type { Command } from './vault-commands';

/** `deadline …` needs no vault: the engine is pure, so paralegals can check a date anywhere. */
export const deadlineCommands: Record<string, Command> = {
  deadline: {
    usage:
      'deadline --rule ID --trigger YYYY-MM-DD [--mailed] [--days N] [--closure D]... [--stop FROM:TO]... [--json] | --rule tps-reregistration --country CODE | --list',
    async run(args, io) {
      // The TPS dataset (and its schema) loads only for the one rule that needs it.
      const tps = args.includes(TPS_REREGISTRATION_RULE) ? (await import('../deadlines/tps-window')).tpsWindow : undefined;
      const r = runDeadlineCommand(args, tps);
      if (r.stdout) io.out(r.stdout.replace(/\n$/, ''));
      if (r.stderr) io.err(r.stderr.replace(/\n$/, ''));
      return r.code;
    },
  },
};

/**
 * `attorney`: the clinic's attorney or accredited representative (G-28
 * Part 1 and 2), stored in the vault with the same operation as the app's
 * Forms settings (forms.setAttorney), so `fill --form g-28` fills the block.
 */
import { EXIT, UsageError, type CliIO } from './io';
import { dbPathFrom, openVault, parse, type Command } from './vault-commands';

const EXAMPLE =
  '{"givenName":"Ana","familyName":"Rivera","kind":"attorney","licensingAuthority":"State Bar of California","barNumber":"123456","subjectToOrders":false,"firm":"Clínica Amparo","address":{"street":"1 Main St","city":"San Diego","state":"CA","zip":"92101"},"phone":"619-555-0100","email":"ana@example.org"}';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--set-json is not valid JSON. Example: ${EXAMPLE}`);
  }
}

export const attorneyCommands: Record<string, Command> = {
  attorney: {
    usage:
      "attorney --db PATH [--set-json '{…}' | --clear] [--json]   show or set the attorney or representative that forms (G-28) are filled with",
    async run(args, io: CliIO) {
      const { values } = parse(args, {
        db: { type: 'string' },
        'set-json': { type: 'string' },
        clear: { type: 'boolean' },
        json: { type: 'boolean' },
      });
      if (values['set-json'] !== undefined && values.clear) throw new UsageError('give --set-json or --clear, not both');
      const next = values['set-json'] !== undefined ? parseJson(values['set-json']) : undefined;
      const core = await openVault(dbPathFrom(values, io), io);
      try {
        let settings = await core.call('forms.getAttorney', {});
        if (next !== undefined || values.clear) {
          const version = settings.version ?? undefined;
          // The same zod schema as the app (call parses the input): unknown keys and bad values are refused with their paths.
          settings = await core.call('forms.setAttorney', { attorney: values.clear ? null : next, ...(version ? { version } : {}) });
          io.err(values.clear ? 'The attorney details were removed.' : 'Saved the attorney details.');
        }
        if (values.json) io.out(JSON.stringify(settings.attorney, null, 2));
        else if (!settings.attorney) io.out(`No attorney or representative is set. Set one with --set-json '${EXAMPLE}'`);
        else {
          const a = settings.attorney;
          const who = [a.givenName, a.middleName, a.familyName].filter(Boolean).join(' ');
          io.out(`${a.kind === 'accredited-representative' ? 'Accredited representative' : 'Attorney'}: ${who}`);
          for (const [label, v] of [
            ['Licensing authority', a.licensingAuthority],
            ['Bar number', a.barNumber],
            ['Subject to orders (G-28 1.c)', a.subjectToOrders === undefined ? undefined : a.subjectToOrders ? 'yes' : 'no'],
            ['Firm', a.firm],
            ['Organization', a.organization],
            ['Email', a.email],
          ] as const) {
            if (v) io.out(`  ${label}: ${v}`);
          }
        }
        return EXIT.OK;
      } finally {
        core.close();
      }
    },
  },
};

/**
 * The clinic and its exchange from a terminal (issue 12): `clinic …`,
 * `exchange export|import`, `conflicts list`. Every command goes through the
 * core's operations, so the role policy and the audit trail apply as in the
 * app. A refused bundle exits 4 after the other files were imported.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files';
import { readFileText } from '../exchange/clinic';
import { EXIT, UsageError, type CliIO } from './io';
import { parse, withVault, type Command } from './vault-commands';

const writeOut = (file: string, text: string) => writeFileAtomic(resolve(file), text, { overwrite: false });

async function clinic(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const db = { type: 'string' } as const;
  switch (sub) {
    case 'init': {
      const { values } = parse(rest, { db });
      return withVault(values, io, async (core) => {
        const c = await core.call('clinic.init', {});
        io.out(`Clinic ${c.clinicId} set up; this vault is its lead (device ${c.deviceId}).`);
        io.out(`Clinic fingerprint: ${c.fingerprint}`);
        return EXIT.OK;
      });
    }
    case 'join-request': {
      const { values } = parse(rest, { db, out: { type: 'string' } });
      if (!values.out) throw new UsageError('--out FILE is required: where to write the join request');
      return withVault(values, io, async (core) => {
        const r = await core.call('clinic.joinRequest', {});
        writeOut(values.out!, r.request);
        io.out(resolve(values.out!));
        io.out(`Fingerprint (read it to the lead): ${r.fingerprint}`);
        return EXIT.OK;
      });
    }
    case 'approve': {
      const { values, positionals } = parse(
        rest,
        {
          db,
          out: { type: 'string' },
          field: { type: 'boolean' },
          expires: { type: 'string' },
          fingerprint: { type: 'string' },
          label: { type: 'string' },
        },
        true,
      );
      if (positionals.length !== 1) throw new UsageError('give exactly one join request file');
      if (!values.out) throw new UsageError('--out FILE is required: where to write the acceptance');
      const request = readFileText(resolve(positionals[0]!));
      return withVault(values, io, async (core) => {
        const seen = await core.call('clinic.inspectRequest', { request });
        // Without --fingerprint the digits are printed for the lead to compare, and the approval is what they typed or this.
        const fingerprint = values.fingerprint ?? seen.fingerprint;
        if (!values.fingerprint)
          io.err(
            `Fingerprint of the request: ${seen.fingerprint} (compare it with the device's screen; pass --fingerprint to have Amparo check it)`,
          );
        const a = await core.call('clinic.approve', {
          request,
          role: values.field ? 'field' : 'member',
          expires: values.expires ? new Date(values.expires).toISOString() : null,
          label: values.label ?? null,
          fingerprint,
        });
        writeOut(values.out!, a.acceptance);
        io.out(resolve(values.out!));
        io.out(`Approved device ${a.deviceId} as ${values.field ? 'field' : 'member'}.`);
        return EXIT.OK;
      });
    }
    case 'join': {
      const { values, positionals } = parse(rest, { db, fingerprint: { type: 'string' } }, true);
      if (positionals.length !== 1) throw new UsageError('give exactly one acceptance file');
      const acceptance = readFileText(resolve(positionals[0]!));
      return withVault(values, io, async (core) => {
        const c = await core.call('clinic.join', { acceptance, ...(values.fingerprint ? { fingerprint: values.fingerprint } : {}) });
        io.out(`Joined clinic ${c.clinicId} as ${c.role} (device ${c.deviceId}).`);
        io.out(`Clinic fingerprint: ${c.fingerprint}`);
        return EXIT.OK;
      });
    }
    case 'fingerprint': {
      const { values } = parse(rest, { db, request: { type: 'string' } });
      const request = values.request ? readFileText(resolve(values.request)) : null;
      return withVault(values, io, async (core) => {
        if (request) {
          io.out((await core.call('clinic.inspectRequest', { request })).fingerprint);
          return EXIT.OK;
        }
        const s = await core.call('clinic.status', {});
        if (s.clinic) {
          io.out(`Clinic fingerprint: ${s.clinic.fingerprint}`);
          io.out(`This device: ${s.clinic.deviceFingerprint}`);
        } else {
          io.out((await core.call('clinic.joinRequest', {})).fingerprint);
        }
        return EXIT.OK;
      });
    }
    case 'devices': {
      const { values } = parse(rest, { db, json: { type: 'boolean' } });
      return withVault(values, io, async (core) => {
        const list = await core.call('clinic.devices', {});
        if (values.json) io.out(JSON.stringify(list, null, 2));
        else
          for (const d of list) {
            const state = d.revokedAt ? `revoked ${d.revokedAt}` : d.expires ? `until ${d.expires}` : 'active';
            io.out([d.deviceId, d.role.padEnd(6), state, d.fingerprint, d.self ? '(this vault)' : ''].join('  ').trimEnd());
          }
        return EXIT.OK;
      });
    }
    case 'revoke': {
      const { values } = parse(rest, { db, device: { type: 'string' } });
      if (!values.device) throw new UsageError('--device ID is required');
      return withVault(values, io, async (core) => {
        const d = await core.call('clinic.revoke', { deviceId: values.device! });
        io.out(`Revoked device ${d.deviceId}: its bundles are refused from now on; a new clinic data key goes out with the next bundles.`);
        return EXIT.OK;
      });
    }
    default:
      throw new UsageError(`unknown clinic command '${sub ?? ''}'`);
  }
}

async function exchange(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') {
    const { values } = parse(rest, { db: { type: 'string' }, to: { type: 'string' }, for: { type: 'string' } });
    if (!values.to) throw new UsageError('--to DIR is required: the folder to write the bundle into');
    return withVault(values, io, async (core) => {
      const r = await core.call('exchange.export', { dir: resolve(values.to!), ...(values.for ? { peer: values.for } : {}) });
      io.out(r.file);
      return EXIT.OK;
    });
  }
  if (sub === 'import') {
    const { values, positionals } = parse(rest, { db: { type: 'string' } }, true);
    if (positionals.length === 0) throw new UsageError('give one or more bundle files or folders');
    return withVault(values, io, async (core) => {
      const r = await core.call('exchange.import', { paths: positionals.map((p) => resolve(p)) });
      io.out(
        `${r.changes} changes from ${r.devices} devices, ${r.conflicts} conflicts, ${r.duplicates} possible duplicates, ${r.intakes} field intakes (${r.files} files, ${r.replays} already imported)`,
      );
      for (const f of r.refused) io.err(`Refused ${f.file}: ${f.code}`);
      return r.refused.length > 0 ? EXIT.ERROR : EXIT.OK;
    });
  }
  throw new UsageError(`unknown exchange command '${sub ?? ''}'`);
}

export const exchangeCommands: Record<string, Command> = {
  clinic: {
    usage:
      'clinic init|join-request|approve|join|fingerprint|devices|revoke --db PATH …   set up a clinic, enrol or revoke devices (see README: Clinic exchange)',
    run: clinic,
  },
  exchange: {
    usage:
      'exchange export --db PATH --to DIR | exchange import --db PATH FILE_OR_DIR…   write a signed encrypted bundle | apply bundles (exit 4 if one is refused)',
    run: exchange,
  },
  conflicts: {
    usage: 'conflicts list --db PATH [--json]     fields two devices changed at once, to review',
    async run(args, io) {
      if (args[0] !== 'list') throw new UsageError(`unknown conflicts command '${args[0] ?? ''}'`);
      const { values } = parse(args.slice(1), { db: { type: 'string' }, json: { type: 'boolean' } });
      return withVault(values, io, async (core) => {
        const list = await core.call('conflicts.list', {});
        if (values.json) io.out(JSON.stringify(list, null, 2));
        else if (list.length === 0) io.out('No conflicts to review.');
        else for (const c of list) io.out([c.id, c.entity, c.rowId, c.field].join('  '));
        return EXIT.OK;
      });
    },
  },
};

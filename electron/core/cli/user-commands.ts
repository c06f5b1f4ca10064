/**
 * user add|list|remove, rekey, audit list|verify (issue 10). Each runs as
 * AMPARO_USER under their role: the core refuses what the role may not do
 * (exit 5).
 */
import { AppError } from '../../../shared/errors';
import { ROLES, type Role } from '../../../shared/users';
import { EXIT, UsageError, type CliIO } from './io';
import { newPassphrase, parse, withVault, type Command } from './vault-commands';

/** YYYY-MM-DDTHH:MM is local time, as people type it. */
function expiryFrom(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) || Number.isNaN(new Date(text).getTime())) {
    throw new UsageError('--expires takes YYYY-MM-DDTHH:MM (local time)');
  }
  return new Date(text).toISOString();
}

async function userCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') {
    const { values } = parse(rest, {
      db: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      'display-name': { type: 'string' },
    });
    if (!values.name) throw new UsageError('user add needs --name NAME');
    if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role is one of ${ROLES.join(', ')}`);
    const expiresAt = expiryFrom(values.expires);
    return withVault(values, io, async (core) => {
      // Checked before asking for their passphrase: a paralegal is refused at once.
      if (core.vault.user.role !== 'lead') throw new AppError('FORBIDDEN', 'Only a lead can add users.');
      const passphrase = await newPassphrase(io, 'AMPARO_NEW_PASSPHRASE');
      const u = await core.call('users.add', {
        name: values.name!,
        role: values.role as Role,
        passphrase,
        ...(values['display-name'] ? { displayName: values['display-name'] } : {}),
        ...(expiresAt ? { expiresAt } : {}),
      });
      io.out(`Added ${u.name} (${u.role}${u.expiresAt ? `, expires ${u.expiresAt}` : ''}).`);
      return EXIT.OK;
    });
  }
  if (sub === 'list') {
    const { values } = parse(rest, { db: { type: 'string' }, json: { type: 'boolean' } });
    return withVault(values, io, async (core) => {
      const users = await core.call('users.list', {});
      if (values.json) io.out(JSON.stringify(users, null, 2));
      else
        for (const u of users) io.out(`${u.name}\t${u.role}\t${u.expiresAt ?? 'never'}${u.expired ? ' (expired)' : ''}\t${u.displayName}`);
      return EXIT.OK;
    });
  }
  if (sub === 'remove') {
    const { values } = parse(rest, { db: { type: 'string' }, name: { type: 'string' } });
    if (!values.name) throw new UsageError('user remove needs --name NAME');
    return withVault(values, io, async (core) => {
      await core.call('users.remove', { name: values.name! });
      io.out(`Removed ${values.name}. Run \`rekey\` now: an old copy of the key file still opens with their passphrase until you do.`);
      return EXIT.OK;
    });
  }
  throw new UsageError('user add|list|remove');
}

async function auditCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values } = parse(rest, { db: { type: 'string' }, person: { type: 'string' }, json: { type: 'boolean' } });
    return withVault(values, io, async (core) => {
      const page = await core.call('audit.list', { ...(values.person ? { personId: values.person } : {}), limit: 1000 });
      if (values.json) io.out(JSON.stringify(page.rows, null, 2));
      else
        for (const e of page.rows)
          io.out(`${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${e.entityId ?? ''}${e.detail ? `\t${JSON.stringify(e.detail)}` : ''}`);
      return EXIT.OK;
    });
  }
  if (sub === 'verify') {
    const { values } = parse(rest, { db: { type: 'string' } });
    return withVault(values, io, async (core) => {
      const r = await core.call('audit.verify', {});
      if (r.ok) {
        io.out(`ok: the audit trail holds (${r.entries} entries)`);
        return EXIT.OK;
      }
      const b = r.firstBroken!;
      io.err(`The audit trail is broken at entry ${b.seq ?? b.id ?? '?'} (${b.reason}).`);
      return EXIT.ERROR;
    });
  }
  throw new UsageError('audit list|verify');
}

export const userCommands: Record<string, Command> = {
  user: {
    usage:
      'user add --db PATH --name NAME --role ROLE [--expires YYYY-MM-DDTHH:MM] | user list [--json] | user remove --name NAME   (leads; new passphrase from AMPARO_NEW_PASSPHRASE)',
    run: userCommand,
  },
  rekey: {
    usage: 'rekey --db PATH           a new database key for every remaining user, and a new recovery code (leads)',
    async run(args, io) {
      const { values } = parse(args, { db: { type: 'string' } });
      return withVault(values, io, async (core) => {
        const { recoveryCode } = await core.call('vault.rekey', {});
        io.out('The vault has a new key. Old copies of the key file no longer open it.');
        io.out('');
        io.out(`New recovery code: ${recoveryCode}`);
        io.out('Write it down and keep it apart from this computer; the old code no longer works.');
        return EXIT.OK;
      });
    },
  },
  audit: {
    usage:
      'audit list --db PATH [--person ID] [--json] | audit verify --db PATH   the trail; verify exits 4 at the first broken entry (leads)',
    run: auditCommand,
  },
};

import { AppError } from '../../../shared/errors';
import type { SessionView, UserView } from '../../../shared/users';
import type { Ctx } from '../context';
import type { FeatureHandlers } from '../handlers';
import { auditedKeyChange } from '../audit/service';
import type { SlotUser, Vault } from '../vault/vault';
import { allowedOps } from './policy';

export function userView(u: SlotUser, now: Date): UserView {
  return { ...u, expired: u.expiresAt !== null && Date.parse(u.expiresAt) <= now.getTime() };
}

/** users.*: the slots live in the key file (vault.ts); each change is an audit entry naming the user, never a passphrase. */
export function userHandlers(vault: Vault, ctx: () => Ctx, clock: () => Date): FeatureHandlers<'users'> {
  return {
    'users.me': (): SessionView => ({ user: userView(vault.user, clock()), allowed: allowedOps(vault.user.role) }),
    'users.list': () => vault.listUsers().map((u) => userView(u, clock())),
    // Expired accounts stay listed: a case may still be theirs until someone reassigns it.
    'users.assignable': () => vault.listUsers().map((u) => ({ name: u.name, displayName: u.displayName })),
    'users.add': async ({ name, displayName, role, expiresAt, passphrase }) => {
      const user: SlotUser = {
        name,
        displayName: displayName || name,
        role,
        expiresAt: expiresAt ?? null,
        createdAt: clock().toISOString(),
      };
      const detail = { role, ...(user.expiresAt ? { expiresAt: user.expiresAt } : {}) };
      await auditedKeyChange(ctx(), 'users.add', 'user', name, () => vault.addUser(user, passphrase), detail);
      return userView(user, clock());
    },
    'users.update': async ({ name, displayName, role, expiresAt }) => {
      const patch = {
        ...(displayName !== undefined ? { displayName } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
      };
      const user = await auditedKeyChange(ctx(), 'users.update', 'user', name, () => vault.updateUser(name, patch), {
        fields: Object.keys(patch),
      });
      return userView(user, clock());
    },
    'users.remove': async ({ name }) => {
      await auditedKeyChange(ctx(), 'users.remove', 'user', name, () => vault.removeUser(name));
      return { removed: true as const };
    },
    'users.resetPassphrase': async ({ name, passphrase }) => {
      const user = vault.listUsers().find((u) => u.name === name);
      if (!user) throw new AppError('NOT_FOUND', 'There is no user with that name.');
      await auditedKeyChange(ctx(), 'users.resetPassphrase', 'user', name, () => vault.replaceUserSlot(user, passphrase));
      return { changed: true as const };
    },
  };
}

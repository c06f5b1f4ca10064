/**
 * Who is unlocked, for the screens that hide what their role cannot do
 * (visibility.ts). Read once per unlock from vault.status through the query
 * cache, which Lock empties, so the next person starts from their own session.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { OpName, VaultStatus } from '../../shared/contract';
import { useCoreQuery } from './query';
import { roleCan } from './visibility';

export type SessionUser = NonNullable<VaultStatus['user']>;

const SessionContext = createContext<SessionUser | null>(null);

/** Renders its children once the unlocked user is known (a local read: no visible wait). */
export function SessionProvider({ children }: { children: ReactNode }) {
  // Asked again at every unlock (the unlock screen's cached answer is the locked one), then kept for the session.
  const status = useCoreQuery('vault.status', {}, { staleTime: Infinity, refetchOnMount: 'always' });
  const user = status.data?.user;
  if (!user) return null;
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export interface Session {
  user: SessionUser | null;
  /** May this user's role call `op`? (Outside a session: no.) */
  can(op: OpName): boolean;
}

export function useSession(): Session {
  const user = useContext(SessionContext);
  return { user, can: (op) => user !== null && roleCan(user.role, op) };
}

/** Its children only for a role that may call `op` (visibility.ts): a panel or button the role could not use is not shown. */
export function IfCan({ op, children }: { op: OpName; children: ReactNode }) {
  return useSession().can(op) ? <>{children}</> : null;
}

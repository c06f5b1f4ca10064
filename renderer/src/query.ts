/**
 * The renderer's reads go through one query cache (TanStack Query) instead of
 * a `useEffect` + `call` + "still mounted?" flag in every component.
 *
 * - A query's key is `[op, input]`: one cache entry per contract read and its input.
 * - A write says which reads it changed, by contract domain (the part of the
 *   op name before the dot, e.g. `people` for `people.get`), and those are
 *   refetched. Reads are local and cheap, so a write that is unsure names more.
 * - Lock empties the cache (`clearCoreCache`): nothing a client said may stay in
 *   the window's memory once the vault is locked.
 * - Errors are the core's coded ErrorInfo, wrapped in CoreQueryError, so a
 *   component shows `errorKey(error.info)` exactly as before.
 */
import { QueryClient, useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import { call } from './api';
import type { OpInput, OpName, OpOutput } from '../../shared/contract';
import type { ErrorInfo, Result } from '../../shared/errors';

export class CoreQueryError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'CoreQueryError';
    this.info = info;
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The core is a local process: a failed read is an answer (LOCKED, FORBIDDEN), not a flaky network.
      retry: false,
      // No window-focus or reconnect refetches: there is no server, and a refetch mid-edit surprises people.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Short memory for data nobody shows: client records should not linger in the window.
      gcTime: 30_000,
    },
    mutations: { retry: false },
  },
});

/** Empties every cached read. Called on lock, before the unlock screen shows. */
export function clearCoreCache(): void {
  queryClient.clear();
}

/** The cache key of one contract read. */
export function coreKey<K extends OpName>(op: K, input?: OpInput<K>): readonly unknown[] {
  return input === undefined ? [op] : [op, input];
}

async function unwrap<T>(promise: Promise<Result<T>>): Promise<T> {
  const res = await promise;
  if (!res.ok) throw new CoreQueryError(res.error);
  return res.value;
}

type CoreQueryOptions<K extends OpName> = Omit<
  UseQueryOptions<OpOutput<K>, CoreQueryError, OpOutput<K>, readonly unknown[]>,
  'queryKey' | 'queryFn'
>;

/** A cached contract read: `const q = useCoreQuery('people.get', { id })`. */
export function useCoreQuery<K extends OpName>(op: K, input: OpInput<K>, options?: CoreQueryOptions<K>) {
  return useQuery<OpOutput<K>, CoreQueryError, OpOutput<K>, readonly unknown[]>({
    queryKey: coreKey(op, input),
    queryFn: () => unwrap(call(op, input)),
    ...options,
  });
}

/** Contract domains: the part of an op name before its first dot. */
export type CoreDomain = OpName extends `${infer D}.${string}` ? D : never;

/** Refetches every cached read of the given domains (all of them for 'all'). */
export function invalidateCore(domains: readonly CoreDomain[] | 'all'): Promise<void> {
  if (domains === 'all') return queryClient.invalidateQueries();
  return queryClient.invalidateQueries({
    predicate: (q) => {
      const op = q.queryKey[0];
      return typeof op === 'string' && domains.some((d) => op.startsWith(`${d}.`));
    },
  });
}

type CoreMutationOptions<K extends OpName> = Omit<UseMutationOptions<OpOutput<K>, CoreQueryError, OpInput<K>>, 'mutationFn'> & {
  /** The domains whose reads this write changes. Required: every write says what it changed. */
  invalidates: readonly CoreDomain[] | 'all';
};

/**
 * A contract write. On success it refetches the reads it names before
 * `onSuccess` runs, so the screen a person returns to is already current.
 */
export function useCoreMutation<K extends OpName>(op: K, { invalidates, onSuccess, ...options }: CoreMutationOptions<K>) {
  return useMutation<OpOutput<K>, CoreQueryError, OpInput<K>>({
    mutationFn: (input) => unwrap(call(op, input)),
    ...options,
    onSuccess: async (...args) => {
      await invalidateCore(invalidates);
      await onSuccess?.(...args);
    },
  });
}

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

/** The options `useCoreQuery` hands TanStack Query (exported so a test can drive them with a QueryObserver). */
export function coreQueryOptions<K extends OpName>(op: K, input: OpInput<K>, options?: CoreQueryOptions<K>) {
  return {
    queryKey: coreKey(op, input),
    queryFn: () => unwrap(call(op, input)),
    ...options,
  } satisfies UseQueryOptions<OpOutput<K>, CoreQueryError, OpOutput<K>, readonly unknown[]>;
}

/** A cached contract read: `const q = useCoreQuery('people.get', { id })`. */
export function useCoreQuery<K extends OpName>(op: K, input: OpInput<K>, options?: CoreQueryOptions<K>) {
  return useQuery<OpOutput<K>, CoreQueryError, OpOutput<K>, readonly unknown[]>(coreQueryOptions(op, input, options));
}

/** Puts a write's answer (the record as saved) into the read of the same record, so it shows without waiting for a refetch. */
export function setCoreData<K extends OpName>(op: K, input: OpInput<K>, value: OpOutput<K>): void {
  queryClient.setQueryData(coreKey(op, input), value);
}

/** The coded error of a read or write, or null: what components hand to `errorKey`. */
export function coreErrorCode(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  return error instanceof CoreQueryError ? error.info.code : 'INTERNAL';
}

/** Contract domains: the part of an op name before its first dot. */
export type CoreDomain = OpName extends `${infer D}.${string}` ? D : never;

/**
 * Reads that show a person's or a case's data: names, A-numbers, detention,
 * hearings, deadlines and the counts built from them. A write to a person or
 * a case changes what all of these show, so it names this group.
 */
export const CASE_READS = [
  'people',
  'cases',
  'events',
  'deadlines',
  'docket',
  'reminders',
  'reports',
  'tps',
  'forms',
  'audit',
] as const satisfies readonly CoreDomain[];

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
export function useCoreMutation<K extends OpName>(op: K, options: CoreMutationOptions<K>) {
  return useMutation<OpOutput<K>, CoreQueryError, OpInput<K>>(coreMutationOptions(op, options));
}

/** The options `useCoreMutation` hands TanStack Query (exported so a test can drive them with a MutationObserver). */
export function coreMutationOptions<K extends OpName>(op: K, { invalidates, onSuccess, ...options }: CoreMutationOptions<K>) {
  return {
    mutationFn: (input: OpInput<K>) => unwrap(call(op, input)),
    ...options,
    onSuccess: async (...args: Parameters<NonNullable<UseMutationOptions<OpOutput<K>, CoreQueryError, OpInput<K>>['onSuccess']>>) => {
      await invalidateCore(invalidates);
      await onSuccess?.(...args);
    },
  } satisfies UseMutationOptions<OpOutput<K>, CoreQueryError, OpInput<K>>;
}

/** A write that keeps its own flow (a save dialog, a job): call it, and refetch what it changed when it succeeded. */
export async function callAndInvalidate<K extends OpName>(
  op: K,
  input: OpInput<K>,
  invalidates: readonly CoreDomain[] | 'all',
): Promise<Result<OpOutput<K>>> {
  const res = await call(op, input);
  if (res.ok) await invalidateCore(invalidates);
  return res;
}

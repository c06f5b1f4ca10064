/**
 * The renderer's query cache contract (renderer/src/query.ts), over a real
 * core on a fresh encrypted vault on disk. Only the Electron preload's
 * `window.amparo` is stood in for: it hands each call to the core in this
 * process, and counts them. The hooks are thin wrappers over
 * coreQueryOptions / coreMutationOptions; the test drives exactly those
 * through TanStack's observers (what useQuery / useMutation run), with no DOM.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MutationObserver, QueryObserver } from '@tanstack/react-query';
import type { Core } from '../../../electron/core/app';
import { freshCore } from '../../helpers/env';
import type { AmparoBridge } from '../../../renderer/src/api';
import {
  clearCoreCache,
  coreErrorCode,
  coreKey,
  coreMutationOptions,
  coreQueryOptions,
  CoreQueryError,
  queryClient,
} from '../../../renderer/src/query';
import type { TrainingView } from '../../../shared/views';

let core: Core;
let cleanup: () => void;
const calls = new Map<string, number>();
const count = (op: string) => calls.get(op) ?? 0;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  const bridge: AmparoBridge = {
    call: (name, input) => {
      calls.set(name, count(name) + 1);
      // dispatch is what the preload's IPC reaches: a Result, never a throw.
      return core.dispatch(name, input);
    },
  };
  vi.stubGlobal('window', { amparo: bridge });
});
afterAll(() => {
  clearCoreCache();
  vi.unstubAllGlobals();
  cleanup();
});
beforeEach(() => clearCoreCache());

/** An active read, as a mounted component holds it; resolves once it has an answer. */
async function watch<T>(observer: QueryObserver<T, CoreQueryError, T, T, readonly unknown[]>): Promise<() => void> {
  const unsubscribe = observer.subscribe(() => {});
  await expect.poll(() => observer.getCurrentResult().status).not.toBe('pending');
  return unsubscribe;
}

describe('renderer query cache', () => {
  it('a write through coreMutationOptions refetches the reads of the domains it names, before its onSuccess, and no others', async () => {
    const trainings = new QueryObserver(queryClient, coreQueryOptions('reports.trainings', {}));
    const people = new QueryObserver(queryClient, coreQueryOptions('people.list', { limit: 5 }));
    const stop = [await watch(trainings), await watch(people)];
    expect(trainings.getCurrentResult().data).toEqual([]);
    const before = { trainings: count('reports.trainings'), people: count('people.list') };

    let seenInOnSuccess: TrainingView[] | undefined;
    const add = new MutationObserver(
      queryClient,
      coreMutationOptions('reports.addTraining', {
        invalidates: ['reports'],
        onSuccess: () => {
          seenInOnSuccess = queryClient.getQueryData<TrainingView[]>(coreKey('reports.trainings', {}));
        },
      }),
    );
    const added = await add.mutate({ date: '2026-02-28', place: 'Iglesia San Juan' });

    // The dependent read was fetched again and holds the new row by the time onSuccess ran.
    expect(count('reports.trainings')).toBe(before.trainings + 1);
    expect(seenInOnSuccess?.map((x) => x.id)).toEqual([added.id]);
    expect(trainings.getCurrentResult().data?.map((x) => x.place)).toEqual(['Iglesia San Juan']);
    // A read of a domain the write did not name was left alone.
    expect(count('people.list')).toBe(before.people);
    expect(people.getCurrentResult().isStale).toBe(true);
    stop.forEach((s) => s());
  });

  it('a read of the same op and input is one cache entry; another input is another', async () => {
    const a = new QueryObserver(queryClient, coreQueryOptions('people.list', { limit: 5 }));
    const b = new QueryObserver(queryClient, coreQueryOptions('people.list', { limit: 5 }));
    const c = new QueryObserver(queryClient, coreQueryOptions('people.list', { limit: 6 }));
    const stop = [await watch(a), await watch(b), await watch(c)];
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => JSON.stringify(q.queryKey));
    expect(keys.sort()).toEqual([JSON.stringify(['people.list', { limit: 5 }]), JSON.stringify(['people.list', { limit: 6 }])]);
    stop.forEach((s) => s());
  });

  it('clearCoreCache (on lock) leaves no cached read, data or error', async () => {
    const trainings = new QueryObserver(queryClient, coreQueryOptions('reports.trainings', {}));
    const stop = await watch(trainings);
    await queryClient.fetchQuery(coreQueryOptions('people.list', { limit: 5 }));
    expect(queryClient.getQueryCache().getAll().length).toBe(2);
    stop();

    expect((await core.dispatch('vault.lock', {})).ok).toBe(true);
    clearCoreCache();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    expect(queryClient.getQueryData(coreKey('reports.trainings', {}))).toBeUndefined();
    expect(queryClient.getMutationCache().getAll()).toEqual([]);
  });

  it("a coded core error surfaces as CoreQueryError carrying the core's ErrorInfo", async () => {
    // Locked (by the test above, or now): the core refuses every read with its code.
    await core.dispatch('vault.lock', {});
    const error = await queryClient.fetchQuery(coreQueryOptions('people.list', { limit: 5 })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreQueryError);
    const info = (error as CoreQueryError).info;
    expect(info.code).toBe('VAULT_LOCKED');
    expect(info.message).toMatch(/lock/i);
    expect(coreErrorCode(error)).toBe('VAULT_LOCKED');
    // A failed read is an answer, not a flaky network: asked once, not retried.
    const before = count('people.list');
    const observer = new QueryObserver(queryClient, coreQueryOptions('people.list', { limit: 7 }));
    const stop = observer.subscribe(() => {});
    await expect.poll(() => observer.getCurrentResult().status).toBe('error');
    expect(count('people.list')).toBe(before + 1);
    expect(observer.getCurrentResult().error?.info.code).toBe('VAULT_LOCKED');
    stop();
  });
});

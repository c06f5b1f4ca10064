/**
 * The person search of the header and the family-link picker: what it shows
 * as text is typed and answers come. `rememberAnswer` is the pure step the
 * hook runs on every render; the cache half is TanStack Query keyed by the
 * settled text, driven here through a QueryObserver with answers that come
 * back out of order (the Electron bridge is the one part stubbed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { rememberAnswer, type Answer, type Remembered } from '../../../renderer/src/features/people/personSearch';
import { coreKey, queryClient } from '../../../renderer/src/query';
import { call, type AmparoBridge } from '../../../renderer/src/api';
import type { PersonSummary } from '../../../shared/views';

const person = (id: string, givenName: string): PersonSummary =>
  ({ id, givenName, familyName: 'Núñez', aNumber: null, dob: null, detained: false }) as unknown as PersonSummary;
const ana = person('p1', 'Ana');
const mario = person('p2', 'Mario');
const marta = person('p3', 'Marta');

describe('rememberAnswer', () => {
  const step = (last: Remembered | null, q: string, settled: string, answered: Answer | undefined, exclude?: string) =>
    rememberAnswer(last, { q, settled, answered, exclude, limit: 2 });

  it('shows the answer to the settled text, then keeps it while the next text is on its way', () => {
    const first = step(null, 'ma', 'ma', [mario, marta]);
    expect(first?.shown).toEqual({ q: 'ma', rows: [mario, marta], found: 2 });
    // "mar" typed, not yet settled or answered: the same object, nothing to re-render.
    expect(step(first, 'mar', 'ma', first!.answer)).toBe(first);
    expect(step(first, 'mar', 'mar', undefined)).toBe(first);
    const second = step(first, 'mar', 'mar', [mario]);
    expect(second?.shown).toEqual({ q: 'mar', rows: [mario], found: 1 });
  });

  it('shows nothing for an empty box, and nothing old after it is emptied', () => {
    const first = step(null, 'ma', 'ma', [mario]);
    expect(step(first, '', 'ma', first!.answer)).toBeNull();
    // Typed again: until "x" is answered there is nothing to show (the hook settles '' at once).
    expect(step(null, 'x', '', undefined)).toBeNull();
  });

  it('leaves out the record being edited and keeps to the limit', () => {
    expect(step(null, 'a', 'a', [ana, mario, marta], 'p2')?.shown.rows).toEqual([ana, marta]);
    expect(step(null, 'a', 'a', [ana, mario, marta])?.shown.rows).toEqual([ana, mario]);
  });

  it('counts every row the core returned (up to what was asked), beyond the rows shown', () => {
    expect(step(null, 'a', 'a', [ana, mario, marta])?.shown.found).toBe(3);
    expect(step(null, 'a', 'a', [ana, mario, marta], 'p2')?.shown.found).toBe(2);
  });

  it('takes a counted page (people.searchPage) as the core counted it, less the record left out', () => {
    // The header search shows 8 and says "more than 200" from the core's count, not from 201 summaries (issue 17).
    const page = { rows: [ana, mario], found: 201 };
    expect(step(null, 'a', 'a', page)?.shown).toEqual({ q: 'a', rows: [ana, mario], found: 201 });
    expect(step(null, 'a', 'a', page, 'p1')?.shown).toEqual({ q: 'a', rows: [mario], found: 200 });
    // The same page object again is the same answer: nothing to re-render.
    const first = step(null, 'a', 'a', page);
    expect(step(first, 'a', 'a', page)).toBe(first);
  });
});

/** What useCoreQuery hands TanStack Query for one search: the contract key and a call through the bridge. */
const searchOptions = (query: string) => ({
  queryKey: coreKey('people.search', { query, limit: 8 }),
  queryFn: async () => {
    const res = await call('people.search', { query, limit: 8 });
    if (!res.ok) throw new Error(res.error.code);
    return res.value;
  },
});

describe('the search cache', () => {
  let pending: Array<{ query: string; resolve(rows: PersonSummary[]): void }>;
  beforeEach(() => {
    pending = [];
    const bridge: AmparoBridge = {
      call: (name, input) =>
        new Promise((resolve) => {
          expect(name).toBe('people.search');
          pending.push({ query: (input as { query: string }).query, resolve: (rows) => resolve({ ok: true, value: rows }) });
        }),
    };
    vi.stubGlobal('window', { amparo: bridge });
  });
  afterEach(() => {
    queryClient.clear();
    vi.unstubAllGlobals();
  });

  it('a late answer to older text never becomes the answer to newer text', async () => {
    const observer = new QueryObserver(queryClient, searchOptions('ma'));
    const seen: unknown[] = [];
    const unsubscribe = observer.subscribe((r) => seen.push(r.data));
    observer.setOptions(searchOptions('mar'));
    await vi.waitFor(() => expect(pending.map((p) => p.query)).toEqual(['ma', 'mar']));
    // "mar" is answered first, then the slow "ma".
    pending[1]!.resolve([mario]);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual([mario]));
    pending[0]!.resolve([mario, marta]);
    await vi.waitFor(() => expect(queryClient.getQueryData(coreKey('people.search', { query: 'ma', limit: 8 }))).toEqual([mario, marta]));
    expect(observer.getCurrentResult().data).toEqual([mario]);
    // Nothing but the "mar" answer was ever handed to the screen.
    expect(seen.filter((d) => d !== undefined)).toEqual(seen.filter((d) => d !== undefined).map(() => [mario]));
    unsubscribe();
  });
});

/**
 * Nothing typed is lost: the form is saved as a draft inside the encrypted
 * vault (`drafts.save`) a couple of seconds after each change and whenever a
 * field loses focus. Never localStorage, sessionStorage or a file.
 *
 * Saves are serialized (one in flight at a time) so the first save's new id
 * is known before the next one, and `pause()` waits for the one in flight so a
 * final save can never re-create a draft that `intake.create*` just discarded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { call } from '../../api';

/** At most this often while typing; the brief's promise is "at most 5 s lost". */
export const AUTOSAVE_INTERVAL_MS = 2000;

export type DraftKind = 'quick' | 'full' | 'person-edit';

export interface DraftStatus {
  /** When the vault last confirmed a save (UTC ISO), or null. */
  savedAt: string | null;
  failed: boolean;
}

/** Flushers of every mounted autosaving form: Lock awaits them before the vault closes. */
const flushers = new Set<() => Promise<void>>();

/** Saves every form with unsaved typing, within `timeoutMs`. Used by Lock. */
export async function flushAllDrafts(timeoutMs = 1500): Promise<void> {
  const all = Promise.all([...flushers].map((f) => f().catch(() => undefined)));
  await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
}

export interface Autosave extends DraftStatus {
  draftId: string | null;
  /** Saves now if anything changed since the last save. */
  flush(): Promise<void>;
  /** Stops saving (e.g. while the record itself is being saved) and waits for the save in flight. */
  pause(): Promise<void>;
  resume(): void;
  /** Starts over: a new draft on the next change (after a record was saved or a new intake begun). */
  restart(draftId?: string | null, savedAt?: string | null): void;
  /** Something outside the form's fields changed (e.g. a duplicate decision). */
  markDirty(): void;
  /** The draft's id right now (after an awaited flush, before any re-render). */
  currentId(): string | null;
}

export function useDraftAutosave<T extends FieldValues>(opts: {
  form: Pick<UseFormReturn<T>, 'watch' | 'getValues'>;
  kind: DraftKind;
  /** What to store; called at save time. Return null to skip (nothing worth keeping yet). */
  serialize(values: T): unknown | null;
  enabled?: boolean;
  /** A resumed draft: keep saving into it. */
  initial?: { draftId: string | null; savedAt: string | null };
}): Autosave {
  const { form, kind, enabled = true } = opts;
  const serialize = useRef(opts.serialize);
  const kindRef = useRef(kind);
  useEffect(() => {
    serialize.current = opts.serialize;
    kindRef.current = kind;
  });

  const draftId = useRef<string | null>(opts.initial?.draftId ?? null);
  const dirty = useRef(false);
  const paused = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const [status, setStatus] = useState<DraftStatus & { draftId: string | null }>(() => ({
    savedAt: opts.initial?.savedAt ?? null,
    failed: false,
    draftId: opts.initial?.draftId ?? null,
  }));

  const saveNow = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current || paused.current) return;
    const data = serialize.current(form.getValues());
    dirty.current = false;
    if (data === null) return;
    const run = (async () => {
      const res = await call('drafts.save', { ...(draftId.current ? { id: draftId.current } : {}), kind: kindRef.current, data });
      if (res.ok) {
        draftId.current = res.value.id;
        setStatus({ savedAt: res.value.updatedAt, failed: false, draftId: res.value.id });
      } else {
        dirty.current = true; // try again on the next tick
        setStatus((s) => ({ ...s, failed: true }));
      }
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      if (inFlight.current === run) inFlight.current = null;
    }
  }, [form]);

  // Any user change marks the form dirty (reset() passes no field name and is not a change).
  useEffect(() => {
    const sub = form.watch((_values, info) => {
      if (info.name !== undefined) dirty.current = true;
    });
    return () => sub.unsubscribe();
  }, [form]);

  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => void saveNow(), AUTOSAVE_INTERVAL_MS);
    flushers.add(saveNow);
    return () => {
      window.clearInterval(timer);
      flushers.delete(saveNow);
    };
  }, [enabled, saveNow]);

  const pause = useCallback(async () => {
    paused.current = true;
    if (inFlight.current) await inFlight.current;
  }, []);
  const resume = useCallback(() => {
    paused.current = false;
  }, []);
  const restart = useCallback((id: string | null = null, savedAt: string | null = null) => {
    draftId.current = id;
    dirty.current = false;
    paused.current = false;
    setStatus({ savedAt, failed: false, draftId: id });
  }, []);

  const markDirty = useCallback(() => {
    dirty.current = true;
  }, []);

  const currentId = useCallback(() => draftId.current, []);

  return { ...status, flush: saveNow, pause, resume, restart, markDirty, currentId };
}

/** "14:03:27" in this computer's local time. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Moves focus to the element once when a screen appears (headings get tabIndex -1). */
export function useFocusOnMount<T extends HTMLElement>(enabled = true, deps: unknown[] = []) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

/**
 * Focus for an element that the state update being made right now will render
 * or enable. Call the returned function in the same handler as the setState
 * calls: the request is itself state, so React commits it in the same render,
 * and the layout effect focuses after that commit (the DOM is final, `disabled`
 * is already off) and before paint. A frame timer instead can run before React
 * commits and focus the old, still disabled element, which silently fails.
 */
export function useFocusAfterCommit(): (find: () => HTMLElement | null | undefined) => void {
  const [request, setRequest] = useState<{ find: () => HTMLElement | null | undefined } | null>(null);
  useLayoutEffect(() => {
    request?.find()?.focus();
  }, [request]);
  return useCallback((find) => setRequest({ find }), []);
}

/** `value` once it has stopped changing for `ms`: a search waits for the typing to pause. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Keeps the window title in step with the screen, for screen readers and the taskbar. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** Fifteen quiet minutes lock the vault: a laptop left open at a training must not stay readable. */
export const IDLE_LOCK_MS = 15 * 60 * 1000;

/**
 * Calls `onIdle` once after `ms` without keyboard, pointer or wheel activity.
 * Tests run the shipped 15 minutes on a fake page clock (tests/e2e/idle-lock.e2e.ts),
 * so nothing in a URL or build can change how long the vault stays open.
 */
export function useIdleLock(enabled: boolean, onIdle: () => void, ms = IDLE_LOCK_MS) {
  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(onIdle, ms);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, ms);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [enabled, onIdle, ms]);
}

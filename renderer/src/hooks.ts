import { useEffect, useRef } from 'react';

/** Moves focus to the element once when a screen appears (headings get tabIndex -1). */
export function useFocusOnMount<T extends HTMLElement>(enabled = true, deps: unknown[] = []) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
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
 * `ms` can be shortened for tests with `?idleLockMs=` in the harness URL.
 */
export function useIdleLock(enabled: boolean, onIdle: () => void, ms = idleLockMs()) {
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

function idleLockMs(): number {
  const v = Number(new URLSearchParams(window.location.search).get('idleLockMs'));
  // Only ever shorter: a URL must not be able to keep the vault open longer.
  return Number.isFinite(v) && v >= 1000 && v < IDLE_LOCK_MS ? v : IDLE_LOCK_MS;
}

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

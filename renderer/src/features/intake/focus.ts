/**
 * Moves focus to an element that a state update is about to render. After an
 * `await`, React renders on its own schedule, so a bare setTimeout(0) can run
 * before the element exists; this retries on the next frames until it does.
 */
export function focusWhenReady(find: () => HTMLElement | null | undefined, frames = 30): void {
  const attempt = (left: number) => {
    const el = find();
    if (el && (el.offsetParent !== null || el === document.body)) {
      el.focus();
      // A still-disabled element (React has not committed yet) refuses focus: try again next frame.
      if (document.activeElement === el || left === 0) return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}

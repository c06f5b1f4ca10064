import type { KeyboardEvent } from 'react';

/**
 * Up/Down arrows move between the row buttons of a deadline table (and
 * Home/End to the first and last), so a long docket can be walked without
 * tabbing through every cell. Tab still works as usual.
 */
export function moveRowFocus(e: KeyboardEvent<HTMLElement>, root?: HTMLElement | null): void {
  const target = e.target as HTMLElement;
  if (!target.matches('[data-row-button]')) return;
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const scope = root ?? (e.currentTarget.closest('[data-row-scope]') as HTMLElement | null) ?? e.currentTarget;
  const buttons = [...scope.querySelectorAll<HTMLElement>('[data-row-button]')];
  const i = buttons.indexOf(target);
  const next =
    e.key === 'ArrowDown'
      ? buttons[i + 1]
      : e.key === 'ArrowUp'
        ? buttons[i - 1]
        : e.key === 'Home'
          ? buttons[0]
          : buttons[buttons.length - 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

/**
 * The parts every labelled control shares, so all forms announce hints and
 * errors the same way: `${id}-hint` and `${id}-error` elements, named by the
 * control's aria-describedby, and aria-invalid while an error shows.
 */
import type { ReactNode } from 'react';

export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** aria-invalid and aria-describedby for the control with this id. */
export function controlAria(id: string, hint: ReactNode, error: string | null | undefined, ...more: string[]) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, ...more, error ? `${id}-error` : undefined),
  } as const;
}

export function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="field-hint">
      {hint}
    </p>
  ) : null;
}

/**
 * The error under a control. `announce` makes it an alert; forms with an
 * announced error summary pass false, so a screen reader hears it once.
 */
export function FieldError({ id, error, announce = true }: { id: string; error: string | null | undefined; announce?: boolean }) {
  return error ? (
    <p id={`${id}-error`} className="field-error" role={announce ? 'alert' : undefined}>
      {error}
    </p>
  ) : null;
}

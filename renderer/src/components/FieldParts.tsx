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

/** The class of a field's frame: `field`, `field--invalid` while its error shows, and any of the form's own. */
export function fieldClass(error: string | null | undefined, ...more: Array<string | false | null | undefined>): string {
  return ['field', error ? 'field--invalid' : null, ...more].filter(Boolean).join(' ');
}

/**
 * The frame of one labelled control, the same in every form: the label (and
 * beside it, not in it, an optional mark such as "required"), the hint
 * (before or after the control, as the form reads best), the control itself,
 * then its error. The control gets its aria from `controlAria` with the same id.
 */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  classes = [],
  hintFirst = false,
  announce = true,
  mark,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** The form's own classes on the frame (a width, a layout). */
  classes?: ReadonlyArray<string | false | null | undefined>;
  hintFirst?: boolean;
  announce?: boolean;
  mark?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={fieldClass(error, ...classes)}>
      {mark ? (
        <div className="field-label-row">
          <label htmlFor={id}>{label}</label>
          {mark}
        </div>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      {hintFirst ? <FieldHint id={id} hint={hint} /> : null}
      {children}
      {hintFirst ? null : <FieldHint id={id} hint={hint} />}
      <FieldError id={id} error={error} announce={announce} />
    </div>
  );
}

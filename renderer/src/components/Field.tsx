import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame, controlAria } from './FieldParts';

export interface FieldProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  type?: 'text' | 'password';
  /** Already-translated error text; sets aria-invalid and is announced. */
  error?: string | undefined;
  hint?: ReactNode;
  /** Ids of other elements that describe the field (e.g. a strength meter). */
  describedBy?: string[];
  autoComplete?: string;
  autoFocus?: boolean;
  mono?: boolean;
  disabled?: boolean;
  /** Rendered under the input, before the error (e.g. a strength meter). */
  children?: ReactNode;
}

/** A labelled text input with hint and error wired through aria-describedby. */
export function Field({
  id,
  label,
  registration,
  type = 'text',
  error,
  hint,
  describedBy = [],
  autoComplete,
  autoFocus,
  mono,
  disabled,
  children,
}: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintFirst>
      <input
        id={id}
        type={type}
        className={mono ? 'mono' : undefined}
        {...controlAria(id, hint, error, ...describedBy)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        disabled={disabled}
        {...registration}
      />
      {children}
    </FieldFrame>
  );
}

/**
 * Small form controls for the deadline screens, on the one field frame all
 * forms share (components/FieldParts): a visible label, hint and error joined
 * through aria-describedby, and aria-invalid on the control while its error shows.
 */
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame, FieldHint, controlAria } from '../../components/FieldParts';

interface Common {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  registration: UseFormRegisterReturn;
}

export function TextInput({
  id,
  label,
  hint,
  error,
  className,
  registration,
  placeholder,
  inputMode,
  disabled,
}: Common & { placeholder?: string; inputMode?: 'numeric' | 'text'; disabled?: boolean }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} classes={[className]}>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        inputMode={inputMode}
        disabled={disabled}
        {...controlAria(id, hint, error)}
        {...registration}
      />
    </FieldFrame>
  );
}

export function TextArea({ id, label, hint, error, className, registration, rows = 2 }: Common & { rows?: number }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} classes={[className]}>
      <textarea id={id} rows={rows} {...controlAria(id, hint, error)} {...registration} />
    </FieldFrame>
  );
}

export function SelectInput({
  id,
  label,
  hint,
  error,
  className,
  registration,
  options,
  disabled,
}: Common & { options: Array<{ value: string; label: string }>; disabled?: boolean }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} classes={[className]}>
      <select id={id} disabled={disabled} {...controlAria(id, hint, error)} {...registration}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckInput({
  id,
  label,
  hint,
  registration,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  registration: UseFormRegisterReturn;
}) {
  return (
    <div className="field field--checkbox">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" {...controlAria(id, hint, undefined)} {...registration} />
        <span>{label}</span>
      </label>
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

// The error summary is the one all forms share.
export { ProblemSummary, type Problem } from '../../components/ProblemSummary';

/** After a failed submit: focus the form's first invalid control once React has marked it. */
export function focusFirstInvalid(formId: string): void {
  requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

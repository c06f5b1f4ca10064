/**
 * Small form controls for the deadline screens, wired like components/Field:
 * a visible label, hint and error joined through aria-describedby, and
 * aria-invalid on the control while its error shows.
 */
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldError, FieldHint, controlAria } from '../../components/FieldParts';

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
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
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
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextArea({ id, label, hint, error, className, registration, rows = 2 }: Common & { rows?: number }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} {...controlAria(id, hint, error)} {...registration} />
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </div>
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
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} disabled={disabled} {...controlAria(id, hint, error)} {...registration}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </div>
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

export interface Problem {
  /** The id of the control to focus. */
  id: string;
  label: string;
  message: string;
}

/** The summary over a form after a failed submit: announced, each line focuses its field. */
export function ProblemSummary({ id, title, problems }: { id: string; title: string; problems: Problem[] }) {
  return (
    <div id={id} role="alert" className={problems.length ? 'error-summary' : 'error-summary error-summary--empty'}>
      {problems.length ? (
        <>
          <p className="error-summary-title">{title}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.id}>
                <button type="button" className="btn-link" onClick={() => document.getElementById(p.id)?.focus()}>
                  {p.label}: {p.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** After a failed submit: focus the form's first invalid control once React has marked it. */
export function focusFirstInvalid(formId: string): void {
  requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * Form controls bound to react-hook-form through context, so the quick form,
 * the full form and the edit form share one set of labelled, keyboard-only
 * controls. Every control: a <label> (or <legend>), a hint and an error wired
 * through aria-describedby, aria-invalid when wrong. Errors are catalog keys
 * translated at render, so switching language re-translates them.
 */
import { createContext, useContext, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  Controller,
  get,
  useFormContext,
  useFormState,
  useWatch,
  type FieldError as FormFieldError,
  type FieldValues,
} from 'react-hook-form';
import { useI18n } from '../../i18n';
import { FieldError, FieldFrame, FieldHint, controlAria, describedBy } from '../../components/FieldParts';

interface FormMeta {
  /** Prefix for element ids, so two forms on one page never share an id. */
  idPrefix: string;
}

const FormMetaContext = createContext<FormMeta>({ idPrefix: 'f' });

export function FormMetaProvider({ idPrefix, children }: { idPrefix: string; children: ReactNode }) {
  return <FormMetaContext.Provider value={{ idPrefix }}>{children}</FormMetaContext.Provider>;
}

/** The DOM id of a field, from its form path ("person.address.city" -> "intake-person-address-city"). */
export function useFieldId(name: string): string {
  const { idPrefix } = useContext(FormMetaContext);
  return fieldId(idPrefix, name);
}
export const fieldId = (prefix: string, name: string) => `${prefix}-${name.replace(/\./g, '-')}`;

/** The field's validation error, translated. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState();
  const { tv } = useI18n();
  const err = get(errors, name) as FormFieldError | undefined;
  return tv(typeof err?.message === 'string' ? err.message : undefined);
}

/**
 * Forms validate on submit, then on every change. Before the first submit, a
 * field is checked when it loses focus with something typed in it: a wrong
 * date or A-number shows at once, while tabbing past empty fields (or adding
 * an empty family member) raises no "required" noise.
 */
function useBlurValidate(name: string) {
  const { trigger, getValues, getFieldState, formState } = useFormContext();
  return () => {
    const v: unknown = getValues(name);
    const typed = v !== undefined && v !== null && v !== '' && v !== false;
    if (typed || getFieldState(name, formState).invalid) void trigger(name);
  };
}

/**
 * A control bound to the form by name: its id, its translated error, and the
 * props that register it, wire its hint and error (aria) and check it on blur.
 */
function useBoundControl(name: string, hint: ReactNode, deps?: string[], onBlurExtra?: () => void) {
  const { register } = useFormContext();
  const id = useFieldId(name);
  const error = useFieldError(name);
  const validate = useBlurValidate(name);
  const reg = register(name, deps ? { deps } : undefined);
  const props = {
    id,
    ...controlAria(id, hint, error),
    ...reg,
    onBlur: (e: Parameters<typeof reg.onBlur>[0]) => {
      void reg.onBlur(e).then(validate);
      onBlurExtra?.();
    },
  };
  return { id, error, props };
}

interface BaseProps {
  name: string;
  label: string;
  hint?: ReactNode;
  /** Fields to re-validate when this one changes (e.g. date of birth <-> age). */
  deps?: string[];
  className?: string;
  /** Marked before any save is tried: a visible mark beside the label, aria-required on the control. */
  required?: boolean;
}

/** The visible "required" mark; assistive technology hears aria-required on the control instead. */
export function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useI18n();
  return required ? (
    <span className="required-mark" aria-hidden="true" title={t('field.requiredMark')}>
      {' '}
      *
    </span>
  ) : null;
}

/** The line that explains the mark, at the top of a form with required fields. */
export function RequiredNote() {
  const { t } = useI18n();
  return (
    <p className="field-hint required-note">
      <span className="required-mark" aria-hidden="true">
        *{' '}
      </span>
      {t('field.requiredNote')}
    </p>
  );
}

export interface TextFieldProps extends BaseProps {
  type?: 'text' | 'tel' | 'email';
  autoFocus?: boolean;
  mono?: boolean;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  size?: 'short' | 'medium';
  spellCheck?: boolean;
  onKeyDown?(e: KeyboardEvent<HTMLInputElement>): void;
  onBlurExtra?(): void;
}

export function TextField({
  name,
  label,
  hint,
  deps,
  className,
  type = 'text',
  autoFocus,
  mono,
  placeholder,
  autoComplete = 'off',
  inputMode,
  size,
  spellCheck = false,
  onKeyDown,
  onBlurExtra,
  required,
}: TextFieldProps) {
  const { id, error, props } = useBoundControl(name, hint, deps, onBlurExtra);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      classes={[size && `field--${size}`, className]}
      announce={false}
      mark={required ? <RequiredMark required /> : undefined}
    >
      <input
        type={type}
        className={mono ? 'mono' : undefined}
        aria-required={required ? true : undefined}
        autoFocus={autoFocus}
        autoComplete={autoComplete}
        autoCorrect="off"
        spellCheck={spellCheck}
        placeholder={placeholder}
        inputMode={inputMode}
        onKeyDown={onKeyDown}
        {...props}
      />
    </FieldFrame>
  );
}

/** A date typed as MM/DD/YYYY: the format is in the hint, so it is read aloud too. */
export function DateField(props: Omit<TextFieldProps, 'placeholder' | 'inputMode' | 'mono'>) {
  const { t } = useI18n();
  return <TextField {...props} size="short" placeholder={t('intake.datePlaceholder')} hint={props.hint ?? t('intake.dateHint')} />;
}

export function TextAreaField({
  name,
  label,
  hint,
  className,
  rows = 3,
  onKeyDown,
}: BaseProps & { rows?: number; onKeyDown?(e: KeyboardEvent<HTMLTextAreaElement>): void }) {
  const { id, error, props } = useBoundControl(name, hint);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} classes={[className]} announce={false}>
      <textarea rows={rows} onKeyDown={onKeyDown} {...props} />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ name, label, hint, className, options, blank, required }: BaseProps & { options: Option[]; blank?: string }) {
  const { id, error, props } = useBoundControl(name, hint);
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      classes={[className]}
      announce={false}
      mark={required ? <RequiredMark required /> : undefined}
    >
      <select aria-required={required ? true : undefined} {...props}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, hint }: BaseProps) {
  const { register } = useFormContext();
  const id = useFieldId(name);
  const error = useFieldError(name);
  return (
    <div className="field field--checkbox">
      <div className="checkbox">
        <input id={id} type="checkbox" {...controlAria(id, hint, error)} {...register(name)} />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} announce={false} />
    </div>
  );
}

/**
 * Yes/No as two native radios: Tab enters the group, arrows choose, Space
 * picks the first when none is chosen. The value is a real boolean.
 */
export function YesNoField({ name, label, hint, deps, required }: BaseProps) {
  const { control } = useFormContext();
  const { t } = useI18n();
  const id = useFieldId(name);
  const error = useFieldError(name);
  return (
    <Controller
      control={control}
      name={name}
      rules={deps ? { deps } : undefined}
      render={({ field }) => (
        <fieldset
          className={`field radio-group${error ? ' field--invalid' : ''}`}
          aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
          id={`${id}-group`}
        >
          <legend>
            {label}
            <RequiredMark required={required} />
          </legend>
          <FieldHint id={id} hint={hint} />
          <div className="radio-row">
            {([true, false] as const).map((v, i) => (
              <label key={String(v)} className="radio">
                <input
                  type="radio"
                  id={i === 0 ? id : `${id}-no`}
                  name={`${id}-radio`}
                  ref={i === 0 ? field.ref : undefined}
                  checked={field.value === v}
                  required={required}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={() => field.onChange(v)}
                  onBlur={field.onBlur}
                />
                <span>{v ? t('common.yes') : t('common.no')}</span>
              </label>
            ))}
          </div>
          <FieldError id={id} error={error} announce={false} />
        </fieldset>
      )}
    />
  );
}

/** A list of plain strings (aliases, languages): one input each, add and remove by keyboard. */
export function StringListField({
  name,
  label,
  itemLabel,
  addLabel,
  max,
}: {
  name: string;
  label: string;
  itemLabel(n: number): string;
  addLabel: string;
  max: number;
}) {
  const { register, setValue, getValues, setFocus } = useFormContext<FieldValues>();
  const { t } = useI18n();
  const items = (useWatch({ name }) as string[] | undefined) ?? [];
  const id = useFieldId(name);
  const error = useFieldError(name);
  const add = () => {
    const next = [...((getValues(name) as string[] | undefined) ?? []), ''];
    setValue(name, next, { shouldDirty: true });
    setTimeout(() => setFocus(`${name}.${next.length - 1}`), 0);
  };
  const remove = (i: number) => {
    const cur = [...((getValues(name) as string[] | undefined) ?? [])];
    cur.splice(i, 1);
    setValue(name, cur, { shouldDirty: true });
    setTimeout(() => document.getElementById(`${id}-add`)?.focus(), 0);
  };
  return (
    <fieldset className={`field string-list${error ? ' field--invalid' : ''}`}>
      <legend>{label}</legend>
      {items.map((_, i) => (
        <div key={i} className="string-list-row">
          <label htmlFor={`${id}-${i}`} className="visually-hidden">
            {itemLabel(i + 1)}
          </label>
          <input id={`${id}-${i}`} type="text" autoComplete="off" spellCheck={false} {...register(`${name}.${i}`)} />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => remove(i)}
            aria-label={t('common.removeItem', { item: itemLabel(i + 1) })}
          >
            {t('common.remove')}
          </button>
        </div>
      ))}
      {items.length < max ? (
        <button type="button" id={`${id}-add`} className="btn btn-small" onClick={add}>
          + {addLabel}
        </button>
      ) : null}
      <FieldError id={id} error={error} announce={false} />
    </fieldset>
  );
}

/**
 * A fieldset whose legend is a disclosure button. Closed content stays in the
 * DOM (hidden), so an invalid field inside can be found and its section opened.
 */
export function Section({
  id,
  title,
  children,
  defaultOpen = true,
  summary,
}: {
  id: string;
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
  summary?: ReactNode;
}) {
  const sections = useContext(SectionsContext);
  const [localOpen, setLocalOpen] = useState(defaultOpen);
  const open = sections ? sections.isOpen(id, defaultOpen) : localOpen;
  const setOpen = (v: boolean) => (sections ? sections.setOpen(id, v) : setLocalOpen(v));
  const bodyId = useId();
  return (
    <fieldset className="section" data-section={id}>
      <legend>
        <button type="button" className="section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="section-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </button>
      </legend>
      {!open && summary ? <p className="section-summary">{summary}</p> : null}
      <div id={bodyId} className="section-body" hidden={!open}>
        {children}
      </div>
    </fieldset>
  );
}

export interface SectionsState {
  isOpen(id: string, fallback: boolean): boolean;
  setOpen(id: string, open: boolean): void;
}
export const SectionsContext = createContext<SectionsState | null>(null);

/** Open/closed state of every section of a form, so validation can open the ones with errors. */
export function useSections(): SectionsState & { openMany(ids: string[]): boolean } {
  const [state, setState] = useState<Record<string, boolean>>({});
  return {
    isOpen: (id, fallback) => state[id] ?? fallback,
    setOpen: (id, open) => setState((s) => ({ ...s, [id]: open })),
    openMany: (ids) => {
      if (ids.length === 0) return false;
      setState((s) => ({ ...s, ...Object.fromEntries(ids.map((id) => [id, true])) }));
      return true;
    },
  };
}

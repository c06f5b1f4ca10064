/**
 * The attorney or accredited representative block (G-28 Part 1), typed once
 * for the clinic and used by every fill. Stored by the core in the vault
 * (forms.setAttorney), with a version so two volunteers do not overwrite
 * each other silently.
 */
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api';
import { invalidateCore, setCoreData, useCoreQuery } from '../../query';
import type { ErrorInfo } from '../../../../shared/errors';
import type { AttorneySettings as Settings } from '../../../../shared/views';
import type { AttorneyInput } from '../../../../shared/forms/adapter';
import { isMessageKey, type MessageKey } from '../../../../shared/i18n';
import { parseUsDate } from '../../../../shared/schemas/dates';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { formsErrorText, usDate } from './lib';
import { formatInstantDate } from '../../../../shared/i18n/dates';
import { FieldError, FieldHint, controlAria } from '../../components/FieldParts';

const TEXT = [
  'givenName',
  'familyName',
  'middleName',
  'licensingAuthority',
  'barNumber',
  'firm',
  'organization',
  'accreditationExpires',
  'uscisAccountNumber',
  'phone',
  'mobilePhone',
  'fax',
  'email',
] as const;
const ADDRESS = ['street', 'unitType', 'unit', 'city', 'state', 'zip', 'province', 'postalCode', 'country'] as const;
type TextKey = (typeof TEXT)[number];
type AddressKey = (typeof ADDRESS)[number];
type Values = Record<TextKey | `address.${AddressKey}`, string> & { kind: 'attorney' | 'accredited-representative' };

const EMPTY: Values = {
  ...(Object.fromEntries(TEXT.map((k) => [k, ''])) as Record<TextKey, string>),
  ...(Object.fromEntries(ADDRESS.map((k) => [`address.${k}`, ''])) as Record<`address.${AddressKey}`, string>),
  kind: 'attorney',
};

function valuesOf(a: AttorneyInput | null): Values {
  if (!a) return EMPTY;
  const v: Values = { ...EMPTY, kind: a.kind ?? 'attorney' };
  for (const k of TEXT) {
    const raw = a[k];
    if (typeof raw === 'string') v[k] = k === 'accreditationExpires' ? usDate(raw) : raw;
  }
  for (const k of ADDRESS) {
    const raw = a.address?.[k];
    if (typeof raw === 'string') v[`address.${k}`] = raw;
  }
  return v;
}

/** What the contract takes: empty strings left out, the date as ISO (or as typed, for the core to refuse). */
function inputOf(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = { givenName: v.givenName, familyName: v.familyName, kind: v.kind };
  for (const k of TEXT) {
    if (k === 'givenName' || k === 'familyName') continue;
    const s = v[k].trim();
    if (s === '') continue;
    out[k] = k === 'accreditationExpires' ? (parseUsDate(s) ?? s) : s;
  }
  const address: Record<string, string> = {};
  for (const k of ADDRESS) {
    const s = v[`address.${k}`].trim();
    if (s !== '') address[k] = s;
  }
  if (Object.keys(address).length > 0) out.address = address;
  return out;
}

type FieldErrors = Partial<Record<string, MessageKey>>;

function fieldErrors(error: ErrorInfo | null): FieldErrors {
  const issues = (error?.details as { issues?: Array<{ path?: unknown; message?: unknown }> } | undefined)?.issues ?? [];
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = Array.isArray(i.path) ? i.path.map(String) : [];
    if (path[0] !== 'attorney') continue;
    const key = path.slice(1).join('.');
    out[key] = i.message === 'name.required' ? 'forms.attorney.givenNameRequired' : isMessageKey(i.message) ? i.message : 'form.invalid';
  }
  return out;
}

export function AttorneySettings() {
  const { t, lang } = useI18n();
  const id = useId();
  const query = useCoreQuery('forms.getAttorney', {});
  // The form is filled once from the first answer and saves against that version: a refetch never replaces what is typed.
  const [settings, setSettings] = useState<Settings | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  if (query.data && !settings) {
    setSettings(query.data);
    setValues(valuesOf(query.data.attorney));
  }
  const [busy, setBusy] = useState(false);
  const [saveError, setError] = useState<ErrorInfo | null>(null);
  const error = saveError ?? query.error?.info ?? null;
  const [status, setStatus] = useState<string | null>(null);

  const errors = fieldErrors(error);
  const set = (k: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [k]: value }));
    setStatus(null);
  };

  const save = async (attorney: Record<string, unknown> | null) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    const res = await call('forms.setAttorney', {
      attorney: attorney as never,
      ...(settings?.version ? { version: settings.version } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      const first = Object.keys(fieldErrors(res.error))[0];
      focusWhenReady(() => (first ? document.getElementById(`${id}-${first}`) : document.getElementById(`${id}-alert`)));
      return;
    }
    setSettings(res.value);
    setValues(valuesOf(res.value.attorney));
    setCoreData('forms.getAttorney', {}, res.value);
    // Every fill from now on carries this block.
    void invalidateCore(['forms']);
    setStatus(attorney ? t('forms.attorney.saved') : t('forms.attorney.cleared'));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(inputOf(values));
  };

  const text = (
    k: TextKey | `address.${AddressKey}`,
    opts: { required?: boolean; hint?: string; className?: string; autoComplete?: string } = {},
  ) => {
    const fid = `${id}-${k}`;
    const err = errors[k];
    return (
      <div className={`field ${opts.className ?? ''}${err ? ' field--invalid' : ''}`}>
        <label htmlFor={fid}>
          {t(`forms.attorney.${k}`)}
          {opts.required ? <span aria-hidden="true"> *</span> : null}
        </label>
        <FieldHint id={fid} hint={opts.hint} />
        <input
          id={fid}
          type="text"
          value={values[k]}
          required={opts.required}
          aria-required={opts.required || undefined}
          {...controlAria(fid, opts.hint, err)}
          autoComplete={opts.autoComplete ?? 'off'}
          spellCheck={false}
          onChange={(e) => set(k, e.target.value)}
        />
        <FieldError id={fid} error={err ? t(err) : undefined} announce={false} />
      </div>
    );
  };

  const generalError = error && Object.keys(errors).length === 0 ? formsErrorText(t, error) : error ? t('error.INVALID_INPUT') : null;

  return (
    <form className="attorney-form" onSubmit={onSubmit} noValidate aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="field-hint">
        {t('forms.attorney.intro')}
      </p>
      <fieldset className="plain-fieldset">
        <legend>{t('forms.attorney.kind')}</legend>
        <div className="radio-row">
          {(['attorney', 'accredited-representative'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={`${id}-kind`} value={k} checked={values.kind === k} onChange={() => set('kind', k)} />
              {t(`forms.attorney.kind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        {text('familyName', { className: 'field--grow' })}
        {text('givenName', { required: true, className: 'field--grow' })}
        {text('middleName', { className: 'field--grow' })}
      </div>
      <div className="field-row">
        {text('licensingAuthority', { className: 'field--grow', hint: t('forms.attorney.licensingAuthorityHint') })}
        {text('barNumber', { className: 'field--medium' })}
      </div>
      <div className="field-row">
        {text('firm', { className: 'field--grow' })}
        {text('organization', { className: 'field--grow' })}
      </div>
      <div className="field-row">
        {text('accreditationExpires', { className: 'field--medium', hint: t('forms.attorney.dateHint') })}
        {text('uscisAccountNumber', { className: 'field--medium' })}
      </div>
      <fieldset className="plain-fieldset">
        <legend>{t('forms.attorney.address')}</legend>
        <div className="field-row">{text('address.street', { className: 'field--grow' })}</div>
        <div className="field-row">
          <div className="field field--short">
            <label htmlFor={`${id}-address.unitType`}>{t('forms.attorney.address.unitType')}</label>
            <select
              id={`${id}-address.unitType`}
              className="select"
              value={values['address.unitType']}
              onChange={(e) => set('address.unitType', e.target.value)}
            >
              <option value="">{t('forms.attorney.unit.none')}</option>
              <option value="apt">{t('forms.attorney.unit.apt')}</option>
              <option value="ste">{t('forms.attorney.unit.ste')}</option>
              <option value="flr">{t('forms.attorney.unit.flr')}</option>
            </select>
          </div>
          {text('address.unit', { className: 'field--short' })}
          {text('address.city', { className: 'field--grow' })}
        </div>
        <div className="field-row">
          {text('address.state', { className: 'field--short' })}
          {text('address.zip', { className: 'field--short' })}
          {text('address.province', { className: 'field--medium' })}
          {text('address.postalCode', { className: 'field--short' })}
          {text('address.country', { className: 'field--medium' })}
        </div>
      </fieldset>
      <div className="field-row">
        {text('phone', { className: 'field--medium' })}
        {text('mobilePhone', { className: 'field--medium' })}
        {text('fax', { className: 'field--medium' })}
      </div>
      <div className="field-row">{text('email', { className: 'field--grow' })}</div>
      <FormAlert id={`${id}-alert`} message={generalError} />
      <FormStatus message={status} />
      <div className="actions actions--start">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {t('forms.attorney.save')}
        </button>
        {settings?.attorney ? (
          <button type="button" className="btn" disabled={busy} onClick={() => void save(null)}>
            {t('forms.attorney.clear')}
          </button>
        ) : null}
        {settings?.updatedAt ? (
          <span className="field-hint">
            {t('forms.attorney.updated', { by: settings.updatedBy ?? '', date: formatInstantDate(settings.updatedAt, lang) })}
          </span>
        ) : null}
      </div>
    </form>
  );
}

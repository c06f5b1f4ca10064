import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../api';
import { coreErrorCode, useCoreQuery } from '../query';
import { errorKey } from '../../../shared/i18n';
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import { FormAlert, FormStatus } from '../components/FormAlert';
import { ShowPassphrases } from '../components/ShowPassphrases';
import { NewPassphraseField } from '../components/NewPassphraseField';
import { SubmitButton } from '../components/SubmitButton';
import { changePassphraseForm, type ChangePassphraseForm } from '../forms';
import { BackupSettings } from '../features/backup/BackupSettings';
import { ExchangeSettings } from '../features/exchange/ExchangeSettings';
import { UsersSettings } from '../features/users/UsersSettings';
import { EoirIntervalsSettings } from '../features/detention/EoirIntervalsSettings';
import { IfCan } from '../session';

export function Settings() {
  return (
    <>
      <DataLocation />
      {/* Each panel only for a role that can use it (visibility.ts); the core refuses the rest. */}
      <IfCan op="backup.status">
        <BackupSettings />
      </IfCan>
      <IfCan op="clinic.status">
        <ExchangeSettings />
      </IfCan>
      <IfCan op="eoir.setIntervals">
        <EoirIntervalsSettings />
      </IfCan>
      <ChangePassphrase />
      <IfCan op="users.add">
        <UsersSettings />
      </IfCan>
    </>
  );
}

function DataLocation() {
  const { t } = useI18n();
  const status = useCoreQuery('vault.status', {});
  const location = status.data?.location ?? null;
  const error = coreErrorCode(status.error);
  return (
    <section className="panel" aria-labelledby="settings-location-title">
      <h2 id="settings-location-title">{t('settings.location.title')}</h2>
      <p>{t('settings.location.body')}</p>
      <dl className="kv">
        <dt>{t('settings.location.label')}</dt>
        <dd>
          <code className="path" data-testid="vault-location">
            {location ?? '…'}
          </code>
        </dd>
      </dl>
      {error ? <FormAlert id="location-alert" message={t(errorKey(error))} /> : null}
    </section>
  );
}

function ChangePassphrase() {
  const { t, tv } = useI18n();
  const [show, setShow] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ChangePassphraseForm>({
    resolver: zodResolver(changePassphraseForm),
    defaultValues: { current: '', next: '', confirm: '' },
  });
  const next = useWatch({ control, name: 'next' }) ?? '';

  const onSubmit = handleSubmit(async ({ current, next }) => {
    setServerError(null);
    setDone(false);
    const res = await call('vault.changePassphrase', { current, next });
    if (res.ok) {
      reset();
      setDone(true);
      return;
    }
    if (res.error.code === 'WRONG_PASSPHRASE') {
      setError('current', { type: 'server', message: errorKey(res.error.code) });
      setTimeout(() => setFocus('current', { shouldSelect: true }), 0);
    } else {
      setServerError(res.error.code);
    }
  });

  const type = show ? 'text' : 'password';
  return (
    <section className="panel" aria-labelledby="settings-change-title">
      <h2 id="settings-change-title">{t('settings.change.title')}</h2>
      <p>{t('settings.change.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={isSubmitting} className="form-narrow">
        <FormAlert id="change-alert" message={serverError ? t(errorKey(serverError)) : null} />
        <FormStatus message={done ? t('settings.change.done') : null} />
        <Field
          id="change-current"
          label={t('settings.change.current')}
          type={type}
          autoComplete="current-password"
          error={tv(errors.current?.message)}
          registration={register('current', { onChange: () => setDone(false) })}
        />
        <NewPassphraseField
          id="change-next"
          label={t('settings.change.next')}
          type={type}
          error={tv(errors.next?.message)}
          registration={register('next')}
          strengthId="change-strength"
          value={next}
        />
        <Field
          id="change-confirm"
          label={t('settings.change.confirm')}
          type={type}
          autoComplete="new-password"
          error={tv(errors.confirm?.message)}
          registration={register('confirm')}
        />
        <ShowPassphrases checked={show} onChange={setShow} />
        <div className="actions actions--start">
          <SubmitButton busy={isSubmitting} label={t('settings.change.submit')} busyLabel={t('settings.change.submitting')} />
        </div>
      </form>
    </section>
  );
}

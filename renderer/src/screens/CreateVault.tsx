import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../api';
import { errorKey } from '../../../shared/i18n';
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import { NewPassphraseField } from '../components/NewPassphraseField';
import { SubmitButton } from '../components/SubmitButton';
import { FormAlert } from '../components/FormAlert';
import { ShowPassphrases } from '../components/ShowPassphrases';
import { createVaultForm, type CreateVaultForm } from '../forms';
import { useDocumentTitle } from '../hooks';

export function CreateVault({ onCreated }: { onCreated(recoveryCode: string): void }) {
  const { t, tv } = useI18n();
  useDocumentTitle(`${t('create.title')} — ${t('app.name')}`);
  const [show, setShow] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<CreateVaultForm>({ resolver: zodResolver(createVaultForm), defaultValues: { passphrase: '', confirm: '' } });
  const passphrase = useWatch({ control, name: 'passphrase' }) ?? '';

  const onSubmit = handleSubmit(async (data) => {
    setServerError(null);
    const res = await call('vault.create', { passphrase: data.passphrase });
    if (res.ok) onCreated(res.value.recoveryCode);
    else setServerError(res.error.code);
  });

  const type = show ? 'text' : 'password';
  return (
    <section className="card" aria-labelledby="create-title">
      <h1 id="create-title">{t('create.title')}</h1>
      <p>{t('create.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={isSubmitting}>
        <FormAlert id="create-alert" message={serverError ? t(errorKey(serverError)) : null} />
        <NewPassphraseField
          id="create-passphrase"
          label={t('create.passphrase')}
          type={type}
          autoFocus
          error={tv(errors.passphrase?.message)}
          registration={register('passphrase')}
          strengthId="create-strength"
          value={passphrase}
        />
        <Field
          id="create-confirm"
          label={t('create.confirm')}
          type={type}
          autoComplete="new-password"
          error={tv(errors.confirm?.message)}
          registration={register('confirm')}
        />
        <ShowPassphrases checked={show} onChange={setShow} />
        <p className="warning" id="create-warning">
          <strong>⚠</strong> {t('create.warning')}
        </p>
        <div className="actions">
          <SubmitButton busy={isSubmitting} label={t('create.submit')} busyLabel={t('create.submitting')} />
        </div>
      </form>
    </section>
  );
}

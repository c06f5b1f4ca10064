import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../api';
import { errorKey } from '../../../shared/i18n';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/schemas/vault';
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { ShowPassphrases } from '../components/ShowPassphrases';
import { StrengthMeter } from '../components/StrengthMeter';
import { SubmitButton } from '../components/SubmitButton';
import { recoverForm, unlockForm, type RecoverFormIn, type RecoverFormOut, type UnlockForm } from '../forms';
import { useDocumentTitle, useFocusOnMount } from '../hooks';

export interface UnlockProps {
  /** True right after Lock: say so, so nobody wonders where their work went. */
  justLocked?: boolean;
  onUnlocked(how: 'passphrase' | 'recovery'): void;
}

export function Unlock({ justLocked, onUnlocked }: UnlockProps) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return mode === 'passphrase' ? (
    <UnlockWithPassphrase justLocked={justLocked} onUnlocked={() => onUnlocked('passphrase')} onUseRecovery={() => setMode('recovery')} />
  ) : (
    <UnlockWithRecovery onUnlocked={() => onUnlocked('recovery')} onBack={() => setMode('passphrase')} />
  );
}

function UnlockWithPassphrase({
  justLocked,
  onUnlocked,
  onUseRecovery,
}: {
  justLocked?: boolean | undefined;
  onUnlocked(): void;
  onUseRecovery(): void;
}) {
  const { t, tv } = useI18n();
  useDocumentTitle(`${t('unlock.title')} — ${t('app.name')}`);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<UnlockForm>({ resolver: zodResolver(unlockForm), defaultValues: { passphrase: '' } });

  const onSubmit = handleSubmit(async ({ passphrase }) => {
    setServerError(null);
    const res = await call('vault.unlock', { passphrase });
    if (res.ok) return onUnlocked();
    if (res.error.code === 'WRONG_PASSPHRASE') {
      // Tied to the field: aria-invalid + described by the announced message.
      setError('passphrase', { type: 'server', message: errorKey(res.error.code) });
    } else {
      setServerError(res.error.code);
    }
    // The button was disabled while busy, which drops focus; put it back where the user types.
    setTimeout(() => setFocus('passphrase', { shouldSelect: true }), 0);
  });

  return (
    <section className="card" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock.title')}</h1>
      {justLocked ? (
        <p className="notice" role="status">
          {t('unlock.locked')}
        </p>
      ) : null}
      <p>{t('unlock.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={isSubmitting}>
        <FormAlert id="unlock-alert" message={serverError ? t(errorKey(serverError)) : null} />
        <Field
          id="unlock-passphrase"
          label={t('unlock.passphrase')}
          type="password"
          autoComplete="current-password"
          autoFocus
          error={tv(errors.passphrase?.message)}
          registration={register('passphrase')}
        />
        <div className="actions">
          <SubmitButton busy={isSubmitting} label={t('unlock.submit')} busyLabel={t('unlock.submitting')} />
        </div>
      </form>
      <p className="secondary-action">
        <button type="button" className="btn-link" onClick={onUseRecovery}>
          {t('unlock.useRecovery')}
        </button>
      </p>
    </section>
  );
}

function UnlockWithRecovery({ onUnlocked, onBack }: { onUnlocked(): void; onBack(): void }) {
  const { t, tv } = useI18n();
  useDocumentTitle(`${t('recover.title')} — ${t('app.name')}`);
  // Focus goes to the code field (autoFocus below): whoever opens this screen came to type the code.
  const headingRef = useFocusOnMount<HTMLHeadingElement>(false);
  const [show, setShow] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = useForm<RecoverFormIn, unknown, RecoverFormOut>({
    resolver: zodResolver(recoverForm),
    defaultValues: { recoveryCode: '', newPassphrase: '', confirm: '' },
  });
  const newPassphrase = useWatch({ control, name: 'newPassphrase' }) ?? '';

  const onSubmit = handleSubmit(async ({ recoveryCode, newPassphrase }) => {
    setServerError(null);
    const res = await call('vault.unlockWithRecovery', { recoveryCode, newPassphrase });
    if (res.ok) return onUnlocked();
    if (res.error.code === 'WRONG_RECOVERY_CODE') {
      setError('recoveryCode', { type: 'server', message: errorKey(res.error.code) });
      setTimeout(() => setFocus('recoveryCode', { shouldSelect: true }), 0);
    } else {
      setServerError(res.error.code);
    }
  });

  const type = show ? 'text' : 'password';
  return (
    <section className="card" aria-labelledby="recover-title">
      <h1 id="recover-title" tabIndex={-1} ref={headingRef}>
        {t('recover.title')}
      </h1>
      <p>{t('recover.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={isSubmitting}>
        <FormAlert id="recover-alert" message={serverError ? t(errorKey(serverError)) : null} />
        <Field
          id="recover-code"
          label={t('recover.code')}
          hint={t('recover.codeHint')}
          mono
          autoFocus
          autoComplete="off"
          error={tv(errors.recoveryCode?.message)}
          registration={register('recoveryCode')}
        />
        <Field
          id="recover-new"
          label={t('recover.newPassphrase')}
          type={type}
          hint={t('passphrase.hint', { min: MIN_PASSPHRASE_LENGTH })}
          describedBy={['recover-strength']}
          autoComplete="new-password"
          error={tv(errors.newPassphrase?.message)}
          registration={register('newPassphrase')}
        >
          <StrengthMeter id="recover-strength" value={newPassphrase} />
        </Field>
        <Field
          id="recover-confirm"
          label={t('recover.confirm')}
          type={type}
          autoComplete="new-password"
          error={tv(errors.confirm?.message)}
          registration={register('confirm')}
        />
        <ShowPassphrases checked={show} onChange={setShow} />
        <div className="actions">
          <SubmitButton busy={isSubmitting} label={t('recover.submit')} busyLabel={t('recover.submitting')} />
        </div>
      </form>
      <p className="secondary-action">
        <button type="button" className="btn-link" onClick={onBack}>
          {t('recover.back')}
        </button>
      </p>
    </section>
  );
}

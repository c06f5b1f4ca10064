import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../api';
import { setCoreData, useCoreQuery } from '../query';
import type { VaultStatus } from '../../../shared/contract';
import type { ErrorInfo, Result } from '../../../shared/errors';
import { errorKey } from '../../../shared/i18n';
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { ShowPassphrases } from '../components/ShowPassphrases';
import { NewPassphraseField } from '../components/NewPassphraseField';
import { SubmitButton } from '../components/SubmitButton';
import { recoverForm, unlockForm, type RecoverFormIn, type RecoverFormOut, type UnlockForm } from '../forms';
import { useDocumentTitle, useFocusOnMount } from '../hooks';

export interface UnlockProps {
  /** True right after Lock: say so, so nobody wonders where their work went. */
  justLocked?: boolean;
  onUnlocked(how: 'passphrase' | 'recovery'): void;
}

/** The field an INVALID_INPUT from the core names (the user name, as a rule), with its message key. */
function fieldIssue(error: ErrorInfo, field: string): string | null {
  const issues = (error.details as { issues?: Array<{ path: string[]; message: string }> } | undefined)?.issues ?? [];
  return issues.find((i) => i.path[0] === field)?.message ?? null;
}

/** The unlocked status goes into the query cache at once, so the shell knows who is signed in without asking again. */
function remember(res: Result<VaultStatus>): void {
  if (res.ok) setCoreData('vault.status', {}, res.value);
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
  // Locked, the status says only whether the vault has more than one user (never their names).
  const status = useCoreQuery('vault.status', {});
  const multiUser = status.data?.multiUser === true;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<UnlockForm>({ resolver: zodResolver(unlockForm), defaultValues: { userName: '', passphrase: '' } });

  // The answer may come after the first paint (focus went to the passphrase): a vault with several users starts at the name.
  useEffect(() => {
    if (multiUser) setFocus('userName');
  }, [multiUser, setFocus]);

  const onSubmit = handleSubmit(async ({ userName, passphrase }) => {
    setServerError(null);
    const res = await call('vault.unlock', { passphrase, ...(userName ? { userName } : {}) });
    remember(res);
    if (res.ok) return onUnlocked();
    const nameIssue = res.error.code === 'INVALID_INPUT' ? fieldIssue(res.error, 'userName') : null;
    if (nameIssue) {
      setError('userName', { type: 'server', message: nameIssue === 'user.nameRequired' ? 'unlock.userNameNeeded' : nameIssue });
    } else if (res.error.code === 'WRONG_PASSPHRASE') {
      // Tied to the field: aria-invalid + described by the announced message. An unknown user name gets the same answer.
      setError('passphrase', { type: 'server', message: errorKey(res.error.code) });
    } else if (res.error.code === 'UNLOCK_DELAYED') {
      const ms = (res.error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 1000;
      setServerError(t('unlock.wait', { seconds: Math.max(1, Math.ceil(ms / 1000)) }));
    } else {
      // ACCOUNT_EXPIRED, CLOCK_BEHIND and the rest: said in plain words above the form.
      setServerError(t(errorKey(res.error.code)));
    }
    // The button was disabled while busy, which drops focus; put it back where the user types.
    setTimeout(() => setFocus(nameIssue ? 'userName' : 'passphrase', { shouldSelect: true }), 0);
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
        <FormAlert id="unlock-alert" message={serverError} />
        <Field
          id="unlock-user"
          label={t('unlock.userName')}
          hint={multiUser ? undefined : t('unlock.userNameHint')}
          autoComplete="username"
          autoFocus={multiUser}
          error={tv(errors.userName?.message)}
          registration={register('userName')}
        />
        <Field
          id="unlock-passphrase"
          label={t('unlock.passphrase')}
          type="password"
          autoComplete="current-password"
          autoFocus={!multiUser}
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
    defaultValues: { userName: '', recoveryCode: '', newPassphrase: '', confirm: '' },
  });
  const newPassphrase = useWatch({ control, name: 'newPassphrase' }) ?? '';

  const onSubmit = handleSubmit(async ({ userName, recoveryCode, newPassphrase }) => {
    setServerError(null);
    const res = await call('vault.unlockWithRecovery', { recoveryCode, newPassphrase, ...(userName ? { userName } : {}) });
    remember(res);
    if (res.ok) return onUnlocked();
    const nameIssue = res.error.code === 'INVALID_INPUT' ? fieldIssue(res.error, 'userName') : null;
    if (res.error.code === 'FORBIDDEN' || nameIssue) {
      // The recovery code is a lead's: a volunteer's name, or none on a vault with several leads, is refused.
      setError('userName', { type: 'server', message: nameIssue && nameIssue !== 'user.nameRequired' ? nameIssue : 'recover.leadOnly' });
      setTimeout(() => setFocus('userName', { shouldSelect: true }), 0);
    } else if (res.error.code === 'WRONG_RECOVERY_CODE') {
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
          id="recover-user"
          label={t('recover.userName')}
          hint={t('recover.userNameHint')}
          autoComplete="username"
          error={tv(errors.userName?.message)}
          registration={register('userName')}
        />
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
        <NewPassphraseField
          id="recover-new"
          label={t('recover.newPassphrase')}
          type={type}
          error={tv(errors.newPassphrase?.message)}
          registration={register('newPassphrase')}
          strengthId="recover-strength"
          value={newPassphrase}
        />
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

/**
 * Settings: how many days before a client is due an EOIR check (issue 14 §4).
 * The core validates the range (contract `eoir.setIntervals`); this form only
 * turns the core's per-field problems into field errors, so there is one rule.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { useCoreMutation, useCoreQuery, type CoreQueryError } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import { Field } from '../../components/Field';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';

interface Values {
  detainedDays: string;
  otherDays: string;
}

/** A typed number as the core sees it; anything else goes through as is, for the core to refuse. */
const days = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

export function EoirIntervalsSettings() {
  const { t, tv } = useI18n();
  const current = useCoreQuery('eoir.due', {});
  const [saved, setSaved] = useState<{ detained: number; other: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, reset, setError, setFocus, formState } = useForm<Values>({
    defaultValues: { detainedDays: '', otherDays: '' },
  });
  const iv = current.data?.intervals;
  useEffect(() => {
    if (iv) reset({ detainedDays: String(iv.detainedDays), otherDays: String(iv.otherDays) });
  }, [iv, reset]);
  const save = useCoreMutation('eoir.setIntervals', { invalidates: ['eoir'] });

  const onSubmit = handleSubmit(async (v) => {
    setSaved(null);
    setFailure(null);
    try {
      const r = await save.mutateAsync({ detainedDays: days(v.detainedDays), otherDays: days(v.otherDays) });
      setSaved({ detained: r.detainedDays, other: r.otherDays });
    } catch (e) {
      const err = e as CoreQueryError;
      const issues = (err.info?.details as { issues?: Array<{ path: string[]; message: string }> } | undefined)?.issues ?? [];
      const fields = issues.map((i) => i.path[0]).filter((p): p is keyof Values => p === 'detainedDays' || p === 'otherDays');
      for (const issue of issues) {
        const f = issue.path[0];
        if (f === 'detainedDays' || f === 'otherDays') setError(f, { type: 'server', message: issue.message });
      }
      if (fields[0]) setTimeout(() => setFocus(fields[0]!, { shouldSelect: true }), 0);
      else setFailure(err.info?.code ?? 'INTERNAL');
    }
  });

  const { errors, isSubmitting } = formState;
  return (
    <section className="panel" aria-labelledby="settings-eoir-title">
      <h2 id="settings-eoir-title">{t('eoir.intervals.title')}</h2>
      <p>{t('eoir.intervals.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={isSubmitting} className="form-narrow">
        <FormAlert id="eoir-intervals-alert" message={failure ? t(errorKey(failure)) : null} />
        <FormStatus message={saved ? t('eoir.intervals.saved', saved) : null} />
        <Field
          id="eoir-detained-days"
          label={t('eoir.intervals.detained')}
          error={tv(errors.detainedDays?.message)}
          registration={register('detainedDays', { onChange: () => setSaved(null) })}
        />
        <Field
          id="eoir-other-days"
          label={t('eoir.intervals.other')}
          error={tv(errors.otherDays?.message)}
          registration={register('otherDays', { onChange: () => setSaved(null) })}
        />
        <div className="actions actions--start">
          <SubmitButton busy={isSubmitting} label={t('eoir.intervals.save')} busyLabel={t('eoir.intervals.save')} />
        </div>
      </form>
    </section>
  );
}

/**
 * A deadline the clinic sets by hand (a judge's order, a promise to a
 * client). Without a citation it is flagged "verify" by the core.
 */
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { CASE_READS, callAndInvalidate } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import type { DeadlineView, PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstInvalid, ProblemSummary, SelectInput, TextArea, TextInput, type Problem } from './fields';
import { parseDateInput } from './format';

const CONTROL = /[\p{Cc}]/u;
const line = (max: number, required: boolean) =>
  z.string().superRefine((s, ctx) => {
    const v = s.trim();
    if (required && v === '') ctx.addIssue({ code: 'custom', message: 'text.required' });
    else if (v.length > max) ctx.addIssue({ code: 'custom', message: 'text.tooLong' });
    else if (CONTROL.test(v)) ctx.addIssue({ code: 'custom', message: 'text.invalidCharacters' });
  });

const manualSchema = z.object({
  label: line(200, true),
  due: z.string().superRefine((s, ctx) => {
    if (s.trim() === '') ctx.addIssue({ code: 'custom', message: 'deadlines.date.required' });
    else if (parseDateInput(s) === null) ctx.addIssue({ code: 'custom', message: 'date.invalid' });
  }),
  citation: line(300, false),
  note: z.string().max(2000, { message: 'text.tooLong' }),
  caseId: z.string(),
});
type ManualValues = z.input<typeof manualSchema>;
const ORDER = ['label', 'due', 'citation', 'note'] as const;

export function ManualForm({ person, onDone, onCancel }: { person: PersonView; onDone(v: DeadlineView): void; onCancel(): void }) {
  const { t, tv } = useI18n();
  const prefix = useId();
  const ids = {
    label: `${prefix}-label`,
    due: `${prefix}-due`,
    citation: `${prefix}-citation`,
    note: `${prefix}-note`,
    caseId: `${prefix}-case`,
  };
  const [serverError, setServerError] = useState<string | null>(null);
  const open = person.cases.filter((c) => c.status !== 'closed');
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ManualValues>({
    resolver: zodResolver(manualSchema),
    defaultValues: { label: '', due: '', citation: '', note: '', caseId: open.length === 1 ? open[0]!.id : '' },
    mode: 'onSubmit',
    shouldFocusError: false,
  });
  useEffect(() => setFocus('label'), [setFocus]);
  const labels = { label: t('manual.label'), due: t('manual.due'), citation: t('manual.citation'), note: t('manual.note') };
  const problems: Problem[] = submitCount
    ? ORDER.filter((k) => errors[k]?.message).map((k) => ({ id: ids[k], label: labels[k], message: tv(errors[k]?.message) ?? '' }))
    : [];
  const submit = handleSubmit(
    async (v) => {
      setServerError(null);
      const res = await callAndInvalidate(
        'deadlines.addManual',
        {
          personId: person.id,
          ...(v.caseId ? { caseId: v.caseId } : {}),
          label: v.label.trim(),
          due: parseDateInput(v.due)!,
          ...(v.citation.trim() ? { citation: v.citation.trim() } : {}),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
        },
        // Refetched before onDone, so the new row is there to open and focus.
        CASE_READS,
      );
      if (res.ok) onDone(res.value);
      else setServerError(res.error.code);
    },
    () => focusFirstInvalid(`${prefix}-form`),
  );
  return (
    <form
      id={`${prefix}-form`}
      className="subgroup"
      noValidate
      aria-labelledby={`${prefix}-title`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={`${prefix}-title`}>{t('manual.title')}</h3>
      <p className="field-hint">{t('manual.intro')}</p>
      <ProblemSummary id={`${prefix}-summary`} title={t('deadlines.formProblems', { count: problems.length })} problems={problems} />
      <FormAlert id={`${prefix}-alert`} message={serverError ? t(errorKey(serverError)) : null} />
      <div className="field-row">
        <TextInput
          id={ids.label}
          label={labels.label}
          className="field--grow"
          error={tv(errors.label?.message)}
          registration={register('label')}
        />
        <TextInput
          id={ids.due}
          label={labels.due}
          hint={t('deadlines.dateHint')}
          inputMode="numeric"
          className="field--short"
          error={tv(errors.due?.message)}
          registration={register('due')}
        />
      </div>
      <div className="field-row">
        <TextInput
          id={ids.citation}
          label={labels.citation}
          hint={t('manual.citationHint')}
          className="field--grow"
          error={tv(errors.citation?.message)}
          registration={register('citation')}
        />
        {person.cases.length > 0 ? (
          <SelectInput
            id={ids.caseId}
            label={t('event.field.case')}
            className="field--medium"
            registration={register('caseId')}
            options={[
              { value: '', label: t('event.noCase') },
              ...person.cases.map((c) => ({ value: c.id, label: t(`enum.caseType.${c.type}`) })),
            ]}
          />
        ) : null}
      </div>
      <TextArea id={ids.note} label={labels.note} error={tv(errors.note?.message)} registration={register('note')} />
      <div className="actions actions--start">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('manual.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

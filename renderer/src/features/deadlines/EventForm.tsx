/**
 * Add, edit or move a case event, with a live preview of the deadlines it
 * will create (deadlines.preview for each rule the event implies). Checks run
 * as fields are left and on save: an impossible date or a negative number of
 * days shows under its field (aria-invalid, aria-describedby) and in the
 * summary at the top (role="alert").
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueries } from '@tanstack/react-query';
import { call } from '../../api';
import { coreErrorCode, coreQueryOptions } from '../../query';
import { useDebounced } from '../../hooks';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import type { DeadlineResult } from '../../../../shared/deadlines';
import type { EventResult, EventView, PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { CheckInput, focusFirstInvalid, ProblemSummary, SelectInput, TextInput, type Problem } from './fields';
import { ADD_KINDS, daysField, emptyEvent, eventSchema, fromEvent, isHearing, moveOf, toEvent, type EventValues } from './eventModel';
import { dueDate, parseDateInput } from './format';
import { planPreview } from './plan';

export type EventFormMode = { kind: 'add' } | { kind: 'edit'; event: EventView } | { kind: 'move'; hearing: EventView };

const FIELD_ORDER: Array<keyof EventValues> = [
  'kind',
  'caseId',
  'date',
  'hearingKind',
  'subkind',
  'days',
  'closes',
  'citation',
  'facility',
  'stopTo',
  'reason',
];

export function EventForm({
  person,
  mode,
  onDone,
  onCancel,
}: {
  person: PersonView;
  mode: EventFormMode;
  /** `caseChanged`: the core moved the case's next hearing with the hearing, in the same transaction. */
  onDone(result: EventResult, caseChanged: boolean): void;
  onCancel(): void;
}) {
  const { t, tv, lang } = useI18n();
  const prefix = useId();
  const id = (name: keyof EventValues) => `${prefix}-${name}`;
  const openCases = person.cases.filter((c) => c.status !== 'closed');
  const defaults = useMemo<EventValues>(() => {
    if (mode.kind === 'edit') return fromEvent(mode.event);
    if (mode.kind === 'move') return moveOf(mode.hearing);
    const onlyCase = openCases.length === 1 ? openCases[0]! : null;
    const detained =
      onlyCase?.type === 'removal-detained' ? true : onlyCase?.type === 'removal-nondetained' ? false : person.detention.detained;
    return emptyEvent(detained, onlyCase?.id ?? '');
    // The form is keyed by its mode; defaults are read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setFocus,
    clearErrors,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<EventValues>({ resolver: zodResolver(eventSchema), defaultValues: defaults, mode: 'onSubmit', shouldFocusError: false });
  const values = useWatch({ control }) as EventValues;
  const kind = values.kind ?? defaults.kind;
  const linkedMove = kind === 'hearing-moved' && !!values.hearingEventId;
  const days = daysField(values);

  useEffect(() => {
    setFocus(mode.kind === 'add' ? 'kind' : 'date');
  }, [setFocus, mode.kind]);

  const problems: Problem[] = submitCount
    ? FIELD_ORDER.filter((k) => (errors as FieldErrors<EventValues>)[k]?.message).map((k) => ({
        id: id(k),
        label: labelFor(k),
        message: tv(errors[k]?.message) ?? '',
      }))
    : [];

  function labelFor(k: keyof EventValues): string {
    switch (k) {
      case 'kind':
        return t('event.field.kind');
      case 'caseId':
        return t('event.field.case');
      case 'date':
        return dateLabel(kind);
      case 'hearingKind':
        return t('event.field.hearingKind');
      case 'subkind':
        return t('event.field.subkind');
      case 'days':
        return days === 'judge'
          ? t('event.field.daysJudge')
          : days === 'granted'
            ? t('event.field.daysGranted')
            : t('event.field.daysNotice');
      case 'closes':
        return t('event.field.closes');
      case 'citation':
        return t('event.field.citation');
      case 'facility':
        return t('event.field.facility');
      case 'stopTo':
        return t('event.field.stopTo');
      case 'reason':
        return t('event.field.stopReason');
      default:
        return k;
    }
  }

  function dateLabel(k: string): string {
    if (mode.kind === 'move') return t('event.field.newHearingDate');
    const key = `event.dateLabel.${k}` as MessageKey;
    return t(key);
  }

  const submit = handleSubmit(
    async (v) => {
      setServerError(null);
      const event = toEvent(v);
      const res =
        mode.kind === 'edit'
          ? await call('events.update', { id: mode.event.id, version: mode.event.version, event })
          : await call('events.add', { personId: person.id, event });
      if (!res.ok) return setServerError(res.error.code);
      onDone(res.value, res.value.caseUpdated !== null);
    },
    // Focus the first field in error, in screen order.
    () => focusFirstInvalid(`${prefix}-form`),
  );

  const title = mode.kind === 'add' ? t('event.addTitle') : mode.kind === 'move' ? t('event.moveTitle') : t('event.editTitle');
  const hearing = mode.kind === 'move' ? mode.hearing : null;

  return (
    <form
      id={`${prefix}-form`}
      className="subgroup event-form"
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
      <h3 id={`${prefix}-title`}>{title}</h3>
      {hearing ? <p className="field-hint">{t('event.moveIntro', { date: dueDate(hearing.date, lang) })}</p> : null}
      <ProblemSummary id={`${prefix}-summary`} title={t('deadlines.formProblems', { count: problems.length })} problems={problems} />
      <FormAlert
        id={`${prefix}-alert`}
        message={serverError ? (serverError === 'STALE_WRITE' ? t('event.stale') : t(errorKey(serverError))) : null}
      />
      <div className="event-form-grid">
        <div className="event-form-fields">
          <div className="field-row">
            <SelectInput
              id={id('kind')}
              label={t('event.field.kind')}
              disabled={mode.kind !== 'add'}
              className="field--grow"
              // Another kind has other fields: earlier problems no longer apply.
              registration={register('kind', { onChange: () => clearErrors() })}
              options={(mode.kind === 'add' ? ADD_KINDS : [kind]).map((k) => ({ value: k, label: t(`event.kind.${k}` as MessageKey) }))}
            />
            {!linkedMove && person.cases.length > 0 ? (
              <SelectInput
                id={id('caseId')}
                label={t('event.field.case')}
                className="field--medium"
                registration={register('caseId')}
                options={[
                  { value: '', label: t('event.noCase') },
                  ...person.cases.map((c) => ({
                    value: c.id,
                    label: `${t(`enum.caseType.${c.type}` as MessageKey)}${c.status === 'closed' ? ` (${t('enum.caseStatus.closed')})` : ''}`,
                  })),
                ]}
              />
            ) : null}
          </div>
          <div className="field-row">
            <TextInput
              id={id('date')}
              label={dateLabel(kind)}
              hint={t('deadlines.dateHint')}
              inputMode="numeric"
              className="field--short"
              error={tv(errors.date?.message)}
              registration={register('date')}
            />
            {isHearing(kind) ? (
              <SelectInput
                id={id('hearingKind')}
                label={t('event.field.hearingKind')}
                className="field--medium"
                error={tv(errors.hearingKind?.message)}
                registration={register('hearingKind')}
                options={[
                  { value: 'master', label: t('enum.hearingKind.master') },
                  { value: 'individual', label: t('enum.hearingKind.individual') },
                ]}
              />
            ) : null}
            {kind === 'uscis-notice' ? (
              <SelectInput
                id={id('subkind')}
                label={t('event.field.subkind')}
                className="field--medium"
                error={tv(errors.subkind?.message)}
                registration={register('subkind')}
                options={[
                  { value: '', label: t('common.choose') },
                  { value: 'rfe', label: t('event.subkind.rfe') },
                  { value: 'noid', label: t('event.subkind.noid') },
                  { value: 'denial', label: t('event.subkind.denial') },
                ]}
              />
            ) : null}
            {kind === 'vd-granted' ? (
              <SelectInput
                id={id('stage')}
                label={t('event.field.stage')}
                className="field--medium"
                registration={register('stage')}
                options={[
                  { value: 'post-conclusion', label: t('event.stage.post') },
                  { value: 'pre-conclusion', label: t('event.stage.pre') },
                ]}
              />
            ) : null}
            {days ? (
              <TextInput
                id={id('days')}
                label={
                  days === 'judge'
                    ? t('event.field.daysJudge')
                    : days === 'granted'
                      ? t('event.field.daysGranted')
                      : t('event.field.daysNotice')
                }
                hint={
                  days === 'granted' ? t('event.daysGrantedHint') : days === 'notice' ? t('event.daysNoticeHint') : t('event.daysJudgeHint')
                }
                inputMode="numeric"
                className="field--short"
                error={tv(errors.days?.message)}
                registration={register('days')}
              />
            ) : null}
          </div>
          {isHearing(kind) && !linkedMove ? (
            <CheckInput
              id={id('detained')}
              label={t('event.field.detained')}
              hint={t('event.detainedHint')}
              registration={register('detained')}
            />
          ) : null}
          {kind === 'uscis-notice' ? (
            <CheckInput id={id('mailed')} label={t('event.field.mailed')} hint={t('event.mailedHint')} registration={register('mailed')} />
          ) : null}
          {kind === 'ij-decision-oral' || kind === 'ij-decision-written' || kind === 'final-order' ? (
            <CheckInput id={id('inAbsentia')} label={t('event.field.inAbsentia')} registration={register('inAbsentia')} />
          ) : null}
          {kind === 'address-changed' ? (
            <CheckInput id={id('inCourt')} label={t('event.field.inCourt')} registration={register('inCourt')} />
          ) : null}
          {kind === 'last-arrival' ? (
            <SelectInput
              id={id('asylum')}
              label={t('event.field.asylum')}
              className="field--medium"
              registration={register('asylum')}
              options={[
                { value: 'auto', label: t('event.asylum.auto') },
                { value: 'yes', label: t('event.asylum.yes') },
                { value: 'no', label: t('event.asylum.no') },
              ]}
            />
          ) : null}
          {kind === 'detained' ? (
            <TextInput
              id={id('facility')}
              label={t('event.field.facility')}
              error={tv(errors.facility?.message)}
              registration={register('facility')}
            />
          ) : null}
          {kind === 'asylum-clock-stop' ? (
            <div className="field-row">
              <TextInput
                id={id('stopTo')}
                label={t('event.field.stopTo')}
                hint={t('deadlines.dateHint')}
                inputMode="numeric"
                className="field--short"
                error={tv(errors.stopTo?.message)}
                registration={register('stopTo')}
              />
              <TextInput
                id={id('reason')}
                label={t('event.field.stopReason')}
                hint={t('event.stopReasonHint')}
                className="field--grow"
                error={tv(errors.reason?.message)}
                registration={register('reason')}
              />
            </div>
          ) : null}
          {kind === 'tps-reregistration-opened' ? (
            <div className="field-row">
              <TextInput
                id={id('closes')}
                label={t('event.field.closes')}
                hint={t('deadlines.dateHint')}
                inputMode="numeric"
                className="field--short"
                error={tv(errors.closes?.message)}
                registration={register('closes')}
              />
              <TextInput
                id={id('citation')}
                label={t('event.field.citation')}
                className="field--grow"
                error={tv(errors.citation?.message)}
                registration={register('citation')}
              />
            </div>
          ) : null}
        </div>
        <Preview values={values} hearing={hearing} person={person} />
      </div>
      <div className="actions actions--start">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t('event.saving') : mode.kind === 'move' ? t('event.saveMove') : t('event.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

type PreviewState = {
  items: Array<{ rule: string; result: DeadlineResult | null; error: string | null }>;
  fixed: string | null;
  skipped: MessageKey[];
};

/** The deadlines the event will create, computed by the core as the form is filled. */
function Preview({ values, hearing, person }: { values: EventValues; hearing: EventView | null; person: PersonView }) {
  const { t, lang } = useI18n();
  const date = parseDateInput(values.date ?? '');
  const ok = date !== null && eventSchema.safeParse(values).success;
  const event = ok ? toEvent(values) : null;
  // A move keeps the hearing's own facts (detained, judge's days).
  const details = event ? (hearing ? { ...hearing.details, ...event.details } : (event.details as Record<string, unknown>)) : null;
  const plan = event && details ? planPreview({ kind: event.kind, details, cases: person.cases }) : null;
  const key = plan && date ? JSON.stringify([date, plan]) : '';

  // The core is asked once typing pauses, and only about the form as it now reads.
  const settled = useDebounced(key, 200) === key && key !== '';
  const answers = useQueries({
    queries: (plan?.rules ?? []).map((r) =>
      coreQueryOptions(
        'deadlines.preview',
        {
          rule: r.rule,
          trigger: date ?? '',
          ...(r.mailed !== undefined ? { mailed: r.mailed } : {}),
          ...(r.days !== undefined ? { days: r.days } : {}),
        },
        { enabled: settled },
      ),
    ),
  });
  const current: PreviewState | null =
    plan && settled && answers.every((a) => a.status !== 'pending')
      ? {
          items: plan.rules.map((r, i) => ({
            rule: r.rule,
            result: answers[i]?.data ?? null,
            error: coreErrorCode(answers[i]?.error),
          })),
          fixed: plan.fixed,
          skipped: plan.skipped,
        }
      : null;
  return (
    <aside className="event-preview" aria-labelledby="event-preview-title" aria-live="polite">
      <h4 id="event-preview-title">{t('event.previewTitle')}</h4>
      {!key ? (
        <p className="muted">{t('event.previewEmpty')}</p>
      ) : !current ? (
        <p className="muted">
          <span className="spinner spinner--small" aria-hidden="true" /> {t('event.previewing')}
        </p>
      ) : (
        <>
          {current.items.length === 0 && !current.fixed ? <p className="muted">{t('event.previewNone')}</p> : null}
          <ul className="preview-list">
            {current.items.map((i) => (
              <li key={i.rule}>
                {i.result ? (
                  <>
                    <span className="preview-label">{i.result.label[lang]}</span>
                    <span className="preview-due">{dueDate(i.result.due, lang)}</span>
                    {i.result.ruleDue && i.result.ruleDue !== i.result.due ? (
                      <span className="field-hint">{t('event.previewRuleDue', { date: dueDate(i.result.ruleDue, lang) })}</span>
                    ) : null}
                    {i.result.verify ? <span className="pill pill--warning">{t('badge.verify')}</span> : null}
                    {i.result.flags.includes('over-max') ? <span className="pill pill--danger">{t('badge.overMax')}</span> : null}
                    <span className="preview-cite">{i.result.citation}</span>
                  </>
                ) : (
                  <span className="field-error">{t(errorKey(i.error ?? 'INTERNAL'))}</span>
                )}
              </li>
            ))}
            {current.fixed ? (
              <li>
                <span className="preview-label">{t('event.previewTpsClose')}</span>
                <span className="preview-due">{dueDate(current.fixed, lang)}</span>
              </li>
            ) : null}
          </ul>
          {current.skipped.map((s) => (
            <p key={s} className="field-hint preview-skip">
              {t(s)}
            </p>
          ))}
        </>
      )}
    </aside>
  );
}

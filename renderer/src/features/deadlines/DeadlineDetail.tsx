/**
 * One deadline, explained: the date to act by, how it was computed step by
 * step (in the UI language), the citation, the rule's note, the literal rule
 * reading when it differs from the conservative date, closures, an override
 * next to the computed date it replaced, and who marked it done and when.
 * Actions: mark done, reopen, override (a reason is required), clear override.
 * Escape closes; focus goes to the heading on open.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { call } from '../../api';
import { CASE_READS, coreErrorCode, invalidateCore, setCoreData, useCoreQuery } from '../../query';
import { errorKey, type MessageKey } from '../../../../shared/i18n';
import type { DeadlineView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { useFocusAfterCommit } from '../../hooks';
import { dueDate, instant, parseDateInput, usInput } from './format';
import { ProblemSummary, TextArea, TextInput, type Problem } from './fields';
import { DeadlineFlags } from './Badges';
import { nonBusinessReason } from '../../../../shared/deadlines/holidays';
import { reason as nonBusinessText } from '../../../../shared/deadlines/trail';

export interface DeadlineDetailProps {
  id: string;
  /** Shown on the docket, where rows belong to different people. */
  personName?: string;
  onClose(): void;
  /** After any change (done, reopened, overridden): the caller refreshes its list. */
  onChanged?(view: DeadlineView): void;
  onOpenPerson?(personId: string): void;
}

/**
 * What a change to one deadline refetches: every case read but the docket,
 * which decides itself when a changed row moves (`onChanged`, `onClose`):
 * a deadline marked done stays in view until its detail closes.
 */
export const DEADLINE_WRITE_READS = CASE_READS.filter((d) => d !== 'docket');

/** A deadline as the core answered a write: shown at once, and the reads that show it refetched. */
async function saved(view: DeadlineView): Promise<void> {
  setCoreData('deadlines.get', { id: view.id }, view);
  await invalidateCore(DEADLINE_WRITE_READS);
}

export function DeadlineDetail({ id, personName, onClose, onChanged, onOpenPerson }: DeadlineDetailProps) {
  const { t, lang } = useI18n();
  const query = useCoreQuery('deadlines.get', { id });
  const view = query.data ?? null;
  const [writeError, setError] = useState<string | null>(null);
  const error = writeError ?? coreErrorCode(query.error);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const overrideBtn = useRef<HTMLButtonElement>(null);
  const doneBtn = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // Focus moves after React commits: the button to focus is re-enabled (busy) or swapped in the same render.
  const focusAfterCommit = useFocusAfterCommit();

  // Someone else saved first: the record as it is now (the message stays to say so).
  const load = () => void query.refetch();

  // The heading takes focus once the first answer (or its error) is on screen.
  const answered = query.status !== 'pending';
  useEffect(() => {
    if (answered) focusAfterCommit(() => headingRef.current);
  }, [id, answered, focusAfterCommit]);

  const act = async (op: 'deadlines.markDone' | 'deadlines.reopen' | 'deadlines.clearOverride', done: MessageKey) => {
    if (!view) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    const res = await call(op, { id: view.id, version: view.version });
    if (res.ok) await saved(res.value);
    setBusy(false);
    if (res.ok) {
      setStatus(t(done));
      onChanged?.(res.value);
      // The button pressed is replaced (Mark done <-> Reopen) or gone (Remove override): keep focus in the detail.
      focusAfterCommit(() => (op === 'deadlines.clearOverride' ? overrideBtn.current : doneBtn.current));
    } else {
      setError(res.error.code);
      if (res.error.code === 'STALE_WRITE') load();
    }
  };

  return (
    <div
      className="deadline-detail"
      role="region"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          if (overriding) {
            setOverriding(false);
            focusAfterCommit(() => overrideBtn.current);
          } else onClose();
        }
      }}
    >
      <div className="deadline-detail-head">
        <h3 id={titleId} tabIndex={-1} ref={headingRef}>
          {view ? view.label[lang] : t('deadline.loading')}
        </h3>
        <button type="button" className="btn btn-small btn-quiet" onClick={onClose} aria-keyshortcuts="Escape">
          {t('deadline.close')}
          <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
      <FormAlert id={`${titleId}-alert`} message={error ? (error === 'STALE_WRITE' ? t('deadline.stale') : t(errorKey(error))) : null} />
      <FormStatus message={status} />
      {view ? (
        <>
          {personName ? (
            <p className="deadline-person">
              {onOpenPerson ? (
                <button type="button" className="btn-link" onClick={() => onOpenPerson(view.personId)}>
                  {t('deadline.openPerson', { name: personName })}
                </button>
              ) : (
                personName
              )}
              {view.detained ? <span className="pill pill--danger">{t('docket.detained')}</span> : null}
              {view.caseType ? <span className="muted"> · {t(`enum.caseType.${view.caseType}` as MessageKey)}</span> : null}
            </p>
          ) : null}
          <DueBlock view={view} />
          <div className="deadline-flags-line">
            <DeadlineFlags verify={view.verify} overridden={view.override !== null} flags={view.flags} done={view.status === 'done'} />
          </div>
          {view.verify ? <p className="warning deadline-verify">{t('deadline.verifyExplain')}</p> : null}
          <h4>{t('deadline.trailTitle')}</h4>
          <ol className="trail" lang={lang}>
            {view.trail[lang].map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
          <dl className="kv deadline-kv">
            <div>
              <dt>{t('deadline.citation')}</dt>
              <dd>
                {view.citation ? (
                  <cite className="citation">{view.citation}</cite>
                ) : (
                  <span className="muted">{t('deadline.noCitation')}</span>
                )}
              </dd>
            </div>
            {view.note ? (
              <div>
                <dt>{t('deadline.note')}</dt>
                <dd lang={lang}>{view.note[lang]}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('deadline.status')}</dt>
              <dd>
                {view.status === 'done' && view.doneAt
                  ? t('deadline.doneBy', { who: view.doneBy ?? '?', when: instant(view.doneAt, lang) })
                  : t('deadline.open')}
              </dd>
            </div>
          </dl>
          {overriding ? (
            <OverrideForm
              view={view}
              onCancel={() => {
                setOverriding(false);
                focusAfterCommit(() => overrideBtn.current);
              }}
              onSaved={(v) => {
                setOverriding(false);
                setStatus(t('deadline.overrideSaved'));
                onChanged?.(v);
                focusAfterCommit(() => headingRef.current);
              }}
              onStale={load}
            />
          ) : (
            <div className="actions actions--start deadline-actions">
              {view.status === 'open' ? (
                <button
                  ref={doneBtn}
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => void act('deadlines.markDone', 'deadline.markedDone')}
                >
                  ✓ {t('deadline.markDone')}
                </button>
              ) : (
                <button
                  ref={doneBtn}
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => void act('deadlines.reopen', 'deadline.reopened')}
                >
                  {t('deadline.reopen')}
                </button>
              )}
              {view.source !== 'manual' ? (
                <button ref={overrideBtn} type="button" className="btn" disabled={busy} onClick={() => setOverriding(true)}>
                  {view.override ? t('deadline.changeOverride') : t('deadline.override')}
                </button>
              ) : null}
              {view.override ? (
                <button
                  type="button"
                  className="btn btn-quiet"
                  disabled={busy}
                  onClick={() => void act('deadlines.clearOverride', 'deadline.overrideCleared')}
                >
                  {t('deadline.clearOverride')}
                </button>
              ) : null}
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}

/** The date to act by; the computed date stays visible under an override, and the literal reading when it differs. */
function DueBlock({ view }: { view: DeadlineView }) {
  const { t, lang } = useI18n();
  const o = view.override;
  const off = o ? nonBusinessReason(o.due) : null;
  return (
    <dl className="due-block">
      <div className="due-main">
        <dt>{o ? t('deadline.dueOverridden') : t('deadline.due')}</dt>
        <dd>
          <strong className="due-date">{dueDate(view.due, lang)}</strong>
        </dd>
      </div>
      {o ? (
        <>
          <div>
            <dt>{t('deadline.computedDue')}</dt>
            <dd>{dueDate(view.computedDue, lang)}</dd>
          </div>
          <div className="due-wide">
            <dt>{t('deadline.overrideReason')}</dt>
            <dd>
              “{o.reason}” <span className="muted">{t('deadline.overrideBy', { who: o.by, when: instant(o.at, lang) })}</span>
              {off ? (
                <p className="warning override-stale">
                  {t('deadline.overrideNonBusiness', { date: dueDate(o.due, lang), why: nonBusinessText(off)[lang] })}
                </p>
              ) : null}
              {o.stale ? (
                <p className="warning override-stale">
                  {t('deadline.overrideStale', { then: dueDate(o.computedDueWhenSet, lang), now: dueDate(view.computedDue, lang) })}
                </p>
              ) : null}
            </dd>
          </div>
        </>
      ) : null}
      {view.ruleDue && view.ruleDue !== view.computedDue ? (
        <div className="due-wide">
          <dt>{t('deadline.ruleDue')}</dt>
          <dd>
            {dueDate(view.ruleDue, lang)}
            <p className="field-hint">
              {t('deadline.ruleDueExplain', { due: dueDate(view.computedDue, lang), rule: dueDate(view.ruleDue, lang) })}
            </p>
          </dd>
        </div>
      ) : null}
      {view.closureDue ? (
        <div className="due-wide">
          <dt>{t('deadline.closureDue')}</dt>
          <dd>
            {dueDate(view.closureDue, lang)}
            <p className="field-hint">{t('deadline.closureExplain')}</p>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

const overrideSchema = z.object({ due: z.string(), reason: z.string() }).superRefine((v, ctx) => {
  if (v.due.trim() === '') ctx.addIssue({ code: 'custom', path: ['due'], message: 'deadlines.date.required' });
  else if (parseDateInput(v.due) === null) ctx.addIssue({ code: 'custom', path: ['due'], message: 'date.invalid' });
  if (v.reason.trim() === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'deadline.reasonRequired' });
  else if (v.reason.trim().length > 1000) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'text.tooLong' });
  else if (/[\p{Cc}]/u.test(v.reason.replace(/[\n\t]/g, ' ')))
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'text.invalidCharacters' });
});
type OverrideValues = z.input<typeof overrideSchema>;

function OverrideForm({
  view,
  onCancel,
  onSaved,
  onStale,
}: {
  view: DeadlineView;
  onCancel(): void;
  onSaved(v: DeadlineView): void;
  onStale(): void;
}) {
  const { t, tv, lang } = useI18n();
  const prefix = useId();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<OverrideValues>({
    resolver: zodResolver(overrideSchema),
    defaultValues: { due: usInput(view.override?.due ?? ''), reason: view.override?.reason ?? '' },
    mode: 'onSubmit',
  });
  useEffect(() => {
    setFocus('due');
  }, [setFocus]);
  const ids = { due: `${prefix}-due`, reason: `${prefix}-reason` };
  const problems: Problem[] = submitCount
    ? (['due', 'reason'] as const)
        .filter((k) => errors[k]?.message)
        .map((k) => ({
          id: ids[k],
          label: k === 'due' ? t('deadline.overrideDue') : t('deadline.overrideReasonLabel'),
          message: tv(errors[k]?.message) ?? '',
        }))
    : [];
  const submit = handleSubmit(async (v) => {
    setServerError(null);
    // The reason is one line in the record (control characters are refused by the core).
    const reason = v.reason.replace(/\s*\n\s*/g, ' ').trim();
    const res = await call('deadlines.override', { id: view.id, version: view.version, due: parseDateInput(v.due)!, reason });
    if (res.ok) {
      await saved(res.value);
      onSaved(res.value);
    } else {
      setServerError(res.error.code);
      if (res.error.code === 'STALE_WRITE') onStale();
    }
  });
  return (
    <form className="subgroup override-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${prefix}-title`}>
      <h4 id={`${prefix}-title`}>{t('deadline.overrideTitle')}</h4>
      <p className="field-hint">{t('deadline.overrideIntro', { computed: dueDate(view.computedDue, lang) })}</p>
      <ProblemSummary id={`${prefix}-summary`} title={t('deadlines.formProblems', { count: problems.length })} problems={problems} />
      <FormAlert
        id={`${prefix}-alert`}
        message={serverError ? (serverError === 'STALE_WRITE' ? t('deadline.stale') : t(errorKey(serverError))) : null}
      />
      <div className="field-row">
        <TextInput
          id={ids.due}
          label={t('deadline.overrideDue')}
          hint={t('deadlines.dateHint')}
          className="field--short"
          error={tv(errors.due?.message)}
          registration={register('due')}
        />
        <TextArea
          id={ids.reason}
          label={t('deadline.overrideReasonLabel')}
          hint={t('deadline.overrideReasonHint')}
          className="field--grow"
          error={tv(errors.reason?.message)}
          registration={register('reason')}
        />
      </div>
      <div className="actions actions--start">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('deadline.overrideSave')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The Intake page: choose quick or full, resume unsaved drafts, type, save,
 * see a clear confirmation, and start the next one with Alt+N.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { call } from '../../api';
import { callAndInvalidate, coreQueryOptions, invalidateCore, useCoreQuery } from '../../query';
import type { DraftSummary, PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { useNavigation } from '../people/navigation';
import { FullIntakeForm, QuickIntakeForm, type FormApi } from './IntakeForms';
import { UrgencyFlags } from './UrgencyFlags';
import { clockTime, flushAllDrafts } from './useDraftAutosave';
import { formatInstantDate } from '../../../../shared/i18n/dates';
import type { DraftData, IntakeStart } from './useIntakeSave';
import { emptyFull, emptyQuick, fullName, isBlank, quickToFull, type FullValues, type IntakeMode, type QuickValues } from './model';
import type { Decisions } from './duplicates';
import { CurrentTraining, tagWithCurrentTraining } from '../reports/Trainings';
import { FieldCount, isSealedSave } from '../exchange/FieldCount';

interface FormSession {
  key: number;
  mode: IntakeMode;
  start: IntakeStart<QuickValues> | IntakeStart<FullValues>;
}

const blankStart = <V,>(values: V): IntakeStart<V> => ({ values, draftId: null, savedAt: null, decisions: {} });

/** Fills what a stored draft lacks from the blank form, so an older draft still loads. */
function withDefaults<T>(blank: T, data: unknown): T {
  if (Array.isArray(blank)) return (Array.isArray(data) ? data : blank) as T;
  if (blank !== null && typeof blank === 'object') {
    const src = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(blank as Record<string, unknown>)) out[k] = k in src ? withDefaults(v, src[k]) : v;
    return out as T;
  }
  if (data === undefined) return blank;
  return data as T;
}

interface DraftRow extends DraftSummary {
  name: string;
  data: DraftData<unknown> | null;
}

function draftRow(d: DraftSummary, data: DraftData<unknown> | null): DraftRow {
  const values = (data?.values ?? {}) as Partial<QuickValues> & Partial<FullValues>;
  const name = fullName(
    String(values.person?.givenName ?? values.givenName ?? ''),
    String(values.person?.familyName ?? values.familyName ?? ''),
  );
  return { ...d, name, data };
}

/** Intake drafts (not person edits) with the name typed in each. */
function useDrafts(exclude: string | null) {
  const list = useCoreQuery('drafts.list', {});
  const mine = (list.data ?? []).filter((d) => d.kind === 'quick' || d.kind === 'full');
  const got = useQueries({ queries: mine.map((d) => coreQueryOptions('drafts.get', { id: d.id })) });
  // A draft shows once its own answer is in (a failed one still shows, without a name).
  const rows = mine.flatMap((d, i) =>
    got[i]?.status === 'pending' ? [] : [draftRow(d, (got[i]?.data?.data as DraftData<unknown> | undefined) ?? null)],
  );
  // Autosave writes drafts without refetching them (it would refetch on every keystroke pause): the list is refetched here, when it matters.
  const reload = useCallback(() => invalidateCore(['drafts']), []);
  return { drafts: rows.filter((d) => d.id !== exclude), reload };
}

export function IntakePage() {
  const { t } = useI18n();
  const [session, setSession] = useState<FormSession>({ key: 1, mode: 'quick', start: blankStart(emptyQuick()) });
  const [saved, setSaved] = useState<PersonView | null>(null);
  /** On a field device the save seals the intake: there is no record (or name) to confirm, only the count. */
  const [sealed, setSealed] = useState(false);
  const [activeDraft, setActiveDraft] = useState<string | null>(null);
  const apiRef = useRef<FormApi | null>(null);
  const [modeNote, setModeNote] = useState(false);
  const { drafts, reload } = useDrafts(activeDraft);

  const startNew = useCallback(
    async (mode?: IntakeMode) => {
      await flushAllDrafts();
      setSaved(null);
      setSealed(false);
      setActiveDraft(null);
      setSession((s) => {
        const m = mode ?? s.mode;
        return { key: s.key + 1, mode: m, start: m === 'quick' ? blankStart(emptyQuick()) : blankStart(emptyFull()) };
      });
      void reload();
    },
    [reload],
  );

  // Alt+N: a new intake, from anywhere on this page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        void startNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNew]);

  const switchMode = async (mode: IntakeMode) => {
    if (mode === session.mode) return;
    const api = apiRef.current;
    await api?.flush();
    const values = api?.getValues();
    const draftId = api?.draftId() ?? null;
    const decisions = (api?.decisions() ?? {}) as Decisions;
    if (mode === 'full') {
      setSession((s) => ({
        key: s.key + 1,
        mode,
        start: { values: quickToFull(values as QuickValues), draftId, savedAt: null, decisions },
      }));
    } else {
      // Only a blank full form can go back to quick: the quick form has no place for the rest.
      setSession((s) => ({ key: s.key + 1, mode, start: { ...blankStart(emptyQuick()), draftId } }));
    }
  };

  const resume = async (d: DraftRow) => {
    await flushAllDrafts();
    const got = await call('drafts.get', { id: d.id });
    if (!got.ok) return void reload();
    const data = got.value.data as Partial<DraftData<unknown>>;
    const mode: IntakeMode = data.mode === 'full' || d.kind === 'full' ? 'full' : 'quick';
    const values: QuickValues | FullValues =
      mode === 'full' ? withDefaults(emptyFull(), data.values) : withDefaults(emptyQuick(), data.values);
    setSaved(null);
    setSealed(false);
    setActiveDraft(d.id);
    const start = { values, draftId: d.id, savedAt: d.updatedAt, decisions: (data.decisions ?? {}) as Decisions } as FormSession['start'];
    setSession((s) => ({ key: s.key + 1, mode, start }));
    void reload();
  };

  const discard = async (d: DraftRow) => {
    await callAndInvalidate('drafts.discard', { id: d.id }, ['drafts']);
    document.getElementById('intake-mode-quick')?.focus();
  };

  const onSaved = useCallback(
    (p: PersonView) => {
      setActiveDraft(null);
      void reload();
      if (isSealedSave(p)) {
        // The sealed blob's id names no person to tag; the count screen reads the new total.
        void invalidateCore(['clinic']);
        setSealed(true);
        return;
      }
      void tagWithCurrentTraining(p.id);
      setSaved(p);
    },
    [reload],
  );

  const onDraftId = useCallback((id: string | null) => setActiveDraft(id), []);

  const fullIsBlank = () => isBlank(apiRef.current?.getValues(), new Set(['consent']));

  return (
    <div className="intake-page">
      {drafts.length > 0 ? <DraftsPanel drafts={drafts} onResume={(d) => void resume(d)} onDiscard={(d) => void discard(d)} /> : null}
      <FieldCount />
      {sealed ? (
        <SealedConfirmation onNew={() => void startNew()} />
      ) : saved ? (
        <SavedConfirmation person={saved} onNew={() => void startNew()} />
      ) : (
        <>
          <div className="intake-toolbar" role="group" aria-label={t('intake.modeLabel')}>
            <div className="segmented">
              {(['quick', 'full'] as const).map((m) => (
                <button
                  key={m}
                  id={`intake-mode-${m}`}
                  type="button"
                  className="segmented-btn"
                  aria-pressed={session.mode === m}
                  onClick={() => {
                    if (m === 'quick' && session.mode === 'full' && !fullIsBlank()) {
                      setModeNote(true);
                      return;
                    }
                    setModeNote(false);
                    void switchMode(m);
                  }}
                >
                  {t(m === 'quick' ? 'intake.quick' : 'intake.full')}
                </button>
              ))}
            </div>
            <p className="intake-help" role={modeNote ? 'alert' : undefined}>
              {modeNote ? t('intake.cannotGoQuick') : t(session.mode === 'quick' ? 'intake.quickHelp' : 'intake.fullHelp')}
            </p>
          </div>
          {session.mode === 'quick' ? <CurrentTraining /> : null}
          {session.mode === 'quick' ? (
            <QuickIntakeForm
              key={session.key}
              start={session.start as IntakeStart<QuickValues>}
              onSaved={onSaved}
              apiRef={apiRef}
              onDraftId={onDraftId}
            />
          ) : (
            <FullIntakeForm
              key={session.key}
              start={session.start as IntakeStart<FullValues>}
              onSaved={onSaved}
              apiRef={apiRef}
              onDraftId={onDraftId}
            />
          )}
        </>
      )}
    </div>
  );
}

function DraftsPanel({ drafts, onResume, onDiscard }: { drafts: DraftRow[]; onResume(d: DraftRow): void; onDiscard(d: DraftRow): void }) {
  const { t, lang } = useI18n();
  return (
    <section className="drafts-panel" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('drafts.title', { count: drafts.length })}</h2>
      <p className="muted">{t('drafts.intro')}</p>
      <ul className="drafts-list">
        {drafts.map((d) => {
          const name = d.name || t('drafts.noName');
          const date = formatInstantDate(d.updatedAt, lang);
          return (
            <li key={d.id} className="drafts-item">
              <span className="drafts-name">{name}</span>
              <span className="drafts-meta">
                {t(d.kind === 'full' ? 'intake.full' : 'intake.quick')} · {t('drafts.savedAt', { date, time: clockTime(d.updatedAt) })}
              </span>
              <span className="drafts-actions">
                <button type="button" className="btn btn-small" onClick={() => onResume(d)} aria-label={t('drafts.resumeNamed', { name })}>
                  {t('drafts.resume')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => onDiscard(d)}
                  aria-label={t('drafts.discardNamed', { name })}
                >
                  {t('drafts.discard')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A field device's save: sealed for the clinic, no name on screen; the next intake is one key away. */
function SealedConfirmation({ onNew }: { onNew(): void }) {
  const { t } = useI18n();
  const newRef = useRef<HTMLButtonElement>(null);
  useEffect(() => newRef.current?.focus(), []);
  return (
    <section className="panel saved-panel" aria-labelledby="sealed-title" data-testid="sealed-confirmation">
      <p className="visually-hidden" role="status">
        {t('field.savedTitle')}
      </p>
      <h2 id="sealed-title">
        <span className="saved-check" aria-hidden="true">
          ✓
        </span>{' '}
        {t('field.savedTitle')}
      </h2>
      <p>{t('field.savedBody')}</p>
      <div className="actions actions--start">
        <button ref={newRef} type="button" className="btn btn-primary" onClick={onNew} aria-keyshortcuts="Alt+N">
          {t('intake.newIntake')}
          <kbd aria-hidden="true">Alt+N</kbd>
        </button>
      </div>
    </section>
  );
}

function SavedConfirmation({ person, onNew }: { person: PersonView; onNew(): void }) {
  const { t } = useI18n();
  const nav = useNavigation();
  const newRef = useRef<HTMLButtonElement>(null);
  useEffect(() => newRef.current?.focus(), []);
  const name = fullName(person.person.givenName, person.person.familyName);
  return (
    <section className="panel saved-panel" aria-labelledby="saved-title">
      <p className="visually-hidden" role="status">
        {t('intake.savedAnnounce', { name })}
      </p>
      <h2 id="saved-title">
        <span className="saved-check" aria-hidden="true">
          ✓
        </span>{' '}
        {t('intake.savedTitle', { name })}
      </h2>
      <p>{t('intake.savedBody')}</p>
      <UrgencyFlags flags={person.urgency} live={false} compact />
      <div className="actions actions--start">
        <button ref={newRef} type="button" className="btn btn-primary" onClick={onNew} aria-keyshortcuts="Alt+N">
          {t('intake.newIntake')}
          <kbd aria-hidden="true">Alt+N</kbd>
        </button>
        <button type="button" className="btn" onClick={() => nav.openPerson(person.id)}>
          {t('intake.openRecord')}
        </button>
      </div>
    </section>
  );
}

/**
 * One person's record: everything from the intake, editable with the same
 * form sections, saved with `people.update` against the version that was
 * loaded. If someone saved in between, the core refuses (STALE_WRITE) and we
 * say so with a Reload button: never a silent overwrite. Cases are added and
 * edited in place; possible duplicates can be merged into this record.
 */
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../../api';
import { CASE_READS, callAndInvalidate, coreErrorCode, invalidateCore, setCoreData, useCoreQuery } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import { formatANumber } from '../../../../shared/schemas/anumber';
import type { PersonView } from '../../../../shared/views';
import type { AdditionalContact } from '../../../../shared/schemas/intake';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { FormMetaProvider, SectionsContext, useSections } from '../intake/fields';
import { ErrorSummary, useFocusFirstInvalid } from '../intake/ErrorSummary';
import {
  ConsentSection,
  ContactSection,
  DetentionSection,
  FamilySection,
  HistorySection,
  NotesSection,
  PersonSection,
} from '../intake/sections';
import { UrgencyFlags } from '../intake/UrgencyFlags';
import { clockTime, useDraftAutosave } from '../intake/useDraftAutosave';
import { editSchema, toEditValues, urgencyOf, type EditOutput, type EditValues } from '../intake/model';
import { useNavigation } from './navigation';
import { displayName, localDateTime, showDate } from './format';
import { formatUsDate } from '../../../../shared/schemas/dates';
import { CasesPanel } from './CasesPanel';
import { DetentionPanel } from '../detention/DetentionPanel';
import { EoirPanel } from '../detention/EoirPanel';
import { MergePanel } from './MergePanel';
import { PersonDeadlines } from '../deadlines/PersonDeadlines';
import { FillFormButton } from '../forms/FillFormButton';
import { FormHistory } from '../forms/FormHistory';
import { CaseSummaryButton } from '../reports/CaseSummaryButton';
import { PersonHistory } from '../users/PersonHistory';
import { IfCan, useSession } from '../../session';
import { focusWhenReady } from '../intake/focus';
import { FamilyLinksContext, ListedAsFamily } from '../intake/FamilyLink';

export function PersonDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const nav = useNavigation();
  const query = useCoreQuery('people.get', { id });
  const view = query.data ?? null;
  const loadError = coreErrorCode(query.error);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The edit form saves against the version it was opened with. A refetch that brings a newer
  // version (someone else saved) must not swap the form under the typing: the save is refused
  // (STALE_WRITE) and Reload takes the new version. Same version: follow it (cases, links).
  const [editBase, setEditBase] = useState<PersonView | null>(null);
  if (view && view !== editBase && (editBase?.id !== view.id || editBase.version === view.version)) setEditBase(view);
  const edit = editBase?.id === id ? editBase : view;

  const reload = () =>
    void query.refetch().then((r) => {
      if (r.data) setEditBase(r.data);
    });
  // A case, an event or a closed case changes this person's hearings, deadlines and counts everywhere.
  const caseChanged = () => void invalidateCore(CASE_READS);
  /** A write's answer for this person: shown at once, and every read that shows them refetched. */
  const saved = (v: PersonView) => {
    setCoreData('people.get', { id: v.id }, v);
    setEditBase(v);
    void invalidateCore(CASE_READS);
  };

  // The heading takes focus once, when the first answer (or its error) is on screen.
  const answered = query.status !== 'pending';
  const focused = useRef(false);
  useEffect(() => {
    if (!answered || focused.current) return;
    focused.current = true;
    focusWhenReady(() => headingRef.current);
  }, [answered]);

  if (loadError) {
    return (
      <div className="person-page">
        <BackToList />
        <FormAlert id="person-load-alert" message={t(errorKey(loadError))} />
      </div>
    );
  }
  if (!view || !edit) {
    return (
      <p className="loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('person.loading')}
      </p>
    );
  }

  const name = displayName(view.person);
  return (
    <div className="person-page">
      <BackToList />
      <header className="person-header">
        <h2 tabIndex={-1} ref={headingRef} className="person-name">
          {name}
        </h2>
        <p className="person-facts">
          {[
            view.person.dob
              ? `${t('people.col.dob')} ${showDate(view.person.dob, lang)}`
              : view.person.approxAge !== undefined
                ? t('person.age', { age: view.person.approxAge })
                : null,
            view.person.aNumber ? formatANumber(view.person.aNumber) : null,
            view.person.phone ?? null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className="person-stamp">
          {t('person.updated', { when: localDateTime(view.updatedAt, lang), who: view.updatedBy, version: view.version })}
        </p>
        <AdditionalContacts contacts={view.person.additionalContacts ?? []} />
        <ListedAsFamily links={view.familyLinks} />
        <UrgencyFlags flags={view.urgency} live={false} compact />
      </header>
      {view.mergedInto ? (
        <div className="notice" role="status">
          <p>{t('person.mergedNotice')}</p>
          <button type="button" className="btn" onClick={() => nav.openPerson(view.mergedInto!)}>
            {t('person.openMerged')}
          </button>
        </div>
      ) : null}
      {notice ? (
        // Focus lands here after "Save changes" (the form it came from re-renders with the new version): never on the page body.
        <div id="person-notice" className="form-status" role="status" tabIndex={-1}>
          {notice}
        </div>
      ) : null}
      {/* A volunteer may open their own intake (found by search) but works on records only through intake. */}
      <IfCan op="people.update">
        <CasesPanel view={view} onChanged={caseChanged} />
        {!view.mergedInto ? (
          <>
            <DetentionPanel key={`detention:${view.id}`} view={view} onSaved={saved} />
            <EoirPanel view={view} />
          </>
        ) : null}
        {!view.mergedInto ? (
          <>
            {/* Remounted when a case changes (its hearing may have moved a deadline); tells us when it moved a case itself. */}
            <PersonDeadlines key={`deadlines:${view.id}:${view.cases.map((c) => c.version).join('.')}`} personId={view.id} />
            <section className="panel" aria-label={t('nav.forms')}>
              <FillFormButton personId={view.id} />
              <FormHistory personId={view.id} />
            </section>
            <CaseSummaryButton personId={view.id} cases={view.cases} />
          </>
        ) : null}
        {!view.mergedInto ? (
          <MergePanel
            key={view.updatedAt}
            view={view}
            onMerged={(v) => {
              saved(v);
              setNotice(t('merge.done'));
              headingRef.current?.focus();
            }}
          />
        ) : null}
        <EditPerson
          key={`${edit.id}:${edit.version}`}
          view={edit}
          reload={reload}
          onSaved={(v) => {
            saved(v);
            setNotice(t('person.savedNotice', { time: clockTime(v.updatedAt) }));
            focusWhenReady(() => document.getElementById('person-notice'));
          }}
        />
        <IfCan op="audit.history">
          {/* Undo saves a new version: the edit form follows it, as after its own save. */}
          <PersonHistory personId={view.id} version={view.version} onRestored={saved} />
        </IfCan>
      </IfCan>
    </div>
  );
}

function BackToList() {
  const { t } = useI18n();
  const nav = useNavigation();
  if (!useSession().can('people.list')) return null;
  return (
    <p className="back-link">
      <button type="button" className="btn-link" onClick={() => nav.go('people')}>
        ← {t('person.backToList')}
      </button>
    </p>
  );
}

interface EditDraft {
  personId: string;
  version: number;
  values: EditValues;
}

function EditPerson({ view, reload, onSaved }: { view: PersonView; reload(): void; onSaved(v: PersonView): void }) {
  const { t } = useI18n();
  const form = useForm<EditValues, unknown, EditOutput>({
    resolver: zodResolver(editSchema),
    defaultValues: toEditValues(view),
    shouldFocusError: false,
  });
  const [serverError, setServerError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const [restorable, setRestorable] = useState<{ id: string; updatedAt: string; data: EditDraft } | null>(null);
  const sections = useSections();
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef, sections.openMany);
  const disabled = !!view.mergedInto;

  const autosave = useDraftAutosave<EditValues>({
    form,
    kind: 'person-edit',
    enabled: !disabled,
    serialize: (values) => ({ personId: view.id, version: view.version, values }) satisfies EditDraft,
  });

  // Unsaved edits of this person from an earlier session (crash, lock, navigation) can be restored.
  // Looked up once, when the form opens, and not a cached read: from then on this form's own
  // autosave writes a draft of this person, which must never be offered back to it.
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await call('drafts.list', {});
      if (!list.ok) return;
      for (const d of list.value.filter((x) => x.kind === 'person-edit')) {
        const got = await call('drafts.get', { id: d.id });
        const data = got.ok ? (got.value.data as EditDraft) : null;
        if (live && data?.personId === view.id) {
          setRestorable({ id: d.id, updatedAt: d.updatedAt, data });
          return;
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [view.id]);

  const submit = form.handleSubmit(
    async (data) => {
      setServerError(null);
      setStale(false);
      setSaving(true);
      await autosave.pause();
      try {
        const res = await call('people.update', { id: view.id, version: view.version, data });
        if (res.ok) {
          const did = autosave.currentId();
          if (did) await callAndInvalidate('drafts.discard', { id: did }, ['drafts']);
          autosave.restart(null);
          onSaved(res.value);
        } else if (res.error.code === 'STALE_WRITE') {
          autosave.resume();
          setStale(true);
          focusWhenReady(() => document.getElementById('person-stale-reload'));
        } else {
          autosave.resume();
          setServerError(res.error.code);
        }
      } finally {
        setSaving(false);
      }
    },
    () => focusInvalid(),
  );

  return (
    <section className="panel" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('person.editTitle')}</h2>
      {restorable ? (
        <div className="notice restore-notice" role="status">
          <p>{t('person.restoreBody', { time: clockTime(restorable.updatedAt) })}</p>
          <div className="actions actions--start">
            <button
              type="button"
              className="btn"
              onClick={() => {
                form.reset(restorable.data.values, { keepDefaultValues: true });
                autosave.restart(restorable.id, restorable.updatedAt);
                autosave.markDirty();
                setRestorable(null);
              }}
            >
              {t('person.restore')}
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              onClick={() => {
                void callAndInvalidate('drafts.discard', { id: restorable.id }, ['drafts']);
                setRestorable(null);
              }}
            >
              {t('person.restoreDiscard')}
            </button>
          </div>
        </div>
      ) : null}
      {stale ? (
        <div className="form-alert stale-alert" role="alert">
          <p>{t('person.stale')}</p>
          <button
            id="person-stale-reload"
            type="button"
            className="btn"
            onClick={() => {
              // Drop the unsaved edits' draft: they were made against an old version.
              const did = autosave.currentId();
              if (did) void callAndInvalidate('drafts.discard', { id: did }, ['drafts']);
              reload();
            }}
          >
            {t('person.reload')}
          </button>
        </div>
      ) : null}
      <FormProvider {...form}>
        <FormMetaProvider idPrefix="edit">
          <SectionsContext.Provider value={sections}>
            <form
              ref={formRef}
              noValidate
              aria-busy={saving}
              className="intake-form intake-form--full"
              onSubmit={(e) => void submit(e)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void submit();
                }
              }}
              onBlur={() => void autosave.flush()}
            >
              <fieldset disabled={disabled} className="plain-fieldset">
                <ErrorSummary idPrefix="edit" />
                <FormAlert id="edit-alert" message={serverError ? t(errorKey(serverError)) : null} />
                <LiveFlags view={view} />
                <PersonSection />
                <ContactSection />
                <DetentionSection />
                <HistorySection />
                <FamilyLinksContext.Provider value={{ selfId: view.id, links: view.familyLinks }}>
                  <FamilySection />
                </FamilyLinksContext.Provider>
                <NotesSection withUrgentNeeds />
                <ConsentSection optional />
                <div className="actions actions--start save-bar">
                  <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+Enter">
                    {saving ? <span className="spinner" aria-hidden="true" /> : null}
                    {saving ? t('intake.saving') : t('person.save')}
                    <kbd aria-hidden="true">{t('intake.saveShortcut')}</kbd>
                  </button>
                  <span className="draft-status">
                    {autosave.savedAt ? t('intake.draftSaved', { time: clockTime(autosave.savedAt) }) : ''}
                  </span>
                </div>
              </fieldset>
            </form>
          </SectionsContext.Provider>
        </FormMetaProvider>
      </FormProvider>
    </section>
  );
}

/** The other phones, emails and addresses on file (a merge keeps the other record's as these). */
function AdditionalContacts({ contacts }: { contacts: AdditionalContact[] }) {
  const { t } = useI18n();
  if (contacts.length === 0) return null;
  const line = (c: AdditionalContact): string => {
    switch (c.kind) {
      case 'phone':
        return `${t('field.phone')}: ${c.phone}`;
      case 'email':
        return `${t('field.email')}: ${c.email}`;
      case 'address':
        return `${t('field.address')}: ${[c.address.street, c.address.unit, c.address.city, c.address.state, c.address.zip, c.address.country].filter(Boolean).join(', ')}`;
      case 'safeContact':
        return `${t('field.safeContact')}: ${[c.safeContact.name, c.safeContact.phone, c.safeContact.relationship].filter(Boolean).join(', ')}`;
    }
  };
  return (
    <div className="person-more-contacts">
      <h3 className="aside-title">{t('person.moreContacts')}</h3>
      <ul>
        {contacts.map((c, i) => (
          <li key={i}>{line(c)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Flags recomputed as the form changes (detention, last entry, needs, work permit), with the saved cases. */
function LiveFlags({ view }: { view: PersonView }) {
  const [detained, lastEntryDate, eadExpiry, urgentNeeds, notes] = useWatch({
    name: ['detention.detained', 'history.lastEntryDate', 'history.eadExpiry', 'urgentNeeds', 'notes'],
  }) as [unknown, unknown, unknown, unknown, unknown];
  const open = view.cases.filter((c) => c.status !== 'closed');
  const flags = urgencyOf({
    detained,
    lastEntryDate,
    hearingDates: open.map((c) => (c.nextHearing?.date ? formatUsDate(c.nextHearing.date) : null)),
    cases: open,
    eadExpiry,
    needsText: [urgentNeeds, notes].filter((x) => typeof x === 'string').join('\n'),
  });
  const same = JSON.stringify(flags.map((f) => f.code)) === JSON.stringify(view.urgency.map((f) => f.code));
  return same ? null : <UrgencyFlags flags={flags} compact />;
}

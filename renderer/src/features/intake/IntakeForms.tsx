/**
 * The quick intake (trainings: done by keyboard in under a minute) and the
 * full intake (every section). Both validate with the shared schemas in their
 * MM/DD/YYYY form variant, autosave as drafts, check for duplicates while
 * typing, and show urgency flags live.
 */
import { useEffect, useMemo, useRef, type BaseSyntheticEvent, type ReactNode, type RefObject } from 'react';
import { FormProvider, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { errorKey } from '../../../../shared/i18n';
import type { PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { useNavigation } from '../people/navigation';
import { DateField, FormMetaProvider, RequiredNote, SectionsContext, TextAreaField, TextField, YesNoField, useSections } from './fields';
import { formatANumber, normalizeANumber } from '../../../../shared/schemas/anumber';
import { ErrorSummary, useFocusFirstInvalid } from './ErrorSummary';
import { DuplicatePanel } from './duplicates';
import { UrgencyFlags } from './UrgencyFlags';
import { clockTime } from './useDraftAutosave';
import { useIntakeSave, type IntakeStart } from './useIntakeSave';
import {
  ConsentSection,
  ContactSection,
  CasesSection,
  DetentionSection,
  FamilySection,
  HistorySection,
  NotesSection,
  PersonSection,
} from './sections';
import {
  formSchemas,
  isBlank,
  probeOf,
  urgencyOfFull,
  urgencyOfQuick,
  type FullOutput,
  type FullValues,
  type QuickOutput,
  type QuickValues,
} from './model';
import { FacilityField } from '../detention/FacilityField';

export interface FormApi {
  getValues(): unknown;
  draftId(): string | null;
  decisions(): Record<string, string>;
  flush(): Promise<void>;
}

interface FormProps<V> {
  start: IntakeStart<V>;
  onSaved(person: PersonView): void;
  apiRef: RefObject<FormApi | null>;
  onDraftId(id: string | null): void;
}

const isSubmitKey = (e: globalThis.KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey;

/** Ctrl+Enter saves from anywhere on the page, the duplicate panel included. */
function useCtrlEnter(submit: () => unknown) {
  const ref = useRef(submit);
  useEffect(() => {
    ref.current = submit;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (isSubmitKey(e)) {
        e.preventDefault();
        void ref.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function QuickIntakeForm({ start, onSaved, apiRef, onDraftId }: FormProps<QuickValues>) {
  const { t } = useI18n();
  const form = useForm<QuickValues, unknown, QuickOutput>({
    resolver: zodResolver(formSchemas.quickIntake),
    defaultValues: start.values,
    shouldFocusError: false,
  });
  const [given, family, dob, aNumber, detained, nextHearingDate, urgentNeeds] = useWatch({
    control: form.control,
    name: ['givenName', 'familyName', 'dob', 'aNumber', 'detained', 'nextHearingDate', 'urgentNeeds'],
  });
  const probe = useMemo(() => probeOf(given, family, dob, aNumber), [given, family, dob, aNumber]);
  const flags = urgencyOfQuick({ detained, nextHearingDate, urgentNeeds });
  const core = useIntakeSave({
    form: form as unknown as UseFormReturn<QuickValues, unknown, unknown>,
    mode: 'quick',
    start,
    probe,
    isBlank: (v) => isBlank(v),
    onSaved,
  });
  useFormApi(apiRef, form, core);
  useReportDraftId(core.autosave.draftId, onDraftId);

  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const submit = form.handleSubmit(
    (out) => core.save(out.detained ? out : { ...out, facility: undefined }),
    () => focusInvalid(),
  );
  useCtrlEnter(() => submit());

  return (
    <IntakeFormFrame idPrefix="quick" title={t('intake.quick')} form={form} formRef={formRef} core={core} flags={flags} submit={submit}>
      <div className="field-row">
        <TextField name="givenName" label={t('field.givenName')} autoFocus required />
        <TextField name="familyName" label={t('field.familyName')} hint={t('field.familyNameHint')} />
      </div>
      <div className="field-row">
        <DateField name="dob" label={t('field.dob')} deps={['approxAge']} />
        <TextField
          name="approxAge"
          label={t('field.approxAgeOr')}
          hint={t('field.approxAgeHint')}
          size="short"
          inputMode="numeric"
          deps={['dob']}
        />
      </div>
      <TextField
        name="aNumber"
        label={t('field.aNumber')}
        hint={t('field.aNumberHint')}
        mono
        size="medium"
        onBlurExtra={() => {
          // Shown back the way the rest of Amparo writes it ("A-012-345-678"), so a typo is seen at once.
          const typed = form.getValues('aNumber');
          const n = typeof typed === 'string' ? normalizeANumber(typed) : null;
          if (n) form.setValue('aNumber', formatANumber(n));
        }}
      />
      <TextField name="phone" label={t('field.phone')} hint={t('field.phoneOptionalHint')} type="tel" size="medium" />
      <YesNoField name="detained" label={t('field.detained')} deps={['facility']} required />
      {detained ? <FacilityField name="facility" label={t('field.facility')} required /> : null}
      <DateField name="nextHearingDate" label={t('field.nextHearingDate')} />
      <TextAreaField
        name="urgentNeeds"
        label={t('field.urgentNeeds')}
        hint={t('intake.urgentNeedsHint')}
        rows={2}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <SaveBar saving={core.saving} />
    </IntakeFormFrame>
  );
}

export function FullIntakeForm({ start, onSaved, apiRef, onDraftId }: FormProps<FullValues>) {
  const { t } = useI18n();
  const form = useForm<FullValues, unknown, FullOutput>({
    resolver: zodResolver(formSchemas.fullIntake),
    defaultValues: start.values,
    shouldFocusError: false,
  });
  const [given, family, dob, aNumber, detained, cases, lastEntryDate, eadExpiry, notes] = useWatch({
    control: form.control,
    name: [
      'person.givenName',
      'person.familyName',
      'person.dob',
      'person.aNumber',
      'detention.detained',
      'cases',
      'history.lastEntryDate',
      'history.eadExpiry',
      'notes',
    ],
  });
  const probe = useMemo(() => probeOf(given, family, dob, aNumber), [given, family, dob, aNumber]);
  const flags = urgencyOfFull({
    detention: { detained } as FullValues['detention'],
    cases,
    history: { lastEntryDate, eadExpiry } as FullValues['history'],
    notes,
  });
  const core = useIntakeSave({
    form: form as unknown as UseFormReturn<FullValues, unknown, unknown>,
    mode: 'full',
    start,
    probe,
    isBlank: (v) => isBlank(v, new Set(['consent'])),
    onSaved,
  });
  useFormApi(apiRef, form, core);
  useReportDraftId(core.autosave.draftId, onDraftId);

  const sections = useSections();
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef, sections.openMany);
  const submit = form.handleSubmit(
    // The form's output has no consent when it was not given; the core asks for the answer itself, so say "not given".
    (out) => core.save({ ...out, consent: out.consent ?? { given: false } }),
    () => focusInvalid(),
  );
  useCtrlEnter(() => submit());

  return (
    <SectionsContext.Provider value={sections}>
      <IntakeFormFrame idPrefix="full" title={t('intake.full')} form={form} formRef={formRef} core={core} flags={flags} submit={submit}>
        <PersonSection autoFocus />
        <ContactSection />
        <DetentionSection />
        <HistorySection />
        <CasesSection />
        <FamilySection />
        <NotesSection />
        <ConsentSection />
        <SaveBar saving={core.saving} />
      </IntakeFormFrame>
    </SectionsContext.Provider>
  );
}

type Core = ReturnType<typeof useIntakeSave>;

/**
 * What the quick and the full intake share around their fields: the layout
 * with urgency and duplicates beside, the draft status, a form that saves the
 * draft whenever focus leaves a field, the announced error summary and the
 * server's error.
 */
function IntakeFormFrame({
  idPrefix,
  title,
  form,
  formRef,
  core,
  flags,
  submit,
  children,
}: {
  idPrefix: 'quick' | 'full';
  title: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two forms have different value types
  form: UseFormReturn<any, any, any>;
  formRef: RefObject<HTMLFormElement | null>;
  core: Core;
  flags: Parameters<typeof IntakeAside>[0]['flags'];
  submit: (e?: BaseSyntheticEvent) => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <IntakeLayout
      aside={<IntakeAside flags={flags} core={core} idPrefix={idPrefix} submit={submit} />}
      status={<DraftStatus savedAt={core.autosave.savedAt} failed={core.autosave.failed} />}
    >
      <FormProvider {...form}>
        <FormMetaProvider idPrefix={idPrefix}>
          <form
            ref={formRef}
            className={idPrefix === 'full' ? 'intake-form intake-form--full' : 'intake-form'}
            noValidate
            aria-labelledby="intake-form-title"
            aria-busy={core.saving}
            onSubmit={(e) => void submit(e)}
            onBlur={() => void core.autosave.flush()}
          >
            <h2 id="intake-form-title" className="visually-hidden">
              {title}
            </h2>
            <RequiredNote />
            <ErrorSummary idPrefix={idPrefix} />
            <FormAlert id={`${idPrefix}-alert`} message={core.serverError ? t(errorKey(core.serverError)) : null} />
            {children}
          </form>
        </FormMetaProvider>
      </FormProvider>
    </IntakeLayout>
  );
}

function useFormApi(apiRef: RefObject<FormApi | null>, form: { getValues(): unknown }, core: Core) {
  useEffect(() => {
    apiRef.current = {
      getValues: () => form.getValues(),
      draftId: () => core.autosave.currentId(),
      decisions: () => core.decisions,
      flush: () => core.autosave.flush(),
    };
  });
}

function useReportDraftId(id: string | null, report: (id: string | null) => void) {
  useEffect(() => report(id), [id, report]);
}

function IntakeLayout({ children, aside, status }: { children: ReactNode; aside: ReactNode; status: ReactNode }) {
  return (
    <div className="intake-layout">
      <div className="intake-main">
        {status}
        {children}
      </div>
      <aside className="intake-aside">{aside}</aside>
    </div>
  );
}

function IntakeAside({
  flags,
  core,
  idPrefix,
  submit,
}: {
  flags: ReturnType<typeof urgencyOfQuick>;
  core: Core;
  idPrefix: string;
  submit(): Promise<void>;
}) {
  const nav = useNavigation();
  return (
    <>
      <UrgencyFlags flags={flags} />
      <DuplicatePanel
        idPrefix={idPrefix}
        candidates={core.dup.candidates}
        checking={core.dup.checking}
        decisions={core.decisions}
        onDecide={core.decide}
        blocked={core.blocked}
        mergeNeeded={core.mergeNeeded}
        onMerge={(otherId, keep) => {
          // The merge rides on a normal save: the form is validated first, and the core merges in the same transaction.
          core.requestMerge({ otherId, keep });
          void submit();
        }}
        onOpen={(id) => {
          // The draft keeps what was typed: flush it before leaving.
          void core.autosave.flush().then(() => nav.openPerson(id));
        }}
      />
    </>
  );
}

function DraftStatus({ savedAt, failed }: { savedAt: string | null; failed: boolean }) {
  const { t } = useI18n();
  return (
    // data-saved-at: the exact instant of the save shown (the text has seconds only), for tests that wait for a save.
    <p className="draft-status" data-testid="draft-status" data-saved-at={savedAt ?? undefined}>
      {failed ? (
        <span className="draft-status--failed">{t('intake.draftFailed')}</span>
      ) : savedAt ? (
        <>
          <span aria-hidden="true">✓ </span>
          {t('intake.draftSaved', { time: clockTime(savedAt) })}
        </>
      ) : (
        t('intake.draftNotYet')
      )}
    </p>
  );
}

function SaveBar({ saving }: { saving: boolean }) {
  const { t } = useI18n();
  return (
    <div className="actions actions--start save-bar">
      <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+Enter">
        {saving ? <span className="spinner" aria-hidden="true" /> : null}
        {saving ? t('intake.saving') : t('intake.save')}
        <kbd aria-hidden="true">{t('intake.saveShortcut')}</kbd>
      </button>
      <span className="visually-hidden" role="status">
        {saving ? t('intake.saving') : ''}
      </span>
    </div>
  );
}

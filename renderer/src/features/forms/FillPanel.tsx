/**
 * Filling one form for one person, and the intake summary sheet. The core
 * fills in memory and hands the PDF back once, as bytes; it goes straight to
 * saveFile (the Electron save dialog, or a browser download), and is kept in
 * memory only so "Save again" works after a cancelled dialog (no second
 * fetch). Only a save that happened is reported to the core
 * (forms.recordDelivery), which then writes the case history row: a closed
 * dialog records nothing. What did not fit (the addendum page) and any
 * warnings are listed under the result.
 */
import { useId, useState } from 'react';
import { call, saveAndRecord, type DeliveryOp, type DeliveryState } from '../../api';
import type { ErrorInfo, Result } from '../../../../shared/errors';
import type { FillWarning } from '../../../../shared/forms/types';
import type { FilledPdf, TemplateSummary } from '../../../../shared/views';
import { LANG_NAMES, LANGS, type Lang } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { EditionDiff, fieldTail } from './EditionDiff';
import { editionDetails, formLabel, formsErrorText, type EditionDetails } from './lib';

type SaveState = DeliveryState;

/** Asks where to put a filled form (or downloads it), records the delivery once it is saved, and says what happened. */
export const savePdf = (r: { fileName: string; pdf: Uint8Array; token: string }): Promise<SaveState> =>
  saveAndRecord(r, 'forms.recordDelivery');

export function SaveMessage({ state, fileName, short = false }: { state: SaveState | null; fileName: string; short?: boolean }) {
  const { t } = useI18n();
  if (!state) return null;
  // Saved, but the history has no row for it: say so, the clinic may rely on that history.
  if (state.kind === 'saved' && !state.recorded) return <span className="field-error">{t('forms.save.notRecorded')}</span>;
  if (state.kind === 'saved' && short) return <span className="ok-text">{t('forms.save.savedShort')}</span>;
  if (state.kind === 'saved')
    return <span>{state.path ? t('forms.save.savedTo', { path: state.path }) : t('forms.save.saved', { file: fileName })}</span>;
  if (state.kind === 'notSaved') return <span>{t('forms.save.notSaved')}</span>;
  return <span>{t('forms.save.failed')}</span>;
}

/** "G-28 2022 · g-28.pdf · Ready": the form and edition say more than a long title, and the file tells two imports apart. */
export function templateOptionLabel(t: ReturnType<typeof useI18n>['t'], tpl: TemplateSummary): string {
  const what = tpl.form === 'custom' ? tpl.name : [formLabel(tpl.form), tpl.edition].filter(Boolean).join(' ');
  const status = tpl.status === 'ready' ? t('forms.status.ready') : t('forms.status.draft');
  return [what, tpl.fileName, status].filter(Boolean).join(' · ');
}

/** The templates a fill can use (with a map): ready ones first, and among them the exact official editions. */
export function fillableTemplates(templates: readonly TemplateSummary[] | null): TemplateSummary[] {
  const rank = (x: TemplateSummary) => (x.status === 'ready' ? 2 : 0) + (x.match?.exact ? 1 : 0);
  return (templates ?? []).filter((x) => x.mapped).sort((a, b) => rank(b) - rank(a));
}

/** A blank of another edition than its map: what differs, then "Accept and continue" or cancel. */
export function EditionPrompt({
  id,
  edition,
  disabled = false,
  onAccept,
  onCancel,
}: {
  id: string;
  edition: EditionDetails | null;
  disabled?: boolean;
  onAccept(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  if (!edition) return null;
  return (
    <EditionDiff id={id} form={edition.form} edition={edition.edition} missing={edition.missing} added={edition.added}>
      <button type="button" className="btn btn-primary" disabled={disabled} onClick={onAccept}>
        {t('forms.edition.accept')}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {t('forms.edition.cancel')}
      </button>
    </EditionDiff>
  );
}

/** The template to fill, among those with a map (labelled as `templateOptionLabel` says). */
export function TemplateSelect({
  id,
  templates,
  value,
  disabled,
  onChange,
}: {
  id: string;
  templates: readonly TemplateSummary[];
  value: string;
  disabled: boolean;
  onChange(id: string): void;
}) {
  const { t } = useI18n();
  return (
    <div className="field field--grow">
      <label htmlFor={id}>{t('forms.fill.template')}</label>
      <select id={id} className="select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {templates.map((x) => (
          <option key={x.id} value={x.id}>
            {templateOptionLabel(t, x)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function WarningList({ warnings }: { warnings: FillWarning[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="warning fill-warnings">
      <p>{t('forms.fill.warnings', { count: warnings.length })}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {t(`forms.warn.${w.code}`)}
            {w.field ? (
              <>
                {' '}
                <code className="path">{fieldTail(w.field)}</code>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FillResult({ result, saved, onSaveAgain }: { result: FilledPdf; saved: SaveState | null; onSaveAgain(): void }) {
  const { t } = useI18n();
  return (
    <div className="fill-result" data-testid="fill-result">
      <p className="ok-text">
        <strong>{t('forms.fill.done', { count: result.filled, pages: result.pageCount })}</strong>{' '}
        <SaveMessage state={saved} fileName={result.fileName} />
      </p>
      {result.overflow.length > 0 ? (
        <div className="notice fill-overflow">
          <p>{t('forms.fill.overflow', { count: result.overflow.length })}</p>
          <ul>
            {result.overflow.map((o) => (
              <li key={o.field}>{o.label || fieldTail(o.field)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <WarningList warnings={result.warnings} />
      <div className="actions actions--start">
        <button type="button" className="btn btn-small" onClick={onSaveAgain}>
          {t('forms.save.again')}
        </button>
      </div>
    </div>
  );
}

export function FillForm({
  personId,
  templates,
  onFilled,
}: {
  personId: string;
  templates: readonly TemplateSummary[] | null;
  onFilled?(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const fillable = fillableTemplates(templates);
  const [templateId, setTemplateId] = useState<string>('');
  const chosen = fillable.find((x) => x.id === templateId) ?? fillable[0];
  const [flatten, setFlatten] = useState(false);
  const [busy, setBusy] = useState<'filling' | 'saving' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [edition, setEdition] = useState<EditionDetails | null>(null);
  const [result, setResult] = useState<FilledPdf | null>(null);
  const [saved, setSaved] = useState<SaveState | null>(null);

  const save = async (r: FilledPdf) => {
    setBusy('saving');
    const state = await savePdf(r);
    setSaved(state);
    setBusy(null);
    if (state.kind === 'saved') onFilled?.();
  };

  const fill = async (accept: boolean) => {
    if (!chosen) return;
    setBusy('filling');
    setError(null);
    setEdition(null);
    setResult(null);
    setSaved(null);
    const res = await call('forms.fill', { templateId: chosen.id, personId, acceptEditionMismatch: accept, flatten });
    if (!res.ok) {
      setBusy(null);
      const diff = editionDetails(res.error);
      if (diff) {
        setEdition(diff);
        focusWhenReady(() => document.getElementById(`${id}-edition`));
      } else setError(res.error);
      return;
    }
    setResult(res.value);
    await save(res.value);
  };

  if (templates && fillable.length === 0) {
    return <p className="muted">{t('forms.fill.noTemplates')}</p>;
  }

  return (
    <div className="fill-form">
      <div className="field-row">
        <TemplateSelect
          id={`${id}-template`}
          templates={fillable}
          value={chosen?.id ?? ''}
          disabled={!templates}
          onChange={(v) => {
            setTemplateId(v);
            setEdition(null);
            setError(null);
          }}
        />
      </div>
      <div className="checkbox">
        <input
          id={`${id}-flatten`}
          type="checkbox"
          checked={flatten}
          onChange={(e) => setFlatten(e.target.checked)}
          aria-describedby={`${id}-flatten-hint`}
        />
        <label htmlFor={`${id}-flatten`}>{t('forms.fill.flatten')}</label>
      </div>
      <p id={`${id}-flatten-hint`} className="field-hint">
        {t('forms.fill.flattenHint')}
      </p>
      <div className="actions actions--start">
        <button type="button" className="btn btn-primary" disabled={!chosen || busy !== null} onClick={() => void fill(false)}>
          {busy === 'filling' ? <span className="spinner" aria-hidden="true" /> : null}
          {busy === 'filling' ? t('forms.fill.filling') : t('forms.fill.button')}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {busy === 'filling' ? t('forms.fill.filling') : ''}
      </span>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      <EditionPrompt
        id={`${id}-edition`}
        edition={edition}
        disabled={busy !== null}
        onAccept={() => void fill(true)}
        onCancel={() => setEdition(null)}
      />
      <div role="status" aria-live="polite">
        {result ? <FillResult result={result} saved={saved} onSaveAgain={() => void save(result)} /> : null}
      </div>
    </div>
  );
}

type MadePdf = { fileName: string; pdf: Uint8Array; token: string };

/**
 * A summary PDF made on request (the intake summary, the case summary):
 * the core draws it, it is saved where the person chooses, and its delivery
 * is recorded with `recordOp` only once saved.
 */
export function useMadePdf(recordOp: DeliveryOp, onSaved?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<{ fileName: string; saved: SaveState } | null>(null);
  const make = async (draw: () => Promise<Result<MadePdf>>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await draw();
    if (!res.ok) {
      setBusy(false);
      setError(res.error);
      return;
    }
    const saved = await saveAndRecord(res.value, recordOp);
    setBusy(false);
    setDone({ fileName: res.value.fileName, saved });
    if (saved.kind === 'saved') onSaved?.();
  };
  return { busy, error, done, make };
}
export type MadePdfState = ReturnType<typeof useMadePdf>;

/** The language a summary is written in: English or Spanish, whatever the screen's language. */
export function LangSelect({
  id,
  label,
  value,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  value: Lang;
  onChange(l: Lang): void;
  disabled?: boolean;
}) {
  return (
    <div className="field field--medium">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The button that draws and saves a summary, with a spinner while it works. */
export function MadePdfButton({ made, label, onMake }: { made: MadePdfState; label: string; onMake(): void }) {
  return (
    <div className="field">
      <button type="button" className="btn" disabled={made.busy} onClick={onMake}>
        {made.busy ? <span className="spinner" aria-hidden="true" /> : null}
        {label}
      </button>
    </div>
  );
}

/** The error if the core refused, and the announced outcome of the save. */
export function MadePdfOutcome({ id, made, making, doneClass }: { id: string; made: MadePdfState; making: string; doneClass?: string }) {
  const { t } = useI18n();
  const { busy, error, done } = made;
  return (
    <>
      <FormAlert id={`${id}-alert`} message={error ? formsErrorText(t, error) : null} />
      <p role="status" className={done ? doneClass : 'visually-hidden'}>
        {done ? <SaveMessage state={done.saved} fileName={done.fileName} /> : busy ? making : ''}
      </p>
    </>
  );
}

export function SummaryButton({ personId, onMade }: { personId: string; onMade?(): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [summaryLang, setSummaryLang] = useState<Lang>(lang);
  const made = useMadePdf('forms.recordDelivery', onMade);
  return (
    <div className="summary-form">
      <div className="field-row field-row--end">
        <LangSelect id={`${id}-lang`} label={t('forms.summary.lang')} value={summaryLang} onChange={setSummaryLang} />
        <MadePdfButton
          made={made}
          label={t('forms.summary.button')}
          onMake={() => void made.make(() => call('forms.summary', { personId, lang: summaryLang }))}
        />
      </div>
      <MadePdfOutcome id={id} made={made} making={t('forms.summary.making')} doneClass="ok-text" />
    </div>
  );
}

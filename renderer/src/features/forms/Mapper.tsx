/**
 * The field mapper, for a clinic's own form or a new edition of an official
 * one. Left: the template's name, form code and edition; the chosen field's
 * data source and transform; every field of the blank (label = the form's
 * own alternate name, name, type, page, MaxLen) as a table of buttons
 * (up/down arrows move between them). Right: the page the field is on,
 * drawn by pdf.js with the field outlined, and a test fill for a chosen
 * person whose result can be previewed or saved. Save binds the map to this
 * blank; the template is then ready to fill.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { call } from '../../api';
import type { ErrorInfo } from '../../../../shared/errors';
import type { MapEntry, Transform } from '../../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../../shared/forms/types';
import type { FilledPdf, FormSources, PersonSummary, SourcePath, TemplateView, TransformInfo } from '../../../../shared/views';
import type { Lang } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusWhenReady } from '../intake/focus';
import { PdfPreview } from './PdfPreview';
import { PersonPicker } from './PersonPicker';
import { savePdf, SaveMessage, WarningList } from './FillPanel';
import { StatusPill } from './TemplatesList';
import { fieldTail } from './EditionDiff';
import { openPdf } from './pdf';
import { formLabel, formsErrorText, mapProblems, shortFieldLabel } from './lib';

type Entries = Record<string, MapEntry>;
type SaveState = Awaited<ReturnType<typeof savePdf>>;

const FORM_CODE = /^[a-z0-9-]+$/;

/** Opens PDF bytes from the core with pdf.js, and closes the document when they change or the mapper closes. */
function usePdf(bytes: Uint8Array | null): { doc: PDFDocumentProxy | null; failed: boolean } {
  const [state, setState] = useState<{ src: Uint8Array; doc: PDFDocumentProxy | null; failed: boolean } | null>(null);
  useEffect(() => {
    if (!bytes) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(bytes)
      .then((d) => {
        if (!live) return void d.destroy();
        opened = d;
        setState({ src: bytes, doc: d, failed: false });
      })
      .catch(() => {
        if (live) setState({ src: bytes, doc: null, failed: true });
      });
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [bytes]);
  return state && state.src === bytes ? { doc: state.doc, failed: state.failed } : { doc: null, failed: false };
}

const labelOf = (p: SourcePath | undefined, lang: Lang, fallback: string) => (p ? p.label[lang] : fallback);

function sourceText(source: string | string[], paths: Map<string, SourcePath>, lang: Lang): string {
  const list = Array.isArray(source) ? source : [source];
  return list.map((s) => labelOf(paths.get(s), lang, s)).join(' + ');
}

/** One line saying where a field's value comes from. */
function describe(entry: MapEntry | undefined, sources: FormSources | null, lang: Lang, t: ReturnType<typeof useI18n>['t']): string {
  if (!entry) return '';
  const paths = new Map((sources?.paths ?? []).map((p) => [p.path, p]));
  const tr = sources?.transforms.find((x) => x.id === entry.transform)?.label[lang] ?? entry.transform;
  switch (entry.transform) {
    case 'constant':
      return typeof entry.value === 'boolean'
        ? entry.value
          ? t('forms.mapper.alwaysChecked')
          : t('forms.mapper.neverChecked')
        : `“${entry.value}”`;
    case 'checkbox-if': {
      const src = sourceText(entry.source, paths, lang);
      if (entry.truthy !== undefined) return `${src}: ${entry.truthy ? t('forms.mapper.cond.present') : t('forms.mapper.cond.empty')}`;
      return `${src} = ${String(entry.equals)}`;
    }
    default:
      return `${sourceText(entry.source, paths, lang)} · ${tr}`;
  }
}

function firstSource(entry: MapEntry | undefined): string | undefined {
  if (!entry || !('source' in entry)) return undefined;
  return Array.isArray(entry.source) ? entry.source[0] : entry.source;
}

/** A fresh entry when the transform changes, keeping the source where it still fits. */
function entryFor(transform: Transform, field: FieldInfo, prev: MapEntry | undefined, paths: SourcePath[]): MapEntry {
  const prevSource = firstSource(prev);
  const prevPath = paths.find((p) => p.path === prevSource);
  const firstText = paths.find((p) => p.kind !== 'object')?.path ?? 'person.givenName';
  switch (transform) {
    case 'constant':
      return field.type === 'checkbox' ? { transform, value: true } : { transform, value: '' };
    case 'checkbox-if':
      return { transform, source: prevPath && prevPath.kind !== 'object' ? prevPath.path : firstText, truthy: true };
    case 'name-given':
    case 'name-family':
    case 'name-middle':
      return { transform, source: prevPath?.kind === 'object' ? prevPath.path : 'person' };
    default:
      if (prev && prev.transform !== 'constant' && prev.transform !== 'checkbox-if' && !prev.transform.startsWith('name-'))
        return { ...prev, transform } as MapEntry;
      return { transform, source: prevPath && prevPath.kind !== 'object' ? prevPath.path : firstText };
  }
}

/** Grouped <option>s for the source select. */
function SourceOptions({ paths, lang }: { paths: SourcePath[]; lang: Lang }) {
  const groups = new Map<string, SourcePath[]>();
  for (const p of paths) {
    const head = p.path.split('.')[0] ?? '';
    const list = groups.get(head) ?? [];
    list.push(p);
    groups.set(head, list);
  }
  return (
    <>
      {[...groups.entries()].map(([head, list]) => (
        <optgroup key={head} label={list[0]!.label[lang].split(' › ')[0] ?? head}>
          {list.map((p) => (
            <option key={p.path} value={p.path}>
              {p.label[lang]}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

function FieldEditor({
  field,
  entry,
  sources,
  onChange,
}: {
  field: FieldInfo;
  entry: MapEntry | undefined;
  sources: FormSources;
  onChange(entry: MapEntry | undefined): void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const transforms: TransformInfo[] = sources.transforms.filter((x) => x.fieldTypes.includes(field.type) || x.id === entry?.transform);
  const info = sources.transforms.find((x) => x.id === entry?.transform);
  const valuePaths = sources.paths.filter((p) => p.kind !== 'object');
  const objectPaths = sources.paths.filter((p) => p.kind === 'object');
  const src = firstSource(entry);
  const current = entry && 'source' in entry ? entry.source : undefined;
  const listed = (list: SourcePath[]) => typeof current === 'string' && list.some((p) => p.path === current);
  const CURRENT = '__current__';

  const sourceSelect = (list: SourcePath[], label: string) => (
    <div className="field">
      <label htmlFor={`${id}-source`}>{label}</label>
      <select
        id={`${id}-source`}
        className="select"
        value={listed(list) ? (current as string) : CURRENT}
        onChange={(e) => {
          if (!entry || e.target.value === CURRENT) return;
          const next = { ...entry, source: e.target.value } as MapEntry;
          if ('separator' in next) delete next.separator;
          if (next.transform === 'checkbox-if') {
            const p = sources.paths.find((x) => x.path === e.target.value);
            delete next.equals;
            delete next.truthy;
            if (p?.kind === 'choice' && p.values?.[0] !== undefined) next.equals = p.values[0];
            else if (p?.kind === 'boolean') next.equals = true;
            else next.truthy = true;
          }
          onChange(next);
        }}
      >
        {!listed(list) ? (
          <option value={CURRENT}>
            {t('forms.mapper.currentSource', {
              source: current ? sourceText(current, new Map(sources.paths.map((p) => [p.path, p])), lang) : '',
            })}
          </option>
        ) : null}
        <SourceOptions paths={list} lang={lang} />
      </select>
    </div>
  );

  const condition = () => {
    if (!entry || entry.transform !== 'checkbox-if') return null;
    const p = sources.paths.find((x) => x.path === src);
    const opts: Array<{ value: string; label: string }> = [];
    if (p?.kind === 'choice')
      for (const v of p.values ?? []) opts.push({ value: `eq:${JSON.stringify(v)}`, label: t('forms.mapper.cond.equals', { value: v }) });
    if (p?.kind === 'boolean') {
      opts.push({ value: 'eq:true', label: t('forms.mapper.cond.yes') });
      opts.push({ value: 'eq:false', label: t('forms.mapper.cond.no') });
    }
    opts.push({ value: 'truthy:true', label: t('forms.mapper.cond.present') });
    opts.push({ value: 'truthy:false', label: t('forms.mapper.cond.empty') });
    const value = entry.truthy !== undefined ? `truthy:${entry.truthy}` : `eq:${JSON.stringify(entry.equals)}`;
    if (!opts.some((o) => o.value === value))
      opts.unshift({ value, label: t('forms.mapper.cond.equals', { value: String(entry.equals) }) });
    return (
      <div className="field">
        <label htmlFor={`${id}-cond`}>{t('forms.mapper.checkWhen')}</label>
        <select
          id={`${id}-cond`}
          className="select"
          value={value}
          onChange={(e) => {
            const v = e.target.value;
            const next = { ...entry };
            delete next.equals;
            delete next.truthy;
            if (v.startsWith('truthy:')) next.truthy = v === 'truthy:true';
            else next.equals = JSON.parse(v.slice(3)) as string | number | boolean;
            onChange(next);
          }}
        >
          {opts.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  const constant = () => {
    if (!entry || entry.transform !== 'constant') return null;
    if (field.type === 'checkbox' || typeof entry.value === 'boolean') {
      return (
        <div className="field">
          <label htmlFor={`${id}-value`}>{t('forms.mapper.value')}</label>
          <select
            id={`${id}-value`}
            className="select"
            value={String(entry.value)}
            onChange={(e) => onChange({ ...entry, value: e.target.value === 'true' })}
          >
            <option value="true">{t('forms.mapper.alwaysChecked')}</option>
            <option value="false">{t('forms.mapper.neverChecked')}</option>
          </select>
        </div>
      );
    }
    return (
      <div className="field">
        <label htmlFor={`${id}-value`}>{t('forms.mapper.value')}</label>
        {field.options.length > 0 ? (
          <p id={`${id}-value-hint`} className="field-hint">
            {t('forms.mapper.options', { options: field.options.join(', ') })}
          </p>
        ) : null}
        <input
          id={`${id}-value`}
          type="text"
          value={entry.value}
          autoComplete="off"
          aria-describedby={field.options.length > 0 ? `${id}-value-hint` : undefined}
          onChange={(e) => onChange({ ...entry, value: e.target.value })}
        />
      </div>
    );
  };

  const fillable = transforms.length > 0;
  return (
    <fieldset className="field-editor" data-testid="field-editor" id="forms-field-editor">
      <legend>{field.label ? shortFieldLabel(field.label) : fieldTail(field.name)}</legend>
      <p className="field-facts">
        {field.label && shortFieldLabel(field.label) !== field.label ? <span className="field-full-label">{field.label}</span> : null}
        <code className="mono">{field.name}</code>
        <span>
          {t(`forms.type.${field.type}`)} · {t('forms.mapper.pageN', { page: field.page || '—' })}
          {field.maxLen ? ` · ${t('forms.mapper.maxLen', { max: field.maxLen })}` : ''}
          {field.comb ? ` · ${t('forms.mapper.comb')}` : ''}
        </span>
      </p>
      {!fillable ? (
        <p className="muted">{t('forms.mapper.notFillable')}</p>
      ) : (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-transform`}>{t('forms.mapper.transform')}</label>
            <select
              id={`${id}-transform`}
              className="select"
              value={entry?.transform ?? ''}
              onChange={(e) => {
                const v = e.target.value as Transform | '';
                onChange(v === '' ? undefined : entryFor(v, field, entry, sources.paths));
              }}
            >
              <option value="">{t('forms.mapper.notFilled')}</option>
              {transforms.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label[lang]}
                </option>
              ))}
            </select>
          </div>
          {info?.takes === 'source' ? sourceSelect(valuePaths, t('forms.mapper.source')) : null}
          {info?.takes === 'object' ? sourceSelect(objectPaths, t('forms.mapper.nameOf')) : null}
          {info?.takes === 'condition' ? (
            <>
              {sourceSelect(valuePaths, t('forms.mapper.source'))}
              {condition()}
            </>
          ) : null}
          {info?.takes === 'value' ? constant() : null}
        </div>
      )}
    </fieldset>
  );
}

export function Mapper({ templateId, onClose }: { templateId: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLTableSectionElement>(null);
  const [tpl, setTpl] = useState<TemplateView | null>(null);
  const [sources, setSources] = useState<FormSources | null>(null);
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null);
  const [blank, setBlank] = useState<Uint8Array | null>(null);
  const [entries, setEntries] = useState<Entries>({});
  const [meta, setMeta] = useState({ name: '', form: '', edition: '' });
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<'all' | 'mapped' | 'unmapped'>('all');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);
  const [metaErrors, setMetaErrors] = useState<{ name?: boolean; form?: boolean; edition?: boolean }>({});
  const [status, setStatus] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [testBusy, setTestBusy] = useState(false);
  const [testError, setTestError] = useState<ErrorInfo | null>(null);
  const [test, setTest] = useState<FilledPdf | null>(null);
  const [testSaved, setTestSaved] = useState<SaveState | null>(null);
  const [showing, setShowing] = useState<'blank' | 'test'>('blank');

  const adopt = useCallback((v: TemplateView) => {
    setTpl(v);
    setEntries({ ...(v.map?.fields ?? {}) });
    setMeta({ name: v.name, form: v.map?.form ?? (v.form === 'custom' ? 'custom' : v.form), edition: v.map?.edition ?? v.edition ?? '' });
    setDirty(false);
  }, []);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('forms.getTemplate', { id: templateId }),
      call('forms.sources', {}),
      call('forms.blankBytes', { id: templateId }),
    ]).then(([tr, sr, br]) => {
      if (!live) return;
      if (!tr.ok) return setLoadError(tr.error);
      if (!sr.ok) return setLoadError(sr.error);
      adopt(tr.value);
      setSources(sr.value);
      if (br.ok) setBlank(br.value.pdf);
      else setLoadError(br.error);
      const first = tr.value.fields.find((f) => f.page > 0);
      if (first) {
        setSelected(first.name);
        setPage(first.page);
      }
      focusWhenReady(() => headingRef.current);
    });
    return () => {
      live = false;
    };
  }, [templateId, adopt]);

  const blankPdf = usePdf(blank);
  const testPdf = usePdf(test?.pdf ?? null);

  const fields = useMemo(() => tpl?.fields ?? [], [tpl]);
  const added = useMemo(() => new Set(tpl?.match && !tpl.match.exact ? tpl.match.added : []), [tpl]);
  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return fields.filter((f) => {
      if (show === 'mapped' && !entries[f.name]) return false;
      if (show === 'unmapped' && entries[f.name]) return false;
      return !q || f.label.toLowerCase().includes(q) || f.name.toLowerCase().includes(q);
    });
  }, [fields, filter, show, entries]);
  const field = fields.find((f) => f.name === selected) ?? null;
  const mappedCount = Object.keys(entries).length;
  const fieldNames = useMemo(() => new Set(fields.map((f) => f.name)), [fields]);
  /** Mapped fields this blank does not have (a map carried over from another edition). */
  const strays = Object.keys(entries).filter((n) => !fieldNames.has(n));
  const wrongType = (tpl?.problems ?? []).filter((p) => p.problem === 'wrong-type' && entries[p.field]).map((p) => p.field);

  /** First press chooses the field; pressing the chosen field again goes to its settings. */
  const choose = (f: FieldInfo) => {
    if (f.name === selected) {
      focusWhenReady(() => document.querySelector<HTMLElement>('#forms-field-editor select, #forms-field-editor input'));
      return;
    }
    setSelected(f.name);
    if (f.page > 0) setPage(f.page);
  };

  const onListKey = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.field-pick') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? buttons.length - 1
          : Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
    const b = buttons[next];
    if (!b) return;
    b.focus();
    const f = fields.find((x) => x.name === b.dataset.field);
    if (f && f.name !== selected) choose(f);
  };

  const setEntry = (name: string, entry: MapEntry | undefined) => {
    setEntries((cur) => {
      const next = { ...cur };
      if (entry) next[name] = entry;
      else delete next[name];
      return next;
    });
    setDirty(true);
    setStatus(null);
  };

  const dropStrays = () => {
    setEntries((cur) => Object.fromEntries(Object.entries(cur).filter(([n]) => fieldNames.has(n) && !wrongType.includes(n))));
    setDirty(true);
  };

  const save = async (): Promise<TemplateView | null> => {
    if (!tpl) return null;
    const errs = { name: meta.name.trim() === '', form: !FORM_CODE.test(meta.form.trim()), edition: meta.edition.trim() === '' };
    setMetaErrors(errs);
    setSaveError(null);
    setStatus(null);
    if (errs.name || errs.form || errs.edition) {
      focusWhenReady(() => document.getElementById(`${id}-${errs.name ? 'name' : errs.form ? 'form' : 'edition'}`));
      return null;
    }
    setSaving(true);
    const map = {
      form: meta.form.trim(),
      edition: meta.edition.trim(),
      ...(tpl.map?.title ? { title: tpl.map.title } : {}),
      ...(tpl.map?.aliases ? { aliases: tpl.map.aliases } : {}),
      fields: entries,
    };
    const res = await call('forms.saveTemplate', { id: tpl.id, version: tpl.version, name: meta.name.trim(), map });
    setSaving(false);
    if (!res.ok) {
      setSaveError(res.error);
      focusWhenReady(() => document.getElementById(`${id}-save-alert`));
      return null;
    }
    adopt(res.value);
    setStatus(t('forms.mapper.saved', { count: Object.keys(res.value.map?.fields ?? {}).length }));
    return res.value;
  };

  const testFill = async () => {
    if (!person || !tpl) return;
    setTestError(null);
    setTestSaved(null);
    if (dirty || !tpl.map) {
      const saved = await save();
      if (!saved) return;
    }
    setTestBusy(true);
    const res = await call('forms.testFill', { templateId: tpl.id, personId: person.id });
    setTestBusy(false);
    if (!res.ok) {
      setTestError(res.error);
      return;
    }
    setTest(res.value);
    setShowing('test');
  };

  const leave = () => {
    if (dirty) {
      setLeaving(true);
      focusWhenReady(() => document.getElementById(`${id}-leave`));
    } else onClose();
  };

  if (loadError && !tpl) {
    return (
      <div className="mapper">
        <FormAlert id={`${id}-load`} message={formsErrorText(t, loadError)} />
        <button type="button" className="btn" onClick={onClose}>
          {t('forms.mapper.back')}
        </button>
      </div>
    );
  }
  if (!tpl || !sources) return <p className="loading">{t('forms.mapper.loading')}</p>;

  const problems = mapProblems(saveError);
  const previewDoc = showing === 'test' && test ? testPdf.doc : blankPdf.doc;

  return (
    <div className="mapper">
      <div className="mapper-head">
        <button type="button" className="btn btn-small btn-quiet" onClick={leave}>
          ← {t('forms.mapper.back')}
        </button>
        <h2 ref={headingRef} tabIndex={-1}>
          {t('forms.mapper.title', { name: tpl.name })} <StatusPill status={tpl.status} />
        </h2>
        <p className="field-hint">{t('forms.mapper.intro', { fields: fields.length, pages: tpl.pageCount })}</p>
      </div>
      {leaving ? (
        <div className="warning" id={`${id}-leave`} tabIndex={-1} role="alert">
          <p>{t('forms.mapper.unsaved')}</p>
          <div className="actions actions--start">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() =>
                void save().then((v) => {
                  if (v) onClose();
                })
              }
            >
              {t('forms.mapper.saveAndLeave')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('forms.mapper.discard')}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setLeaving(false)}>
              {t('forms.mapper.stay')}
            </button>
          </div>
        </div>
      ) : null}
      {strays.length > 0 || wrongType.length > 0 ? (
        <div className="notice mapper-strays">
          <p>{t('forms.mapper.strays', { count: strays.length + wrongType.length })}</p>
          <button type="button" className="btn btn-small" onClick={dropStrays}>
            {t('forms.mapper.dropStrays')}
          </button>
        </div>
      ) : null}

      <div className="mapper-grid">
        <div className="mapper-left">
          <fieldset className="plain-fieldset mapper-meta">
            <legend>{t('forms.mapper.template')}</legend>
            <div className="field-row">
              <div className={`field field--grow${metaErrors.name ? ' field--invalid' : ''}`}>
                <label htmlFor={`${id}-name`}>{t('forms.mapper.name')}</label>
                <input
                  id={`${id}-name`}
                  type="text"
                  value={meta.name}
                  maxLength={200}
                  aria-invalid={metaErrors.name || undefined}
                  aria-describedby={metaErrors.name ? `${id}-name-error` : undefined}
                  onChange={(e) => {
                    setMeta({ ...meta, name: e.target.value });
                    setDirty(true);
                  }}
                />
                {metaErrors.name ? (
                  <p id={`${id}-name-error`} className="field-error">
                    {t('forms.mapper.nameRequired')}
                  </p>
                ) : null}
              </div>
            </div>
            <div className="field-row">
              <div className={`field${metaErrors.form ? ' field--invalid' : ''}`}>
                <label htmlFor={`${id}-form`}>{t('forms.mapper.formCode')}</label>
                <p id={`${id}-form-hint`} className="field-hint">
                  {t('forms.mapper.formCodeHint')}
                </p>
                <input
                  id={`${id}-form`}
                  type="text"
                  value={meta.form}
                  maxLength={40}
                  spellCheck={false}
                  aria-invalid={metaErrors.form || undefined}
                  aria-describedby={`${id}-form-hint${metaErrors.form ? ` ${id}-form-error` : ''}`}
                  onChange={(e) => {
                    setMeta({ ...meta, form: e.target.value.toLowerCase() });
                    setDirty(true);
                  }}
                />
                {metaErrors.form ? (
                  <p id={`${id}-form-error`} className="field-error">
                    {t('forms.mapper.formCodeInvalid')}
                  </p>
                ) : null}
              </div>
              <div className={`field${metaErrors.edition ? ' field--invalid' : ''}`}>
                <label htmlFor={`${id}-edition`}>{t('forms.mapper.edition')}</label>
                <p id={`${id}-edition-hint`} className="field-hint">
                  {t('forms.mapper.editionHint')}
                </p>
                <input
                  id={`${id}-edition`}
                  type="text"
                  value={meta.edition}
                  maxLength={40}
                  aria-invalid={metaErrors.edition || undefined}
                  aria-describedby={`${id}-edition-hint${metaErrors.edition ? ` ${id}-edition-error` : ''}`}
                  onChange={(e) => {
                    setMeta({ ...meta, edition: e.target.value });
                    setDirty(true);
                  }}
                />
                {metaErrors.edition ? (
                  <p id={`${id}-edition-error`} className="field-error">
                    {t('forms.mapper.editionRequired')}
                  </p>
                ) : null}
              </div>
            </div>
          </fieldset>

          {field ? (
            <FieldEditor
              key={field.name}
              field={field}
              entry={entries[field.name]}
              sources={sources}
              onChange={(e) => setEntry(field.name, e)}
            />
          ) : null}

          <div className="mapper-save">
            <FormAlert id={`${id}-save-alert`} message={saveError ? formsErrorText(t, saveError) : null} />
            {problems.length > 0 ? (
              <ul className="issue-list">
                {problems.map((p) => (
                  <li key={p.field}>
                    <code className="path">{fieldTail(p.field)}</code>{' '}
                    {t(
                      p.problem === 'missing'
                        ? 'forms.mapper.problem.missing'
                        : p.problem === 'path'
                          ? 'forms.mapper.problem.path'
                          : 'forms.mapper.problem.type',
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            <FormStatus message={status} />
            <div className="actions actions--start">
              <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save()}>
                {saving ? <span className="spinner" aria-hidden="true" /> : null}
                {t('forms.mapper.save')}
              </button>
              <span className="field-hint" aria-live="polite">
                {dirty ? t('forms.mapper.dirty') : t('forms.mapper.clean')} ·{' '}
                {t('forms.mapper.mappedCount', { mapped: mappedCount, total: fields.length })}
              </span>
            </div>
          </div>

          <div className="mapper-filter field-row">
            <div className="field field--grow">
              <label htmlFor={`${id}-filter`}>{t('forms.mapper.filter')}</label>
              <input
                id={`${id}-filter`}
                type="search"
                value={filter}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
            <div className="field field--medium">
              <label htmlFor={`${id}-show`}>{t('forms.mapper.show')}</label>
              <select id={`${id}-show`} className="select" value={show} onChange={(e) => setShow(e.target.value as typeof show)}>
                <option value="all">{t('forms.mapper.show.all')}</option>
                <option value="mapped">{t('forms.mapper.show.mapped')}</option>
                <option value="unmapped">{t('forms.mapper.show.unmapped')}</option>
              </select>
            </div>
          </div>
          <p className="field-hint" id={`${id}-list-hint`}>
            {t('forms.mapper.listHint', { shown: visible.length, total: fields.length })}
          </p>
          <div className="table-wrap field-list-wrap">
            <table className="data-table field-table" aria-label={t('forms.mapper.fields')} aria-describedby={`${id}-list-hint`}>
              <thead>
                <tr>
                  <th scope="col">{t('forms.mapper.col.label')}</th>
                  <th scope="col">{t('forms.mapper.col.type')}</th>
                  <th scope="col">{t('forms.mapper.col.page')}</th>
                  <th scope="col">{t('forms.mapper.col.maxLen')}</th>
                  <th scope="col">{t('forms.mapper.col.source')}</th>
                </tr>
              </thead>
              <tbody ref={listRef} onKeyDown={onListKey}>
                {visible.map((f) => {
                  const isSel = f.name === selected;
                  return (
                    <tr key={f.name} className={isSel ? 'row--selected' : undefined}>
                      <th scope="row">
                        <button type="button" className="field-pick" data-field={f.name} aria-pressed={isSel} onClick={() => choose(f)}>
                          {f.label ? shortFieldLabel(f.label) : fieldTail(f.name)}
                        </button>
                        {added.has(f.name) ? <span className="pill pill--warning pill--small">{t('forms.mapper.new')}</span> : null}
                        <code className="field-name" title={f.name}>
                          {fieldTail(f.name)}
                        </code>
                      </th>
                      <td>{t(`forms.type.${f.type}`)}</td>
                      <td>{f.page || '—'}</td>
                      <td>{f.maxLen ?? ''}</td>
                      <td className="field-source">
                        {describe(entries[f.name], sources, lang, t) || <span className="muted">{t('forms.mapper.notFilled')}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>

        <div className="mapper-right">
          <div className="segmented" role="group" aria-label={t('forms.mapper.previewOf')}>
            <button type="button" className="segmented-btn" aria-pressed={showing === 'blank'} onClick={() => setShowing('blank')}>
              {t('forms.mapper.previewBlank')}
            </button>
            <button
              type="button"
              className="segmented-btn"
              aria-pressed={showing === 'test'}
              disabled={!test}
              onClick={() => setShowing('test')}
            >
              {t('forms.mapper.previewTest')}
            </button>
          </div>
          <PdfPreview
            doc={previewDoc}
            page={page}
            highlight={selected}
            label={
              showing === 'test' && test
                ? t('forms.mapper.previewTestLabel')
                : t('forms.mapper.previewBlankLabel', { form: formLabel(meta.form) || tpl.name })
            }
            width={430}
            onPageChange={setPage}
            testId="mapper-preview"
          />
          {(showing === 'blank' ? blankPdf.failed : testPdf.failed) ? <p className="field-error">{t('forms.preview.failed')}</p> : null}

          <section className="test-fill" aria-labelledby={`${id}-test-title`}>
            <h3 id={`${id}-test-title`}>{t('forms.mapper.testTitle')}</h3>
            <PersonPicker label={t('forms.mapper.testPerson')} value={person} onChange={setPerson} />
            <div className="actions actions--start">
              <button type="button" className="btn btn-primary" disabled={!person || testBusy || saving} onClick={() => void testFill()}>
                {testBusy ? <span className="spinner" aria-hidden="true" /> : null}
                {dirty || !tpl.map ? t('forms.mapper.saveAndTest') : t('forms.mapper.test')}
              </button>
            </div>
            <FormAlert id={`${id}-test-alert`} message={testError ? formsErrorText(t, testError) : null} />
            <div role="status" aria-live="polite">
              {test ? (
                <div className="fill-result" data-testid="test-result">
                  <p>
                    <strong>{t('forms.fill.done', { count: test.filled, pages: test.pageCount })}</strong>{' '}
                    {test.overflow.length > 0 ? t('forms.fill.overflow', { count: test.overflow.length }) : ''}
                  </p>
                  <WarningList warnings={test.warnings} />
                  <div className="actions actions--start">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void savePdf(test).then(setTestSaved)}
                    >
                      {t('forms.mapper.saveTest')}
                    </button>
                    <SaveMessage state={testSaved} fileName={test.fileName} />
                  </div>
                </div>
              ) : null}
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}

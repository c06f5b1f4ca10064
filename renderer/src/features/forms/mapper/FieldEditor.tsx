/**
 * The chosen field's settings: its facts (label, name, type, page, MaxLen),
 * then the transform and, as the transform needs, the data source, the
 * condition of a checkbox or a constant value.
 */
import { useId } from 'react';
import type { MapEntry, Transform } from '../../../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../../../shared/forms/types';
import type { FormSources, SourcePath, TransformInfo } from '../../../../../shared/views';
import type { Lang } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n';
import { fieldTail } from '../EditionDiff';
import { shortFieldLabel } from '../lib';
import { entryFor, firstSource, sourceText } from './entries';

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

export function FieldEditor({
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

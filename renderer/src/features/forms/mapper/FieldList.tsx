/**
 * Every field of the blank as a table of buttons, with a filter and a
 * mapped/unmapped choice. Up and down arrows (Home, End) move between the
 * fields and choose them; pressing the chosen field again goes to its settings.
 */
import { useRef, type Dispatch, type KeyboardEvent } from 'react';
import type { FieldInfo } from '../../../../../shared/forms/types';
import type { FormSources } from '../../../../../shared/views';
import { useI18n } from '../../../i18n';
import { focusWhenReady } from '../../intake/focus';
import { FilterField } from '../BatchPeople';
import { fieldTail } from '../EditionDiff';
import { shortFieldLabel } from '../lib';
import { describe } from './entries';
import { visibleFields, type MapperAction, type MapperState, type Show } from './state';

/** Where "press the chosen field again" sends focus: the first control of the field editor. */
export const EDITOR_CONTROLS = '#forms-field-editor select, #forms-field-editor input';

export function FieldList({
  id,
  state,
  sources,
  dispatch,
}: {
  id: string;
  state: MapperState;
  sources: FormSources;
  dispatch: Dispatch<MapperAction>;
}) {
  const { t, lang } = useI18n();
  const listRef = useRef<HTMLTableSectionElement>(null);
  const fields = state.tpl?.fields ?? [];
  const visible = visibleFields(state);
  const added = new Set(state.tpl?.match && !state.tpl.match.exact ? state.tpl.match.added : []);

  const choose = (f: FieldInfo) => {
    if (f.name === state.selected) focusWhenReady(() => document.querySelector<HTMLElement>(EDITOR_CONTROLS));
    else dispatch({ type: 'select', field: f });
  };

  const onListKey = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.field-pick') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    const last = buttons.length - 1;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? last : Math.max(0, Math.min(last, i + (e.key === 'ArrowDown' ? 1 : -1)));
    const b = buttons[next];
    if (!b) return;
    b.focus();
    const f = fields.find((x) => x.name === b.dataset.field);
    if (f && f.name !== state.selected) choose(f);
  };

  return (
    <>
      <div className="mapper-filter field-row">
        <FilterField
          id={`${id}-filter`}
          label={t('forms.mapper.filter')}
          value={state.filter}
          onChange={(value) => dispatch({ type: 'filter', value })}
          className="field field--grow"
        />
        <div className="field field--medium">
          <label htmlFor={`${id}-show`}>{t('forms.mapper.show')}</label>
          <select
            id={`${id}-show`}
            className="select"
            value={state.show}
            onChange={(e) => dispatch({ type: 'show', value: e.target.value as Show })}
          >
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
              const isSel = f.name === state.selected;
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
                    {describe(state.entries[f.name], sources, lang, t) || <span className="muted">{t('forms.mapper.notFilled')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

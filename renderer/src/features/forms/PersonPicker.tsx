/**
 * Choose one person for a fill or a test fill: type a name or A-number,
 * results come as you type (people.search, accents optional), each result is
 * a button. Down arrow in the box moves to the first result; up and down move
 * between results. Nothing is remembered after the page closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useCoreQuery } from '../../query';
import { useDebounced } from '../../hooks';
import type { PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { personLabel, showDate } from './lib';

const LIMIT = 8;
const DEBOUNCE_MS = 150;

export function PersonPicker({
  label,
  value,
  onChange,
  id,
}: {
  label: string;
  value: PersonSummary | null;
  onChange(p: PersonSummary | null): void;
  id?: string;
}) {
  const { t, lang } = useI18n();
  const autoId = useId();
  const inputId = id ?? autoId;
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'input' | 'change' | null>(null);
  const q = query.trim();
  const settled = useDebounced(q, DEBOUNCE_MS);
  const search = useCoreQuery('people.search', { query: settled, limit: LIMIT }, { enabled: settled !== '' });

  useEffect(() => {
    if (focusAfter.current === 'change') changeRef.current?.focus();
    if (focusAfter.current === 'input') inputRef.current?.focus();
    focusAfter.current = null;
  }, [value]);

  // Only the answer to what the box says now (a failed search shows as no match).
  const shown = q !== '' && settled === q && !search.isPending ? (search.isError ? [] : search.data) : null;

  const buttons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      buttons()[0]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const first = shown?.[0];
      if (first && shown.length === 1) pick(first);
    }
  };
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const all = buttons();
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowUp' && i <= 0) return inputRef.current?.focus();
    all[Math.min(all.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))]?.focus();
  };
  const pick = (p: PersonSummary) => {
    focusAfter.current = 'change';
    setQuery('');
    onChange(p);
  };

  if (value) {
    return (
      <div className="picked-person">
        <span className="picked-label">{label}</span>
        <p className="picked-name">
          <strong data-testid="picked-person">{personLabel(value)}</strong>
          {value.dob ? <span className="person-facts"> · {t('forms.person.dob', { date: showDate(value.dob, lang) })}</span> : null}
          <button
            ref={changeRef}
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => {
              focusAfter.current = 'input';
              onChange(null);
            }}
          >
            {t('forms.person.change')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="field person-picker">
      <label htmlFor={inputId}>{label}</label>
      <p id={`${inputId}-hint`} className="field-hint">
        {t('forms.person.hint')}
      </p>
      <input
        ref={inputRef}
        id={inputId}
        type="search"
        value={query}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onInputKey}
      />
      {shown ? (
        shown.length === 0 ? (
          <p className="muted" role="status">
            {t('forms.person.none')}
          </p>
        ) : (
          <ul
            className="person-results"
            ref={listRef}
            onKeyDown={onListKey}
            aria-label={t('forms.person.results', { count: shown.length })}
          >
            {shown.map((p) => (
              <li key={p.id}>
                <button type="button" className="person-result" onClick={() => pick(p)}>
                  <span className="person-result-name">{personLabel(p)}</span>
                  {p.dob ? <span className="person-facts">{t('forms.person.dob', { date: showDate(p.dob, lang) })}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

/**
 * The one search box, in the header: Ctrl+K or "/" focuses it, results come
 * as you type (debounced), arrows move, Enter opens. ARIA 1.2 combobox with a
 * listbox popup; focus stays in the input (aria-activedescendant).
 * Accents are optional and A-numbers match in any format (the core folds both).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { call } from '../../api';
import type { PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { useNavigation } from './navigation';
import { PersonFacts, personName } from './format';

export const SEARCH_DEBOUNCE_MS = 120;
const LIMIT = 8;

const isEditable = (el: Element | null) =>
  !!el &&
  (el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el as HTMLElement).isContentEditable);

export function HeaderSearch() {
  const { t } = useI18n();
  const nav = useNavigation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonSummary[]>([]);
  const [shownFor, setShownFor] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const listId = useId();
  const hintId = useId();
  const optionId = (i: number) => `${listId}-opt-${i}`;

  // Results as you type.
  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (!q) return;
    const timer = window.setTimeout(() => {
      void call('people.search', { query: q, limit: LIMIT }).then((res) => {
        if (mine !== seq.current) return;
        const rows = res.ok ? res.value : [];
        setResults(rows);
        setShownFor(q);
        setActive(rows.length ? 0 : -1);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  // Ctrl+K (Cmd+K) anywhere; "/" when not typing in a field.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(document.activeElement);
      if (ctrlK || slash) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (p: PersonSummary) => {
    setOpen(false);
    setQuery('');
    nav.openPerson(p.id);
  };

  const expanded = open && query.trim() !== '' && shownFor !== '';

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        setActive((i) => (results.length ? (i + 1) % results.length : -1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        setActive((i) => (results.length ? (i <= 0 ? results.length - 1 : i - 1) : -1));
        break;
      case 'Home':
      case 'End':
        if (expanded && results.length) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : results.length - 1);
        }
        break;
      case 'Enter': {
        const p = results[active];
        if (expanded && p) {
          e.preventDefault();
          choose(p);
        }
        break;
      }
      case 'Escape':
        e.preventDefault();
        if (expanded) setOpen(false);
        else setQuery('');
        break;
    }
  };

  const status = !query.trim() || shownFor === '' ? '' : results.length ? t('search.count', { count: results.length }) : t('search.none');

  return (
    <div className="header-search" role="search">
      <label htmlFor="header-search-input" className="visually-hidden">
        {t('search.label')}
      </label>
      <span className="header-search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={inputRef}
        id="header-search-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={hintId}
        aria-keyshortcuts="Control+K /"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          if (!e.target.value.trim()) {
            setResults([]);
            setShownFor('');
            setActive(-1);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <kbd className="header-search-kbd" aria-hidden="true">
        Ctrl+K
      </kbd>
      <span id={hintId} className="visually-hidden">
        {t('search.hint')}
      </span>
      <span className="visually-hidden" role="status">
        {status}
      </span>
      <ul id={listId} role="listbox" aria-label={t('search.results')} className="search-results" hidden={!expanded}>
        {expanded && results.length === 0 ? (
          <li className="search-empty" role="presentation">
            {t('search.none')}
          </li>
        ) : null}
        {results.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="search-option"
            // Keep focus in the input while clicking an option.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(p)}
          >
            <span className="search-option-name">{personName(p)}</span>
            <PersonFacts p={p} />
          </li>
        ))}
      </ul>
    </div>
  );
}

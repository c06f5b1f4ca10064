/**
 * The one search box, in the header: Ctrl+K or "/" focuses it, results come
 * as you type (debounced), arrows move, Enter opens. ARIA 1.2 combobox with a
 * listbox popup; focus stays in the input (aria-activedescendant).
 * Accents are optional and A-numbers match in any format (the core folds both).
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { useNavigation } from './navigation';
import { PersonOptions, usePersonCombobox } from './personSearch';

/** The core reads at most this many matches (SEARCH_CANDIDATES); one more than the count it can name. */
const COUNT_UP_TO = 201;

const isEditable = (el: Element | null) =>
  !!el &&
  (el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el as HTMLElement).isContentEditable);

export function HeaderSearch() {
  const { t } = useI18n();
  const nav = useNavigation();
  const box = usePersonCombobox({ countUpTo: COUNT_UP_TO });
  const { setQuery, setOpen, rows: results, active, setActive, expanded, shown } = box;
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();

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

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (box.arrowKey(e)) return;
    switch (e.key) {
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

  // Past 200 matches the count stops: the first page shows, and a line says to keep typing.
  const more = !!shown && shown.found >= COUNT_UP_TO;
  const status = !shown
    ? ''
    : more
      ? t('search.more', { count: COUNT_UP_TO - 1 })
      : results.length
        ? t('search.count', { count: shown.found })
        : t('search.none');

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
        {...box.inputProps}
        aria-describedby={hintId}
        aria-keyshortcuts="Control+K /"
        autoCorrect="off"
        placeholder={t('search.placeholder')}
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
      <PersonOptions
        box={box}
        label={t('search.results')}
        none={t('search.none')}
        more={more ? t('search.more', { count: COUNT_UP_TO - 1 }) : null}
        className="search-results"
        onPick={choose}
      />
    </div>
  );
}

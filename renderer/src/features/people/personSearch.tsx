/**
 * The person search behind every "type a name, pick a person" box (the
 * header search, the family-link picker): the typed text is debounced, each
 * settled text is one cached read (`people.search`, or `people.searchPage`
 * when the box also says how many matched), and an ARIA 1.2 combobox state
 * (open, active option) sits on top. The core folds accents and
 * A-number formats.
 *
 * Stale answers never overwrite newer ones: every text has its own cache
 * entry, and what is shown is the answer for the settled text, or, while it
 * is on its way, the last answer shown (never a late answer to older text).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { PersonSearchPage, PersonSummary } from '../../../../shared/views';
import { useCoreQuery } from '../../query';
import { PersonFacts, personName } from './format';

export const SEARCH_DEBOUNCE_MS = 120;
const LIMIT = 8;
const NO_ONE: readonly PersonSummary[] = [];
const isEmpty = (s: string) => s === '';

/** `value` once it has stayed the same for `ms` milliseconds; values `now` accepts settle at once. */
export function useDebounced<T>(value: T, ms: number, now?: (v: T) => boolean): T {
  const [settled, setSettled] = useState(value);
  if (now?.(value) && !Object.is(settled, value)) setSettled(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface SearchOptions {
  limit?: number;
  exclude?: string | undefined;
  countUpTo?: number;
}

/** The rows shown and the text they answer; `found`: how many the core returned (at most the `countUpTo` asked). */
export interface Shown {
  q: string;
  rows: readonly PersonSummary[];
  found: number;
}

/**
 * The people matching `query` (trimmed, debounced), at most `limit`, leaving
 * out `exclude` (the record being edited). Null while nothing has been
 * answered for the text in the box (or the box is empty). With `countUpTo`,
 * the core counts the matches up to that many (its search stops there, issue
 * 17) and summarizes only the rows shown, so the box can say "more than 200"
 * without a count of every match.
 */
export function usePersonSearch(query: string, { limit = LIMIT, exclude, countUpTo }: SearchOptions = {}): Shown | null {
  const q = query.trim();
  // An emptied box settles at once: an answer to what was there before must not show for what is typed next.
  const settled = useDebounced(q, SEARCH_DEBOUNCE_MS, isEmpty);
  // One more than shown, so leaving out `exclude` still fills the list.
  const asked = exclude ? limit + 1 : limit;
  const counting = countUpTo !== undefined;
  const list = useCoreQuery('people.search', { query: settled, limit: asked }, { enabled: settled !== '' && !counting });
  const page = useCoreQuery(
    'people.searchPage',
    { query: settled, limit: asked, countUpTo: countUpTo ?? 1 },
    { enabled: settled !== '' && counting },
  );
  const search = counting ? page : list;
  // A failed search shows as "no one found", as it always has.
  const answered = settled === '' ? undefined : search.isSuccess ? search.data : search.isError ? NO_ONE : undefined;
  const [last, setLast] = useState<Remembered | null>(null);
  const next = rememberAnswer(last, { q, settled, answered, exclude, limit });
  // Remembered during render (not in an effect), so a new answer shows in the same paint.
  if (next !== last) setLast(next);
  return next?.shown ?? null;
}

/** The answer on screen: the core's rows as they came (to tell a new answer from the same one) and what is shown of them. */
export interface Remembered {
  answer: Answer;
  shown: Shown;
}

/** What the core answered: the rows (people.search), or the rows and their count (people.searchPage). */
export type Answer = readonly PersonSummary[] | PersonSearchPage;

/**
 * What the search shows after a render: nothing for an empty box; the answer
 * to the settled text once it has come; until then, what was shown before.
 * `answered` is always the answer to `settled` (its own cache entry), so an
 * answer to older text can never take the place of a newer one. Returns
 * `last` itself when nothing changed.
 */
export function rememberAnswer(
  last: Remembered | null,
  now: { q: string; settled: string; answered: Answer | undefined; exclude?: string | undefined; limit: number },
): Remembered | null {
  if (now.q === '') return null;
  if (now.answered === undefined || last?.answer === now.answered) return last;
  const rows = isPage(now.answered) ? now.answered.rows : now.answered;
  const all = rows.filter((p) => p.id !== now.exclude);
  // A counted page's total less the record left out, when it was among the rows.
  const found = isPage(now.answered) ? now.answered.found - (rows.length - all.length) : all.length;
  return { answer: now.answered, shown: { q: now.settled, rows: all.slice(0, now.limit), found } };
}

const isPage = (a: Answer): a is PersonSearchPage => !Array.isArray(a);

/**
 * Combobox state over a person search: the text, whether the popup is open,
 * and the active option (reset to the first one when new rows arrive).
 * `inputProps` goes on the <input>; the caller adds its own keys.
 */
export function usePersonCombobox(opts: SearchOptions = {}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const shown = usePersonSearch(query, opts);
  const [cursor, setCursor] = useState<{ rows: readonly PersonSummary[] | null; i: number }>({ rows: null, i: -1 });
  const listId = useId();
  const rows = shown?.rows ?? [];
  const active = shown && cursor.rows === shown.rows ? cursor.i : rows.length ? 0 : -1;
  const expanded = open && shown !== null;
  const optionId = (i: number) => `${listId}-opt-${i}`;
  const setActive = (i: number) => setCursor({ rows: shown?.rows ?? null, i });
  /** Down (+1) or up (-1), wrapping; opens the popup. */
  const move = (step: 1 | -1) => {
    setOpen(true);
    if (!rows.length) return setActive(-1);
    setActive(step === 1 ? (active + 1) % rows.length : active <= 0 ? rows.length - 1 : active - 1);
  };
  /** Handles ArrowDown/ArrowUp on the input; true when it did. */
  const arrowKey = (e: { key: string; preventDefault(): void }): boolean => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false;
    e.preventDefault();
    move(e.key === 'ArrowDown' ? 1 : -1);
    return true;
  };
  const inputProps = {
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': expanded,
    'aria-controls': listId,
    'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
    autoComplete: 'off',
    spellCheck: false,
    value: query,
    onChange: (e: { target: { value: string } }) => {
      setQuery(e.target.value);
      setOpen(true);
    },
    onFocus: () => setOpen(true),
    onBlur: () => setOpen(false),
  } as const;
  return { query, setQuery, open, setOpen, shown, rows, active, setActive, move, arrowKey, expanded, listId, optionId, inputProps };
}

export type PersonCombobox = ReturnType<typeof usePersonCombobox>;

/** The listbox of a person combobox: name and facts per option, a line when nothing matched. */
export function PersonOptions({
  box,
  label,
  none,
  more,
  className,
  onPick,
}: {
  box: PersonCombobox;
  label: string;
  none: ReactNode;
  /** A last line under the options (the header search's "more than 200, keep typing"). */
  more?: ReactNode;
  className: string;
  onPick(p: PersonSummary): void;
}) {
  const { rows, expanded, active, optionId, setActive, listId } = box;
  return (
    <ul id={listId} role="listbox" aria-label={label} className={className} hidden={!expanded}>
      {expanded && rows.length === 0 ? (
        <li className="search-empty" role="presentation">
          {none}
        </li>
      ) : null}
      {rows.map((p, i) => (
        <li
          key={p.id}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          className="search-option"
          // Keep focus in the input while clicking an option.
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={() => setActive(i)}
          onClick={() => onPick(p)}
        >
          <span className="search-option-name">{personName(p)}</span>
          <PersonFacts p={p} />
        </li>
      ))}
      {expanded && more ? (
        <li className="search-empty" role="presentation">
          {more}
        </li>
      ) : null}
    </ul>
  );
}

/**
 * A family member linked to their own record in the vault (issue 8): a search
 * picker under the typed name (ARIA 1.2 combobox, as the header search:
 * arrows move, Enter picks, Escape closes, focus stays in the input), the
 * link once chosen with "Open the record" and "Remove the link", and on the
 * linked record the people who list this person as family. The core checks
 * that the linked record exists; the typed name always stays.
 */
import { createContext, useContext, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { call } from '../../api';
import type { FamilyLinkRef, FamilyLinks, PersonSummary } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { useNavigation } from '../people/navigation';
import { PersonFacts, displayName, personName } from '../people/format';
import { useFieldId } from './fields';
import { focusWhenReady } from './focus';

const SEARCH_DEBOUNCE_MS = 120;
const LIMIT = 8;

/** The record being edited (never offered as its own family) and the names of its links, as the core gave them. */
export const FamilyLinksContext = createContext<{ selfId?: string; links?: FamilyLinks }>({});

export function FamilyLinkField({ prefix }: { prefix: string }) {
  const { t } = useI18n();
  const nav = useNavigation();
  const { setValue, getValues } = useFormContext();
  const name = `${prefix}.personId`;
  const personId = useWatch({ name }) as string | undefined;
  const { links } = useContext(FamilyLinksContext);
  const [picked, setPicked] = useState<FamilyLinkRef | null>(null);
  const id = useFieldId(name);

  const pick = (p: PersonSummary) => {
    setPicked({ personId: p.id, givenName: p.givenName, familyName: p.familyName });
    setValue(name, p.id, { shouldDirty: true });
    // The typed name stays as typed; an empty one takes the record's.
    const typed = getValues(`${prefix}.name`) as unknown;
    if (typeof typed !== 'string' || typed.trim() === '')
      setValue(`${prefix}.name`, displayName(p), { shouldDirty: true, shouldValidate: true });
    focusWhenReady(() => document.getElementById(`${id}-linked`));
  };

  if (personId) {
    const ref = picked?.personId === personId ? picked : links?.to[personId];
    const linkedName = ref ? displayName(ref) : null;
    return (
      <div className="family-link">
        <p id={`${id}-linked`} tabIndex={-1} className="family-link-text">
          {linkedName ? t('family.linkedTo', { name: linkedName }) : t('family.linkedUnknown')}
        </p>
        <div className="actions actions--start">
          {ref && linkedName ? (
            <button type="button" className="btn btn-small" onClick={() => nav.openPerson(ref.personId)}>
              {t('family.openRecord', { name: linkedName })}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => {
              setValue(name, '', { shouldDirty: true });
              setPicked(null);
              focusWhenReady(() => document.getElementById(id));
            }}
          >
            {t('family.unlink')}
          </button>
        </div>
      </div>
    );
  }
  return <PersonPicker id={id} onPick={pick} />;
}

function PersonPicker({ id, onPick }: { id: string; onPick(p: PersonSummary): void }) {
  const { t } = useI18n();
  const { selfId } = useContext(FamilyLinksContext);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonSummary[]>([]);
  const [shownFor, setShownFor] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const listId = useId();
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (!q) return;
    const timer = window.setTimeout(() => {
      void call('people.search', { query: q, limit: LIMIT + 1 }).then((res) => {
        if (mine !== seq.current) return;
        const rows = (res.ok ? res.value : []).filter((p) => p.id !== selfId).slice(0, LIMIT);
        setResults(rows);
        setShownFor(q);
        setActive(rows.length ? 0 : -1);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, selfId]);

  const expanded = open && query.trim() !== '' && shownFor !== '';

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        setOpen(true);
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (results.length ? (i + step + results.length) % results.length : -1));
        break;
      }
      case 'Enter': {
        // Never the form's implicit submit: Enter here is about the search.
        e.preventDefault();
        const p = expanded ? results[active] : undefined;
        if (p) onPick(p);
        break;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }
        break;
    }
  };

  const status =
    !query.trim() || shownFor === '' ? '' : results.length ? t('family.linkCount', { count: results.length }) : t('family.linkNone');

  return (
    <div className="field family-link-picker">
      <label htmlFor={id}>{t('family.linkLabel')}</label>
      <div className="family-link-combo">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
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
        <ul
          id={listId}
          role="listbox"
          aria-label={t('family.linkResults')}
          className="search-results family-link-results"
          hidden={!expanded}
        >
          {expanded && results.length === 0 ? (
            <li className="search-empty" role="presentation">
              {t('family.linkNone')}
            </li>
          ) : null}
          {results.map((p, i) => (
            <li
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="search-option"
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => onPick(p)}
            >
              <span className="search-option-name">{personName(p)}</span>
              <PersonFacts p={p} />
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('family.linkHint')}
      </p>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}

/** On the linked record: who lists this person as family, each a way to their record. */
export function ListedAsFamily({ links }: { links: FamilyLinks | undefined }) {
  const { t } = useI18n();
  const nav = useNavigation();
  if (!links || links.from.length === 0) return null;
  return (
    <div className="person-listed-by">
      <h3 className="aside-title">{t('family.listedByTitle')}</h3>
      <ul>
        {links.from.map((r) => (
          <li key={r.personId}>
            <button type="button" className="btn-link" onClick={() => nav.openPerson(r.personId)}>
              {displayName(r)}
            </button>{' '}
            {t('family.listedAs', { relationship: r.relationship })}
          </li>
        ))}
      </ul>
    </div>
  );
}

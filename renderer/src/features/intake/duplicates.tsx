/**
 * The duplicate check while typing: ~300 ms after the name, date of birth or
 * A-number changes, ask the core for people already on file who may be the
 * same person; show why, and ask the user to decide for each.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { MergeIntakeDialog } from './MergeIntakeDialog';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import type { DuplicateCandidate } from '../../../../shared/views';
import type { ReasonCode } from '../../../../shared/intake/duplicates';
import { isMessageKey } from '../../../../shared/i18n';
import { formatDate } from '../../../../shared/i18n/dates';
import { formatANumber } from '../../../../shared/schemas/anumber';
import type { NameProbe } from './model';

export const DUPLICATE_DEBOUNCE_MS = 300;

export type Decision = 'new-person' | 'same-person' | 'needs-review';
export const DECISIONS: readonly Decision[] = ['new-person', 'same-person', 'needs-review'];
export type Decisions = Record<string, Decision>;

const key = (p: NameProbe | null) => (p ? JSON.stringify([p.given, p.family, p.dob ?? '', p.aNumber ?? '']) : '');

export function useDuplicateCheck(probe: NameProbe | null, excludeId?: string) {
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [checking, setChecking] = useState(false);
  const seq = useRef(0);
  const probeKey = key(probe);
  const latest = useRef(probe);
  useEffect(() => {
    latest.current = probe;
  });

  const run = useCallback(
    async (p: NameProbe | null): Promise<DuplicateCandidate[]> => {
      const mine = ++seq.current;
      if (!p) {
        setCandidates([]);
        setChecking(false);
        return [];
      }
      setChecking(true);
      const res = await call('people.checkDuplicates', { ...p, ...(excludeId ? { excludeId } : {}) });
      const found = res.ok ? res.value : [];
      if (mine === seq.current) {
        setCandidates(found);
        setChecking(false);
      }
      return found;
    },
    [excludeId],
  );

  useEffect(() => {
    const timer = window.setTimeout(() => void run(probe), DUPLICATE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // The key stands for the probe's contents: a new object with the same name is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [probeKey, run]);

  /** Checks now (before saving), with what is typed at this moment. */
  const checkNow = useCallback(() => run(latest.current), [run]);
  const clear = useCallback(() => {
    seq.current++;
    setCandidates([]);
  }, []);
  return { candidates, checking, checkNow, clear };
}

/** Likely candidates the user has not decided on: the core refuses the save until each has one; the panel marks them. */
export const undecidedLikely = (candidates: DuplicateCandidate[], decisions: Decisions) =>
  candidates.filter((c) => c.strength === 'likely' && !decisions[c.id]);

export function reasonKey(code: string): `dup.reason.${ReasonCode}` | null {
  const key = `dup.reason.${code}`;
  return isMessageKey(key) ? (key as `dup.reason.${ReasonCode}`) : null;
}

export function DuplicatePanel({
  candidates,
  decisions,
  onDecide,
  onOpen,
  onMerge,
  blocked,
  mergeNeeded = false,
  checking,
  idPrefix,
}: {
  candidates: DuplicateCandidate[];
  decisions: Decisions;
  onDecide(id: string, d: Decision): void;
  onOpen(id: string): void;
  /** "Same person": merge the intake with this record now, keeping the chosen one. */
  onMerge?(id: string, keep: 'existing' | 'new'): void;
  /** Set after the core refused "same person" without a merge. */
  mergeNeeded?: boolean;
  /** Set after a save was refused for want of a decision. */
  blocked: boolean;
  checking: boolean;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const undecided = undecidedLikely(candidates, decisions);
  return (
    <section
      className={`dup-panel${candidates.length ? '' : ' dup-panel--empty'}`}
      aria-labelledby={titleId}
      id={`${idPrefix}-duplicates`}
      tabIndex={-1}
    >
      <h2 id={titleId} className="aside-title">
        {t('dup.title')}
        {checking ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
      </h2>
      <p className="visually-hidden" role="status">
        {candidates.length ? t('dup.found', { count: candidates.length }) : ''}
      </p>
      {candidates.length === 0 ? <p className="muted">{t('dup.none')}</p> : null}
      {blocked && undecided.length > 0 ? (
        <p className="form-alert" role="alert">
          {t('dup.blocked')}
        </p>
      ) : null}
      {mergeNeeded ? (
        <p className="form-alert" role="alert">
          {t('dup.mergeNeeded')}
        </p>
      ) : null}
      <ul className="dup-list">
        {candidates.map((c) => (
          <CandidateCard
            key={c.id}
            c={c}
            decision={decisions[c.id]}
            onDecide={(d) => onDecide(c.id, d)}
            onOpen={() => onOpen(c.id)}
            {...(onMerge ? { onMerge: (keep: 'existing' | 'new') => onMerge(c.id, keep) } : {})}
            needsChoice={blocked && c.strength === 'likely' && !decisions[c.id]}
          />
        ))}
      </ul>
    </section>
  );
}

function CandidateCard({
  c,
  decision,
  onDecide,
  onOpen,
  onMerge,
  needsChoice,
}: {
  c: DuplicateCandidate;
  decision: Decision | undefined;
  onDecide(d: Decision): void;
  onOpen(): void;
  onMerge?(keep: 'existing' | 'new'): void;
  needsChoice: boolean;
}) {
  const { t } = useI18n();
  const name = `${c.givenName} ${c.familyName}`.trim();
  const groupName = useId();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={`dup-card dup-card--${c.strength}${needsChoice ? ' dup-card--needs' : ''}`}>
      <CandidateSummary c={c} name={name} />
      <fieldset className="dup-choice">
        <legend>{t('dup.question', { name })}</legend>
        {DECISIONS.map((d) => (
          <label key={d} className="radio">
            <input type="radio" name={groupName} checked={decision === d} onChange={() => onDecide(d)} />
            <span>{t(`dup.decision.${d}`)}</span>
          </label>
        ))}
      </fieldset>
      {decision === 'same-person' ? <p className="field-hint">{t('dup.sameHint')}</p> : null}
      <div className="actions actions--start dup-actions">
        {decision === 'same-person' && onMerge ? (
          <button type="button" className="btn btn-small btn-primary dup-merge" onClick={() => setConfirming(true)}>
            {t('dup.mergeNow', { name })}
          </button>
        ) : null}
        <button type="button" className="btn btn-small" onClick={onOpen}>
          {decision === 'same-person' ? t('dup.openKeepDraft') : t('dup.openExisting')}
        </button>
      </div>
      {confirming && onMerge ? (
        <MergeIntakeDialog
          name={name}
          onClose={() => setConfirming(false)}
          onConfirm={(keep) => {
            setConfirming(false);
            onMerge(keep);
          }}
        />
      ) : null}
    </li>
  );
}

/** Who a candidate is and why they match: shared by the intake check and the merge panel. */
export function CandidateSummary({ c, name }: { c: DuplicateCandidate; name: string }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="dup-name">
        <strong>{name}</strong>{' '}
        <span className={`pill pill--${c.strength === 'likely' ? 'danger' : 'warning'}`}>
          {t(c.strength === 'likely' ? 'dup.likely' : 'dup.possible')}
        </span>
      </p>
      <p className="dup-facts">
        {c.dob ? `${t('people.col.dob')}: ${formatDate(c.dob, lang)}` : t('dup.noDob')}
        {c.aNumber ? ` · ${formatANumber(c.aNumber)}` : ''}
      </p>
      <ul className="dup-reasons">
        {c.reasons.map((r) => {
          const k = reasonKey(r);
          return <li key={r}>{k ? t(k) : r}</li>;
        })}
      </ul>
    </>
  );
}

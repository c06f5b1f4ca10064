/**
 * Possible duplicates of a saved record, each with "Merge into this record"
 * behind a confirmation that says exactly what is kept. Merging never deletes:
 * the other record stays in the vault, marked as merged.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../api';
import { errorKey } from '../../../../shared/i18n';
import type { DuplicateCandidate, PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { probeOf } from '../intake/model';
import { CandidateSummary, useDuplicateCheck } from '../intake/duplicates';
import { useNavigation } from './navigation';
import { displayName } from './format';

export function MergePanel({ view, onMerged }: { view: PersonView; onMerged(v: PersonView): void }) {
  const { t } = useI18n();
  const nav = useNavigation();
  const probe = useMemo(() => probeOf(view.person.givenName, view.person.familyName, view.person.dob, view.person.aNumber), [view]);
  const { candidates } = useDuplicateCheck(probe, view.id);
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null);
  return (
    <section className="panel" aria-labelledby="merge-title">
      <h2 id="merge-title">{t('merge.title')}</h2>
      {candidates.length === 0 ? (
        <p className="muted">{t('merge.none')}</p>
      ) : (
        <ul className="dup-list dup-list--wide">
          {candidates.map((c) => {
            const name = displayName(c);
            return (
              <li key={c.id} className={`dup-card dup-card--${c.strength}`}>
                <CandidateSummary c={c} name={name} />
                <div className="actions actions--start">
                  <button type="button" className="btn btn-small" onClick={() => nav.openPerson(c.id)}>
                    {t('dup.openNamed', { name })}
                  </button>
                  <button type="button" className="btn btn-small btn-primary" onClick={() => setMerging(c)}>
                    {t('merge.button')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {merging ? (
        <MergeDialog
          keep={view}
          other={merging}
          onClose={() => setMerging(null)}
          onMerged={(v) => {
            setMerging(null);
            onMerged(v);
          }}
        />
      ) : null}
    </section>
  );
}

function MergeDialog({
  keep,
  other,
  onClose,
  onMerged,
}: {
  keep: PersonView;
  other: DuplicateCandidate;
  onClose(): void;
  onMerged(v: PersonView): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Which record survives is chosen, whichever record the merge was started from (issue 8).
  const [survivor, setSurvivor] = useState<'this' | 'other' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    // showModal() focuses the first control, now the survivor choice (React's autoFocus sets no attribute for it to
    // honour): start on Cancel, the safe answer, so a stray arrow key or Space never picks the record that stays.
    cancelRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);
  const keepName = displayName(keep.person);
  const otherName = displayName(other);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    if (survivor === null) return;
    const ids = survivor === 'this' ? { keepId: keep.id, mergeId: other.id } : { keepId: other.id, mergeId: keep.id };
    const res = await call('people.merge', ids);
    setBusy(false);
    if (res.ok) onMerged(res.value);
    else setError(res.error.code);
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="merge-dialog-title"
      aria-describedby="merge-dialog-body"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="merge-dialog-title">{t('merge.confirmTitle')}</h2>
      <fieldset className="dup-choice">
        <legend>{t('merge.keepWhich')}</legend>
        <label className="radio">
          <input type="radio" name="merge-survivor" checked={survivor === 'this'} onChange={() => setSurvivor('this')} />
          <span>{t('merge.keepThis', { name: keepName })}</span>
        </label>
        <label className="radio">
          <input type="radio" name="merge-survivor" checked={survivor === 'other'} onChange={() => setSurvivor('other')} />
          <span>{t('merge.keepOther', { name: otherName })}</span>
        </label>
      </fieldset>
      {survivor ? (
        <div id="merge-dialog-body">
          <MergeExplained keep={survivor === 'this' ? keepName : otherName} other={survivor === 'this' ? otherName : keepName} />
        </div>
      ) : null}
      <FormAlert id="merge-alert" message={error ? t(errorKey(error)) : null} />
      <div className="actions">
        <button type="button" className="btn" onClick={onClose} ref={cancelRef}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy || survivor === null} onClick={() => void confirm()}>
          {busy ? t('merge.merging') : t('merge.confirmChosen')}
        </button>
      </div>
    </dialog>
  );
}

function MergeExplained({ keep, other }: { keep: string; other: string }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('merge.confirmIntro', { other, keep })}</p>
      <ul className="merge-list">
        <li>{t('merge.keeps', { keep })}</li>
        <li>{t('merge.fills', { other })}</li>
        <li>{t('merge.moves', { other })}</li>
        <li>{t('merge.aliases', { other })}</li>
        <li>{t('merge.appends')}</li>
        <li>{t('dup.mergeNothingLost')}</li>
        <li>{t('merge.stays', { other })}</li>
      </ul>
    </>
  );
}

/**
 * Trainings ("know your rights" sessions): the list with their intake counts
 * and a form to add one; and, for the quick intake, the offer to tag the new
 * intake with the training held today.
 */
import { useEffect, useId, useState } from 'react';
import { callAndInvalidate, coreErrorCode, useCoreMutation, useCoreQuery } from '../../query';
import { errorKey } from '../../../../shared/i18n';
import { formatDate } from '../../../../shared/i18n/dates';
import { formatUsDate, parseUsDate } from '../../../../shared/schemas/dates';
import type { TrainingView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { DateInput, todayLocal } from './fields';

export function TrainingsPanel() {
  const { t, lang } = useI18n();
  const id = useId();
  const trainings = useCoreQuery('reports.trainings', {});
  const list: TrainingView[] | null = trainings.data ?? null;
  // The new training shows in the list (and the intake's offer) because the write refetches the reports reads.
  const addTraining = useCoreMutation('reports.addTraining', { invalidates: ['reports'] });
  const [date, setDate] = useState(formatUsDate(todayLocal()));
  const [place, setPlace] = useState('');
  const [organizer, setOrganizer] = useState('');
  const [tried, setTried] = useState(false);
  const [addError, setError] = useState<string | null>(null);
  const loadCode = coreErrorCode(trainings.error);
  const error = addError ?? (loadCode ? t(errorKey(loadCode)) : null);
  const [status, setStatus] = useState<string | null>(null);

  const iso = parseUsDate(date);
  const add = async () => {
    setTried(true);
    setStatus(null);
    if (!iso || !place.trim()) return;
    let added: TrainingView;
    try {
      added = await addTraining.mutateAsync({
        date: iso,
        place: place.trim(),
        ...(organizer.trim() ? { organizer: organizer.trim() } : {}),
      });
    } catch (e) {
      return setError(t(errorKey(coreErrorCode(e) ?? 'INTERNAL')));
    }
    setError(null);
    setTried(false);
    setPlace('');
    setOrganizer('');
    setStatus(t('reports.trainings.added', { place: added.place, date: formatDate(added.date, lang) }));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.trainings.title')}</h2>
      <p>{t('reports.trainings.intro')}</p>
      <form
        className="field-row field-row--end"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <DateInput
          label={t('reports.trainings.date')}
          value={date}
          onChange={setDate}
          error={tried && !iso ? t('reports.stats.dateInvalid') : null}
        />
        <div className="field field--medium">
          <label htmlFor={`${id}-place`}>{t('reports.trainings.place')}</label>
          <input
            id={`${id}-place`}
            type="text"
            value={place}
            maxLength={200}
            aria-invalid={tried && !place.trim() ? true : undefined}
            aria-describedby={tried && !place.trim() ? `${id}-place-err` : undefined}
            onChange={(e) => setPlace(e.target.value)}
          />
          {tried && !place.trim() ? (
            <p id={`${id}-place-err`} className="field-error">
              {t('reports.trainings.placeRequired')}
            </p>
          ) : null}
        </div>
        <div className="field field--medium">
          <label htmlFor={`${id}-org`}>{t('reports.trainings.organizer')}</label>
          <input id={`${id}-org`} type="text" value={organizer} maxLength={200} onChange={(e) => setOrganizer(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" className="btn">
            + {t('reports.trainings.add')}
          </button>
        </div>
      </form>
      <FormAlert id={`${id}-alert`} message={error} />
      <FormStatus message={status} />
      {list && list.length === 0 ? <p className="muted">{t('reports.trainings.none')}</p> : null}
      {list && list.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('reports.trainings.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.trainings.date')}</th>
                <th scope="col">{t('reports.trainings.place')}</th>
                <th scope="col">{t('reports.trainings.organizer')}</th>
                <th scope="col" className="num">
                  {t('reports.trainings.intakes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((tr) => (
                <tr key={tr.id}>
                  <td className="nowrap">{formatDate(tr.date, lang)}</td>
                  <th scope="row">{tr.place}</th>
                  <td>{tr.organizer ?? ''}</td>
                  <td className="num">{tr.intakes.toLocaleString(lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The training a quick intake is tagged with. Held outside React state so the
 * intake page needs only two small calls: render <CurrentTraining /> and,
 * once a record is saved, tagWithCurrentTraining(id).
 */
let chosenTraining: string | null = null;

export function CurrentTraining() {
  const { t } = useI18n();
  const id = useId();
  const today = useCoreQuery('reports.trainings', {}).data?.find((x) => x.date === todayLocal()) ?? null;
  const [on, setOn] = useState(true);
  const todayId = today?.id ?? null;

  // The training offered is the one tagged on save, while the box is ticked.
  useEffect(() => {
    chosenTraining = on ? todayId : null;
    return () => {
      chosenTraining = null;
    };
  }, [todayId, on]);

  if (!today) return null;
  return (
    <div className="checkbox current-training">
      <input
        id={`${id}-training`}
        type="checkbox"
        checked={on}
        onChange={(e) => {
          setOn(e.target.checked);
          chosenTraining = e.target.checked ? today.id : null;
        }}
      />
      <label htmlFor={`${id}-training`}>{t('reports.trainings.current', { place: today.place })}</label>
    </div>
  );
}

/** Tags a just-saved intake with the training chosen in <CurrentTraining />, if any. */
export async function tagWithCurrentTraining(personId: string): Promise<boolean> {
  const trainingId = chosenTraining;
  if (!trainingId) return true;
  const res = await callAndInvalidate('reports.tagTraining', { personIds: [personId], trainingId }, ['reports', 'people']);
  return res.ok;
}

/**
 * After an address change is recorded: offer the AR-11 (due within 10 days,
 * the ar-11-change-of-address deadline) right there, filled from the record
 * with the clinic's imported AR-11 blank, or say where to import it.
 */
import { useId, useState } from 'react';
import { useCoreQuery } from '../../query';
import { useI18n } from '../../i18n';
import { useNavigation } from '../people/navigation';
import { FillForm } from './FillPanel';

export function Ar11Offer({ personId }: { personId: string }) {
  const { t } = useI18n();
  const nav = useNavigation();
  const id = useId();
  const [open, setOpen] = useState(false);
  // The mapped AR-11 blanks; a failed list reads as none, which says where to import one.
  const list = useCoreQuery('forms.listTemplates', {});
  const templates = list.isError ? [] : (list.data?.filter((x) => x.mapped && x.form === 'ar-11') ?? null);

  if (!templates) return null;
  return (
    <div className="ar11-offer" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>{t('forms.ar11.offer')}</p>
      {templates.length === 0 ? (
        <p className="field-hint">
          {t('forms.ar11.noTemplate')}{' '}
          <button type="button" className="btn-link" onClick={() => nav.go('forms')}>
            {t('forms.person.openForms')}
          </button>
        </p>
      ) : open ? (
        <FillForm personId={personId} templates={templates} />
      ) : (
        <button type="button" className="btn" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('forms.ar11.fill')}
        </button>
      )}
    </div>
  );
}

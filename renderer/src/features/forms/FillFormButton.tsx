/**
 * For a person's record: "Fill a form" opens (in place) the fill panel for
 * this person — choose a template, fill, save — plus the intake summary PDF
 * and the history of forms produced. Mount it as <FillFormButton personId={id} />.
 */
import { useId, useState } from 'react';
import { useCoreQuery } from '../../query';
import { formDelivered } from './FormsPage';
import { useI18n } from '../../i18n';
import { useNavigation } from '../people/navigation';
import { FillForm, SummaryButton } from './FillPanel';
import { FormHistory } from './FormHistory';

export function FillFormButton({ personId }: { personId: string }) {
  const { t } = useI18n();
  const nav = useNavigation();
  const id = useId();
  const [open, setOpen] = useState(false);
  // Asked once the panel opens; a failed list reads as "no templates", as before.
  const list = useCoreQuery('forms.listTemplates', {}, { enabled: open });
  const templates = list.isError ? [] : (list.data ?? null);

  return (
    <div className="fill-form-button">
      <button type="button" className="btn" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
        {t('forms.person.fillButton')}
        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      {open ? (
        <section id={`${id}-panel`} className="panel fill-person-panel" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{t('forms.person.title')}</h2>
          {templates && !templates.some((x) => x.mapped) ? (
            <p>
              {t('forms.fill.noTemplates')}{' '}
              <button type="button" className="btn-link" onClick={() => nav.go('forms')}>
                {t('forms.person.openForms')}
              </button>
            </p>
          ) : (
            <FillForm personId={personId} templates={templates} onFilled={formDelivered} />
          )}
          <h3>{t('forms.summary.title')}</h3>
          <SummaryButton personId={personId} onMade={formDelivered} />
          <FormHistory personId={personId} />
        </section>
      ) : null}
    </div>
  );
}

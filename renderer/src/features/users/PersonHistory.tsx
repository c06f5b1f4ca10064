/**
 * A person's history (issue 10): who created, viewed and changed the record,
 * when, and which fields changed, from the audit trail (audit.history). A
 * changed field's earlier value can be put back (audit.restoreField): the
 * core saves it as a new version against the one on screen (STALE_WRITE if
 * someone saved in between) and records the restore as an entry of its own.
 */
import { useState } from 'react';
import { errorKey } from '../../../../shared/i18n';
import type { PersonView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { CASE_READS, coreErrorCode, setCoreData, useCoreMutation, useCoreQuery } from '../../query';
import { useSession } from '../../session';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { AuditTable, fieldLabel } from './AuditTable';

export function PersonHistory({
  personId,
  version,
  onRestored,
}: {
  personId: string;
  version: number;
  onRestored?(view: PersonView): void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const history = useCoreQuery('audit.history', { personId });
  const [restored, setRestored] = useState<string | null>(null);
  const restore = useCoreMutation('audit.restoreField', {
    invalidates: CASE_READS,
    onMutate: () => setRestored(null),
    onSuccess: (view) => (onRestored ? onRestored(view) : setCoreData('people.get', { id: personId }, view)),
  });
  const error = coreErrorCode(history.error) ?? coreErrorCode(restore.error);
  const rows = history.data ?? [];
  return (
    <section className="panel person-history" aria-labelledby="person-history-title">
      <h3 id="person-history-title">{t('audit.history')}</h3>
      <FormAlert id="person-history-alert" message={error ? t(errorKey(error)) : null} />
      <FormStatus message={restored ? t('audit.restored', { field: restored }) : null} />
      {history.isPending ? (
        <p role="status">{t('audit.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <AuditTable
          rows={rows}
          label={t('audit.history')}
          actions={
            can('audit.restoreField')
              ? (e) =>
                  (e.restorable ?? []).map((r) => (
                    <button
                      key={r.historyId}
                      type="button"
                      className="btn btn-small"
                      disabled={restore.isPending}
                      onClick={() =>
                        restore.mutate(
                          { personId, version, historyId: r.historyId },
                          { onSuccess: () => setRestored(fieldLabel(t, r.field)) },
                        )
                      }
                    >
                      {t('audit.restore', { field: fieldLabel(t, r.field) })}
                    </button>
                  ))
              : undefined
          }
        />
      )}
    </section>
  );
}

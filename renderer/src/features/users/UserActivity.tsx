/**
 * A user's activity (leads only): their entries in the audit trail, newest
 * first, and the trail as CSV (formula-safe, like every export) saved where
 * the lead chooses. Entries hold operation names, record ids and changed
 * field names, never client text.
 */
import { useState } from 'react';
import { errorKey } from '../../../../shared/i18n';
import type { UserView } from '../../../../shared/users';
import { saveText } from '../../api';
import { useI18n } from '../../i18n';
import { coreErrorCode, useCoreMutation, useCoreQuery } from '../../query';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { AuditTable } from './AuditTable';

export function UserActivity({ user }: { user: UserView }) {
  const { t } = useI18n();
  const trail = useCoreQuery('audit.list', { actor: user.name, limit: 200, offset: 0 });
  return (
    <section className="user-activity" aria-labelledby={`activity-${user.name}`}>
      <h3 id={`activity-${user.name}`}>{t('users.activityOf', { name: user.displayName || user.name })}</h3>
      <FormAlert id={`activity-${user.name}-alert`} message={trail.error ? t(errorKey(coreErrorCode(trail.error)!)) : null} />
      {trail.data ? (
        <>
          <p>{t('users.activityCount', { count: trail.data.total })}</p>
          <AuditTable rows={trail.data.rows} label={t('users.activityOf', { name: user.name })} showWho={false} />
        </>
      ) : null}
      <ExportTrail actor={user.name} />
    </section>
  );
}

/** "Export trail as CSV": one user's entries, or the whole trail when `actor` is left out. */
export function ExportTrail({ actor }: { actor?: string }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const exportCsv = useCoreMutation('audit.exportCsv', {
    invalidates: ['audit'],
    onSuccess: async ({ csv, count }) => {
      const day = new Date().toISOString().slice(0, 10);
      const res = await saveText(`amparo-audit-${actor ?? 'all'}-${day}.csv`, csv, 'text/csv');
      if (!res.ok) setFailed(res.error.code);
      else if (res.value.saved) setSaved(count);
    },
  });
  const error = failed ?? coreErrorCode(exportCsv.error);
  return (
    <div className="actions actions--start">
      <button
        type="button"
        className="btn btn-small"
        disabled={exportCsv.isPending}
        onClick={() => {
          setSaved(null);
          setFailed(null);
          exportCsv.mutate(actor ? { actor } : {});
        }}
      >
        {actor ? t('users.exportCsv') : t('users.exportAllCsv')}
      </button>
      <FormStatus message={saved !== null ? t('users.exported', { count: saved }) : null} />
      <FormAlert id={`export-trail-${actor ?? 'all'}-alert`} message={error ? t(errorKey(error)) : null} />
    </div>
  );
}

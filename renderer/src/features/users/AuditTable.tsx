/**
 * Trail entries as a table: when, who, what (created, viewed, changed,
 * restored, or the operation's name) and the changed field names. Used by a
 * person's history and by a user's activity.
 */
import type { ReactNode } from 'react';
import { isMessageKey, type Translate } from '../../../../shared/i18n';
import type { AuditEntryView } from '../../../../shared/views';
import { useI18n } from '../../i18n';
import { localDateTime } from '../people/format';

export type AuditKind = 'create' | 'view' | 'change' | 'restore' | 'other';

/** What an entry did, in the words the history uses; the operation name stays beside it. */
export function auditKind(action: string): AuditKind {
  if (action === 'person.restore') return 'restore';
  if (action.endsWith('.create') || action.startsWith('intake.create')) return 'create';
  if (action === 'people.get' || action.startsWith('forms.') || action.startsWith('reports.summary') || action.endsWith('export'))
    return 'view';
  if (/\.(update|fields|merge|decide|add|delete|remove|markDone|reopen|override|clearOverride)$/.test(action)) return 'change';
  return 'other';
}

export function fieldsOf(e: AuditEntryView): string[] {
  const f = e.detail?.fields;
  return Array.isArray(f) ? f.filter((x): x is string => typeof x === 'string') : [];
}

/** A field path of the person record (person.givenName, notes) as the form labels it, or the path itself. */
export function fieldLabel(t: Translate, path: string): string {
  const key = `field.${path.split('.').pop()}`;
  return isMessageKey(key) ? t(key) : path;
}

export function AuditTable({
  rows,
  label,
  showWho = true,
  actions,
}: {
  rows: AuditEntryView[];
  label: string;
  showWho?: boolean;
  /** Extra cell content per entry (the undo buttons of a person's history). */
  actions?: (e: AuditEntryView) => ReactNode;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table audit-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.when')}</th>
            {showWho ? <th scope="col">{t('audit.col.who')}</th> : null}
            <th scope="col">{t('audit.col.what')}</th>
            <th scope="col">{t('audit.col.fields')}</th>
            {actions ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.seq}>
              <td className="nowrap">{localDateTime(e.at, lang)}</td>
              {showWho ? <td className="mono">{e.actor}</td> : null}
              <td>
                {t('audit.kind', { kind: auditKind(e.action) })} <span className="cell-sub mono">{e.action}</span>
              </td>
              <td>
                {fieldsOf(e)
                  .map((f) => fieldLabel(t, f))
                  .join(', ')}
              </td>
              {actions ? <td>{actions(e)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../i18n';
import { useDocumentTitle, useFocusOnMount } from '../hooks';
import { Settings } from './Settings';
import { IntakePage } from '../features/intake/IntakePage';
import { PeopleList } from '../features/people/PeopleList';
import { PersonDetail } from '../features/people/PersonDetail';
import { ImportPage } from '../features/import/ImportPage';
import { DocketPage } from '../features/docket/DocketPage';
import { TpsPage } from '../features/tps/TpsPage';
import { FormsPage } from '../features/forms/FormsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { useSession } from '../session';
import { pageVisible } from '../visibility';

export const PAGES = ['intake', 'people', 'import', 'docket', 'tps', 'forms', 'reports', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export function ShellNav({ page, onNavigate }: { page: Page; onNavigate(p: Page): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  // Only the pages this role can use (visibility.ts); the core refuses the rest anyway.
  const pages = PAGES.filter((p) => user !== null && pageVisible(user.role, p));
  return (
    <nav className="sidenav" aria-label={t('shell.nav')}>
      {user ? (
        <p className="session-user" data-testid="session-user">
          {t('shell.signedInAs', { name: user.displayName, role: t(`role.${user.role}`) })}
        </p>
      ) : null}
      <ul>
        {pages.map((p) => (
          <li key={p}>
            <button type="button" className="nav-item" aria-current={p === page ? 'page' : undefined} onClick={() => onNavigate(p)}>
              {t(`nav.${p}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The page area of the unlocked app. Focus moves to the heading on every page
 * change, except where the page puts it somewhere better: the intake's first
 * field (typing starts at once) and a person's name on their record.
 */
export function ShellPage({ page, notice, personId }: { page: Page; notice?: MessageKey | undefined; personId?: string | undefined }) {
  const { t } = useI18n();
  const title = t(`nav.${page}`);
  useDocumentTitle(`${title} — ${t('app.name')}`);
  const pageOwnsFocus = page === 'intake' || (page === 'people' && !!personId);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(!pageOwnsFocus, [page, personId]);
  const { user } = useSession();
  // A person's own record may be open to a role without the list (a volunteer's intake, found by search).
  const allowed = user !== null && (pageVisible(user.role, page) || (page === 'people' && !!personId));
  return (
    <>
      <h1 tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {!allowed ? (
        <p className="form-alert" role="alert">
          {t('error.FORBIDDEN')}
        </p>
      ) : page === 'settings' ? (
        <Settings />
      ) : page === 'intake' ? (
        <IntakePage />
      ) : page === 'people' ? (
        personId ? (
          <PersonDetail key={personId} id={personId} />
        ) : (
          <PeopleList />
        )
      ) : page === 'import' ? (
        <ImportPage />
      ) : page === 'docket' ? (
        <DocketPage />
      ) : page === 'tps' ? (
        <TpsPage />
      ) : page === 'forms' ? (
        <FormsPage />
      ) : page === 'reports' ? (
        <ReportsPage />
      ) : (
        <Placeholder body={t(`page.${page}.body` as MessageKey)} />
      )}
    </>
  );
}

function Placeholder({ body }: { body: string }) {
  const { t } = useI18n();
  return (
    <div className="placeholder">
      <p className="badge">{t('page.comingSoon')}</p>
      <p>{body}</p>
    </div>
  );
}

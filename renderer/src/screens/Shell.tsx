import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../i18n';
import { useDocumentTitle, useFocusOnMount } from '../hooks';
import { Settings } from './Settings';

export const PAGES = ['intake', 'people', 'docket', 'forms', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export function ShellNav({ page, onNavigate }: { page: Page; onNavigate(p: Page): void }) {
  const { t } = useI18n();
  return (
    <nav className="sidenav" aria-label={t('shell.nav')}>
      <ul>
        {PAGES.map((p) => (
          <li key={p}>
            <button
              type="button"
              className="nav-item"
              aria-current={p === page ? 'page' : undefined}
              onClick={() => onNavigate(p)}
            >
              {t(`nav.${p}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page area of the unlocked app. Focus moves to the heading on every page change. */
export function ShellPage({ page, notice }: { page: Page; notice?: MessageKey | undefined }) {
  const { t } = useI18n();
  const title = t(`nav.${page}`);
  useDocumentTitle(`${title} — ${t('app.name')}`);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(true, [page]);
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
      {page === 'settings' ? <Settings /> : <Placeholder body={t(`page.${page}.body`)} />}
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

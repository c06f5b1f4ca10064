/**
 * The top-level state machine: loading -> create | unlock -> shell, and back to
 * unlock on Lock. No router: screens hold no URL state, so nothing about a
 * client can end up in history or a URL.
 */
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { call } from './api';
import { clearCoreCache } from './query';
import { errorKey, type MessageKey } from '../../shared/i18n';
import type { VaultStatus } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { useI18n } from './i18n';
import { LanguageSwitch } from './components/LanguageSwitch';
import { CreateVault } from './screens/CreateVault';
import { RecoveryCode } from './screens/RecoveryCode';
import { Unlock } from './screens/Unlock';
import { PAGES, ShellNav, ShellPage, type Page } from './screens/Shell';
import { useDocumentTitle, useIdleLock } from './hooks';
import { HeaderSearch } from './features/people/HeaderSearch';
import { NavigationProvider, clearSession, type Navigation } from './features/people/navigation';
import { flushAllDrafts } from './features/intake/useDraftAutosave';
import { LOCK_REQUEST_EVENT } from './features/backup/BackupRestore';
import { ReminderBanner } from './features/docket/Reminders';
import { IfCan, SessionProvider } from './session';

type Screen =
  | { kind: 'loading' }
  | { kind: 'unreachable'; code: string }
  | { kind: 'create' }
  | { kind: 'recoveryCode'; code: string }
  | { kind: 'unlock'; justLocked: boolean }
  | { kind: 'shell'; page: Page; notice?: MessageKey; personId?: string };

/** Where the app starts, from the core's answer to vault.status. */
function screenForStatus(res: Result<VaultStatus>): Screen {
  if (!res.ok) return { kind: 'unreachable', code: res.error.code };
  if (!res.value.exists) return { kind: 'create' };
  if (res.value.unlocked) return { kind: 'shell', page: 'intake' };
  return { kind: 'unlock', justLocked: false };
}

export function App() {
  const { t } = useI18n();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [locking, setLocking] = useState(false);

  useEffect(() => {
    let live = true;
    void call('vault.status', {}).then((res) => {
      if (live) setScreen(screenForStatus(res));
    });
    return () => {
      live = false;
    };
  }, []);

  const retry = useCallback(() => {
    setScreen({ kind: 'loading' });
    void call('vault.status', {}).then((res) => setScreen(screenForStatus(res)));
  }, []);

  const lock = useCallback(async () => {
    setLocking(true);
    // Unsaved typing goes into its draft first (inside the vault), then the vault closes.
    await flushAllDrafts();
    clearSession();
    try {
      // Whatever the answer, leave the unlocked UI: nothing on screen survives a Lock.
      await call('vault.lock', {});
    } finally {
      // Cached reads hold client records: they go with the unlocked screens.
      clearCoreCache();
      setLocking(false);
      setScreen({ kind: 'unlock', justLocked: true });
    }
  }, []);

  const unlocked = screen.kind === 'shell';

  const navigation = useMemo<Navigation>(
    () => ({
      go: (page) => setScreen({ kind: 'shell', page: (PAGES as readonly string[]).includes(page) ? (page as Page) : 'intake' }),
      openPerson: (personId) => setScreen({ kind: 'shell', page: 'people', personId }),
    }),
    [],
  );

  // The idle timer wants a plain callback. Nothing is lost by not awaiting: flushAllDrafts never rejects and lock() ends in finally.
  const lockNow = useCallback(() => void lock(), [lock]);
  useIdleLock(unlocked && !locking, lockNow);

  // After a restore replaced the vault, the core has closed it: Settings → Backups asks the app to lock.
  useEffect(() => {
    const onRequest = () => void lock();
    window.addEventListener(LOCK_REQUEST_EVENT, onRequest);
    return () => window.removeEventListener(LOCK_REQUEST_EVENT, onRequest);
  }, [lock]);

  // Ctrl+L (Cmd+L on macOS) locks from anywhere in the unlocked app.
  useEffect(() => {
    if (!unlocked) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [unlocked, lock]);

  const skipToMain = (e: MouseEvent<HTMLAnchorElement>) => {
    // Move focus without touching the URL fragment.
    e.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <div className={unlocked ? 'app app--shell' : 'app app--auth'}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-actions">
          {unlocked ? (
            <NavigationProvider value={navigation}>
              <HeaderSearch />
            </NavigationProvider>
          ) : null}
          <LanguageSwitch />
          {unlocked ? (
            <button type="button" className="btn btn-lock" onClick={() => void lock()} disabled={locking} aria-keyshortcuts="Control+L">
              {locking ? t('shell.locking') : t('shell.lock')}
              <kbd aria-hidden="true">{t('shell.lockShortcut')}</kbd>
            </button>
          ) : null}
        </div>
      </header>
      {screen.kind === 'shell' ? (
        <NavigationProvider value={navigation}>
          <SessionProvider>
            <div className="shell">
              <ShellNav page={screen.page} onNavigate={(page) => setScreen({ kind: 'shell', page })} />
              <main id="main" tabIndex={-1} className="shell-main">
                <IfCan op="reminders.due">
                  <ReminderBanner onOpenDocket={() => setScreen({ kind: 'shell', page: 'docket' })} />
                </IfCan>
                <ShellPage page={screen.page} notice={screen.notice} personId={screen.personId} />
              </main>
            </div>
          </SessionProvider>
        </NavigationProvider>
      ) : (
        <main id="main" tabIndex={-1} className="auth-main">
          <AuthScreen screen={screen} setScreen={setScreen} retry={retry} />
        </main>
      )}
    </div>
  );
}

function AuthScreen({
  screen,
  setScreen,
  retry,
}: {
  screen: Exclude<Screen, { kind: 'shell' }>;
  setScreen(s: Screen): void;
  retry(): void;
}) {
  switch (screen.kind) {
    case 'loading':
      return <Loading />;
    case 'unreachable':
      return <Unreachable code={screen.code} retry={retry} />;
    case 'create':
      return <CreateVault onCreated={(code) => setScreen({ kind: 'recoveryCode', code })} />;
    case 'recoveryCode':
      return <RecoveryCode code={screen.code} onContinue={() => setScreen({ kind: 'shell', page: 'intake' })} />;
    case 'unlock':
      return (
        <Unlock
          justLocked={screen.justLocked}
          onUnlocked={(how) =>
            setScreen(how === 'recovery' ? { kind: 'shell', page: 'settings', notice: 'recover.done' } : { kind: 'shell', page: 'intake' })
          }
        />
      );
  }
}

function Loading() {
  const { t } = useI18n();
  useDocumentTitle(t('app.name'));
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </p>
  );
}

function Unreachable({ code, retry }: { code: string; retry(): void }) {
  const { t } = useI18n();
  useDocumentTitle(`${t('app.unreachable.title')} — ${t('app.name')}`);
  return (
    <section className="card" aria-labelledby="unreachable-title">
      <h1 id="unreachable-title">{t('app.unreachable.title')}</h1>
      <div role="alert" className="form-alert">
        {t(errorKey(code))}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    </section>
  );
}

/**
 * The Electron main process. Thin on purpose: every decision (web preferences,
 * CSP, which URLs load, which IPC calls pass, where the vault lives, the menu)
 * is made in electron-free modules beside this one and unit-tested there. This
 * file only wires those answers into Electron's hooks.
 *
 * Bundled by scripts/build-electron.mjs to dist/electron/main.cjs.
 */
import { app, BrowserWindow, Menu, Notification, powerMonitor, protocol, session, type Session, type WebContents } from 'electron';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCoreHost, type CoreHost } from '../host/host';
import { utilitySpawner } from './core-host';
import { registerIpc } from './ipc';
import { createReminders, REMINDER_WINDOW_DAYS } from './reminders';
import { readPrefs } from '../core/prefs';
import type { ReminderList } from '../../shared/views';
import { registerSaveFile } from './save-file';
import { buildMenuTemplate } from './menu';
import { APP_NAME, appLayout, crashDumpsDir, resolveVaultPath } from './paths';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  SESSION_PARTITION,
  isAllowedNavigation,
  isAppUrl,
  resolveAppAsset,
  responseHeadersFor,
  shouldAllowRequest,
  webPreferencesFor,
} from './security';

const isDev = !app.isPackaged;

// Same folder name on every platform as electron/core/paths.ts (CLI, harness),
// whatever package.json's lowercase "name" says.
app.setName(APP_NAME);
app.setPath('userData', join(app.getPath('appData'), APP_NAME));

if (!app.requestSingleInstanceLock()) {
  // Another Amparo owns the vault; it gets focus through 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');

  // Crash dumps hold process memory, i.e. client data. Decision: the crash
  // reporter is never started (no crashReporter.start, nothing uploaded), and
  // Chromium's dump folder is a folder of ours that is emptied at every start
  // and quit, so a dump never outlives the session that produced it.
  const dumps = crashDumpsDir(userData);
  clearFolder(dumps);
  app.setPath('crashDumps', dumps);

  // No auto-update, no telemetry: nothing here ever opens a network connection.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

  const layout = appLayout(app.getAppPath());
  const dbPath = resolveVaultPath({ userDataDir: userData, env: process.env, argv: process.argv });
  let core: CoreHost | null = null;
  let mainWindow: BrowserWindow | null = null;
  let reminders: ReturnType<typeof createReminders> | null = null;

  process.on('uncaughtException', (e) => reportMainError('uncaught exception', e));
  process.on('unhandledRejection', (e) => reportMainError('unhandled rejection', e));

  app.on('session-created', hardenSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  const lockVault = () => {
    reminders?.onLock();
    // Reloading the entry page drops every piece of client data the renderer
    // holds in memory and brings it back at the lock screen. It happens
    // whatever the core does: a lock that failed must never leave data on screen.
    void mainWindow?.loadURL(APP_ENTRY_URL);
    // Ends the core's host process (its heap and SQLite's cache with it) and starts a clean one.
    core?.lock().catch((e: unknown) => reportMainError('lock', e));
  };

  // A throw in here reaches the unhandledRejection handler above (reportMainError).
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const ui = session.fromPartition(SESSION_PARTITION);
    hardenSession(ui);
    ui.protocol.handle(APP_SCHEME, (request) => serveApp(request, layout.rendererDir));

    core = createCoreHost({ dbPath }, utilitySpawner(layout.host));
    reminders = createReminders({
      fetch: async () => {
        const r = await core!.dispatch('reminders.due', { withinDays: REMINDER_WINDOW_DAYS });
        return r.ok ? (r.value as ReminderList) : null;
      },
      notify: ({ title, body }) => {
        if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
      },
      lang: () => readPrefs(dbPath).lang ?? (app.getLocale().startsWith('es') ? 'es' : 'en'),
    });
    registerIpc(core, (name, result) => {
      if (!result.ok) return;
      if (name === 'vault.unlock' || name === 'vault.unlockWithRecovery') void reminders?.onUnlock();
      if (name === 'vault.lock') reminders?.onLock();
    });
    registerSaveFile(() => mainWindow);

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ isDev, platform: process.platform, locale: app.getLocale(), appName: APP_NAME }, { lock: lockVault }),
      ),
    );

    // Decision: the vault locks when the machine sleeps or the OS session locks.
    powerMonitor.on('suspend', lockVault);
    powerMonitor.on('lock-screen', lockVault);

    mainWindow = new BrowserWindow({
      title: APP_NAME,
      width: 1280,
      height: 860,
      minWidth: 880,
      minHeight: 600,
      show: false,
      backgroundColor: '#ffffff',
      // Windows and macOS take the icon from the executable; Linux needs it here.
      ...(process.platform === 'linux' ? { icon: join(layout.resourcesDir, 'icons', 'icon.png') } : {}),
      webPreferences: webPreferencesFor(layout.preload, { devTools: isDev }),
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(APP_ENTRY_URL);
  });

  // Closing the window quits on every platform (macOS included): closing means locking.
  app.on('window-all-closed', () => app.quit());

  // Quit waits for the core to close the vault (it checkpoints the WAL), once.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    quitting = true;
    event.preventDefault();
    core
      .close()
      .catch((e: unknown) => reportMainError('lock on quit', e))
      .finally(() => app.quit());
  });
  app.on('will-quit', () => clearFolder(dumps));
}

const hardened = new WeakSet<Session>();

function hardenSession(ses: Session): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !shouldAllowRequest(details.url, { allowDevtools: isDev }) });
  });
  // Saving files is the core's job, through a save dialog; the renderer never downloads.
  ses.on('will-download', (event) => event.preventDefault());
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('render-process-gone', (_event, details) => {
    // The reason only; never page content.
    console.error(`[amparo] renderer process gone: ${details.reason}`);
  });
}

async function serveApp(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  if (!isAppUrl(request.url)) return notFound();
  const file = resolveAppAsset(rendererDir, new URL(request.url).pathname);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: responseHeadersFor(file) });
  } catch {
    return notFound();
  }
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: responseHeadersFor('404.txt') });
}

function clearFolder(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    reportMainError('clearing crash dumps', e);
  }
}

function reportMainError(where: string, e: unknown): void {
  // Error messages can quote client data (SQL text, file names): in packaged
  // builds log the kind only; developers see everything.
  const kind = e instanceof Error ? e.name : typeof e;
  console.error(`[amparo] main process: ${where} (${kind})`);
  if (isDev) console.error(e);
}

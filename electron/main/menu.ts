/**
 * The application menu as plain data. Only `import type` from electron, so it
 * is unit-testable here. Lock, Quit and the edit roles (which make Cmd/Ctrl+C,
 * V, X, Z, A work on macOS) always; Reload and DevTools only in developer runs.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  lock(): void;
}

export interface MenuOptions {
  isDev: boolean;
  platform: NodeJS.Platform;
  /** `app.getLocale()`; Spanish labels for `es*`, English otherwise. */
  locale: string;
  appName: string;
}

const LABELS = {
  en: { file: 'File', lock: 'Lock vault', quit: 'Quit', edit: 'Edit', view: 'View', window: 'Window' },
  es: { file: 'Archivo', lock: 'Bloquear bóveda', quit: 'Salir', edit: 'Editar', view: 'Ver', window: 'Ventana' },
} as const;

export function buildMenuTemplate(opts: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = opts.locale.toLowerCase().startsWith('es') ? LABELS.es : LABELS.en;
  const isMac = opts.platform === 'darwin';
  const lock: MenuItemConstructorOptions = { id: 'lock', label: t.lock, accelerator: 'CmdOrCtrl+L', click: () => actions.lock() };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        lock,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { id: 'quit', role: 'quit', label: t.quit },
      ],
    });
  } else {
    template.push({ label: t.file, submenu: [lock, { type: 'separator' }, { id: 'quit', role: 'quit', label: t.quit }] });
  }
  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (opts.isDev) view.push({ type: 'separator' }, { id: 'reload', role: 'reload' }, { id: 'devtools', role: 'toggleDevTools' });
  template.push({ label: t.view, submenu: view });
  if (isMac) template.push({ label: t.window, submenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] });
  return template;
}

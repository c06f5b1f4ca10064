import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
const base = { isDev: false, platform: 'linux' as NodeJS.Platform, locale: 'en-US', appName: 'Amparo' };

describe('buildMenuTemplate', () => {
  it('has Lock and Quit but no Reload or DevTools in packaged builds', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = flatten(buildMenuTemplate({ ...base, platform }, { lock: () => {} }));
      expect(items.some((i) => i.id === 'lock')).toBe(true);
      expect(items.some((i) => i.role === 'quit')).toBe(true);
      expect(items.some((i) => i.role === 'reload' || i.role === 'forceReload' || i.role === 'toggleDevTools')).toBe(false);
    }
  });

  it('adds Reload and DevTools in developer runs', () => {
    const items = flatten(buildMenuTemplate({ ...base, isDev: true }, { lock: () => {} }));
    expect(items.some((i) => i.role === 'reload')).toBe(true);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('locks through the action', () => {
    const lock = vi.fn();
    const item = flatten(buildMenuTemplate(base, { lock })).find((i) => i.id === 'lock');
    (item?.click as () => void)();
    expect(lock).toHaveBeenCalledOnce();
  });

  it('speaks Spanish for es locales', () => {
    const items = flatten(buildMenuTemplate({ ...base, locale: 'es-419' }, { lock: () => {} }));
    expect(items.find((i) => i.id === 'lock')?.label).toBe('Bloquear bóveda');
    expect(flatten(buildMenuTemplate(base, { lock: () => {} })).find((i) => i.id === 'lock')?.label).toBe('Lock vault');
  });

  it('keeps the edit roles so copy and paste work on macOS', () => {
    const roles = flatten(buildMenuTemplate({ ...base, platform: 'darwin' }, { lock: () => {} })).map((i) => i.role);
    for (const r of ['copy', 'paste', 'cut', 'selectAll', 'undo']) expect(roles).toContain(r);
  });
});

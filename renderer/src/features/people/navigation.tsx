/**
 * In-app navigation without a router: pages and the open person live in React
 * state only, so no client identifier ever lands in a URL or in history.
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface Navigation {
  /** Opens a top-level page (intake, people, import…). */
  go(page: string): void;
  /** Opens a person's record. */
  openPerson(id: string): void;
}

const NavigationContext = createContext<Navigation>({ go: () => undefined, openPerson: () => undefined });

export function NavigationProvider({ value, children }: { value: Navigation; children: ReactNode }) {
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export const useNavigation = (): Navigation => useContext(NavigationContext);

/**
 * Session-only preferences (memory, never storage): the people list's last
 * query. Cleared on Lock.
 */
export const session = {
  list: null as null | {
    view: 'people' | 'cases';
    sort: 'name' | 'hearing' | 'updated';
    dir: 'asc' | 'desc';
    detained: boolean;
    soon: boolean;
    mine: boolean;
    page: number;
  },
};

export function clearSession(): void {
  session.list = null;
}

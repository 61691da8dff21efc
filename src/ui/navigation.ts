import { createContext, useContext } from 'react';
import type { AppMode } from './mode';
import type { ViewState } from './url-state';

/**
 * Moving between modes without a reload: other modes (briefing items, wall tiles, SQL
 * results) open the map at a unit, filter or event through `openOnMap`.
 */
export interface Navigation {
  goTo: (mode: AppMode) => void;
  openOnMap: (change: Partial<ViewState>) => void;
  /** Open the SQL console with this query in the editor ("show SQL" on every panel and table). */
  openSql: (sql: string) => void;
  /** The href of the map with that change applied, for real links (middle-click, copy link). */
  mapHref: (change: Partial<ViewState>) => string;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation() outside NavigationContext');
  return navigation;
}

/** Where a query handed to the SQL console waits for it (sessionStorage: survives the mode switch and a reload). */
export const PENDING_SQL_KEY = 'onemap.pendingSql';

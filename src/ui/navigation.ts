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
  /** The href of the map with that change applied, for real links (middle-click, copy link). */
  mapHref: (change: Partial<ViewState>) => string;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation() outside NavigationContext');
  return navigation;
}

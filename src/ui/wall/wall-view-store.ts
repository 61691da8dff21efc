import { defaultViewState, type ViewState } from '../url-state';
import type { ViewStore } from '../view-store';

/**
 * The map's view for the wall, kept in memory: the wall's URL is its configuration
 * (docs/wall.md) and must survive a reload unchanged, so the camera moves of the tour are
 * not written into it as the one-map page does.
 */
export function createWallViewStore(rootUnit: string): Pick<ViewStore, 'get' | 'update'> {
  let state: ViewState = defaultViewState(rootUnit);
  return {
    get: () => state,
    // Clicks on the map would drill in; nobody touches a wall, and the tour owns the unit.
    update: (change) => { state = { ...state, ...change, unit: state.unit }; },
  };
}

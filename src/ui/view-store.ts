import { useSyncExternalStore } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './url-state';

type Listener = () => void;

/**
 * The view (unit, filters, layer, camera) lives in the URL: this store reads it, writes
 * it back on every change, and follows the back button. Drilling pushes a history entry
 * so that "back" goes up a level; other changes replace the current one.
 */
export class ViewStore {
  private state: ViewState;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly rootUnit: string) {
    this.state = parseViewState(window.location.search, rootUnit);
    window.addEventListener('popstate', () => {
      this.state = parseViewState(window.location.search, rootUnit);
      this.emit();
    });
  }

  get = (): ViewState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The map's URL for the current view (used when coming back to the map from another mode). */
  href(): string {
    return `${window.location.pathname}${serializeViewState(this.state, this.rootUnit)}`;
  }

  update(change: Partial<ViewState>, history: 'push' | 'replace' = 'replace'): void {
    this.state = { ...this.state, ...change };
    const url = `${window.location.pathname}${serializeViewState(this.state, this.rootUnit)}${window.location.hash}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export function useViewState(store: ViewStore): ViewState {
  return useSyncExternalStore(store.subscribe, store.get);
}

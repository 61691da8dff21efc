import { parseMapping, serialiseMapping, type EventMapping } from '../../ingest';

/** Named column mappings kept in localStorage, so next month's file with the same headers is mapped in one click. */
const KEY = 'onemap.savedMappings';

function readAll(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function savedMappingNames(): string[] {
  return Object.keys(readAll()).sort();
}

export function saveMapping(name: string, mapping: EventMapping): void {
  localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [name]: serialiseMapping(mapping) }));
}

/** A saved mapping, checked again on the way out (the storage is the user's, it may have been edited). */
export function loadSavedMapping(name: string): EventMapping | null {
  const text = readAll()[name];
  if (text === undefined) return null;
  try { return parseMapping(text); } catch { return null; }
}

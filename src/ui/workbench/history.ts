/** One query the analyst ran, kept across reloads. */
export interface HistoryEntry { sql: string; at: string; ms: number | null; rows: number | null; error: string | null }

export const HISTORY_KEY = 'onemap.sqlHistory';
const MAX_ENTRIES = 100;
/** Bigger queries are not worth filling the 5 MB localStorage budget with. */
const MAX_SQL_LENGTH = 20_000;

export function loadHistory(storage: Storage = localStorage): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((e): e is HistoryEntry => typeof e === 'object' && e !== null && typeof (e as HistoryEntry).sql === 'string') : [];
  } catch {
    return []; // a damaged entry must not break the console
  }
}

/** Newest first; running the same SQL again moves it to the top instead of repeating it. */
export function addToHistory(entry: HistoryEntry, storage: Storage = localStorage): HistoryEntry[] {
  if (entry.sql.length > MAX_SQL_LENGTH) return loadHistory(storage);
  const next = [entry, ...loadHistory(storage).filter((e) => e.sql !== entry.sql)].slice(0, MAX_ENTRIES);
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled (private mode): the history lives for this page only.
  }
  return next;
}

export function clearHistory(storage: Storage = localStorage): void {
  storage.removeItem(HISTORY_KEY);
}

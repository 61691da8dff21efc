import { PENDING_SQL_KEY } from '../navigation';
import type { ExportSource } from '../../export/meta';

/** Where "show SQL" leaves the panel's context beside the query (PENDING_SQL_KEY holds the SQL). */
export const PENDING_SOURCE_KEY = 'onemap.pendingSqlSource';

/** The query a panel handed over with its context, as the panel made it. */
export interface PanelQuery {
  sql: string;
  source: ExportSource | null;
  /** The panel's own SQL, to tell whether the analyst changed it (kept in the draft across reloads). */
  original?: string;
}

/** Leave the panel's context for the console; navigation.openSql(sql) then stores the SQL and switches mode. */
export function storePendingSource(source: ExportSource): void {
  sessionStorage.setItem(PENDING_SOURCE_KEY, JSON.stringify(source));
}

/** Read and clear what a panel handed over (once: a reload then keeps the analyst's own edits). */
export function takePendingQuery(): PanelQuery | null {
  const sql = sessionStorage.getItem(PENDING_SQL_KEY);
  const sourceText = sessionStorage.getItem(PENDING_SOURCE_KEY);
  sessionStorage.removeItem(PENDING_SQL_KEY);
  sessionStorage.removeItem(PENDING_SOURCE_KEY);
  if (sql === null) return null;
  let source: ExportSource | null = null;
  try { source = sourceText ? (JSON.parse(sourceText) as ExportSource) : null; } catch { source = null; }
  return { sql, source, original: sql };
}

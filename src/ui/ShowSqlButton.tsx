import type { ExportSource } from '../export/meta';
import { useNavigation } from './navigation';
import { useMessages } from './LanguageContext';
import { storePendingSource } from './workbench/pending-sql';
import './workbench/workbench.css';

interface ShowSqlButtonProps {
  /** The exact SQL behind the panel (a useQuery's `sql`); nothing is shown while it is null. */
  sql: string | null;
  /** The panel and the view it was made for: the console shows it and exports carry it. */
  source: ExportSource;
  /** data-testid, e.g. "show-sql-kpi-strip". */
  testId?: string;
}

/**
 * "show SQL" for any panel or table: opens that exact query in the SQL console, with the
 * panel's unit, period and filters kept beside it for the exported files' metadata.
 */
export function ShowSqlButton({ sql, source, testId }: ShowSqlButtonProps) {
  const navigation = useNavigation();
  const t = useMessages().t.workbench;
  if (sql === null) return null;
  return (
    <button type="button" className="show-sql" data-testid={testId ?? `show-sql-${source.panel}`} title={t.showSqlTitle} aria-label={t.showSqlTitle}
      onClick={() => { storePendingSource(source); navigation.openSql(sql); }}>
      {t.showSql}
    </button>
  );
}

/** The filters of a view as export metadata: only the lists that narrow something. */
export function filterLists(filter: { categories?: readonly string[]; channels?: readonly string[]; statuses?: readonly string[]; severities?: readonly number[] }): Record<string, readonly (string | number)[]> {
  const lists: Record<string, readonly (string | number)[]> = {};
  for (const [key, values] of Object.entries({ categories: filter.categories, channels: filter.channels, statuses: filter.statuses, severities: filter.severities })) {
    if (values && values.length > 0) lists[key] = values;
  }
  return lists;
}

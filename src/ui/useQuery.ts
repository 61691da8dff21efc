import { useEffect, useState } from 'react';
import type { Table } from 'apache-arrow';
import { useDataset } from './DatasetContext';
import { cachedQuery } from './query-cache';

export interface QueryState<T> {
  data: T | null; error: Error | null; loading: boolean; sql: string | null; retry: () => void;
  /**
   * The answer (or error) shown is for the SQL asked now: false while loading, and also on the
   * render where the SQL has just changed and its query has not started yet.
   */
  settled: boolean;
}

/**
 * The one way a panel asks the engine for data: it names the SQL (so the panel can show
 * it) and a pure function from the Arrow result to what it draws. A result that arrives
 * after the SQL changed is dropped, so a slow old query never overwrites a new one. A null
 * SQL means "nothing to ask now". When the dataset's version changes (live refresh) the
 * query runs again and the last result stays shown until the new one arrives.
 */
export function useQuery<T>(sql: string | null, transform: (table: Table) => T): QueryState<T> {
  const { db, version = 0 } = useDataset();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<QueryState<T>, 'retry' | 'settled'>>({ data: null, error: null, loading: sql !== null, sql });
  useEffect(() => {
    if (sql === null) { setState({ data: null, error: null, loading: false, sql }); return; }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null, sql }));
    // The transform runs in its own step so that an exception in it becomes the panel's error
    // card, like a failed query, instead of leaving the panel loading forever.
    cachedQuery(db, sql, version).then(transform).then(
      (data) => { if (current) setState({ data, error: null, loading: false, sql }); },
      (error: unknown) => { if (current) setState({ data: null, error: error instanceof Error ? error : new Error(String(error)), loading: false, sql }); },
    );
    return () => { current = false; };
    // The transform is a pure function of the table; only the SQL (and a retry) decides when to re-run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, sql, attempt, version]);
  return { ...state, settled: !state.loading && state.sql === sql, retry: () => setAttempt((n) => n + 1) };
}

import { useEffect, useState } from 'react';
import type { Table } from 'apache-arrow';
import { useDataset } from './DatasetContext';

export interface QueryState<T> { data: T | null; error: Error | null; loading: boolean; sql: string }

/**
 * The one way a panel asks the engine for data: it names the SQL (so the panel can show
 * it) and a pure function from the Arrow result to what it draws. A result that arrives
 * after the SQL changed is dropped, so a slow old query never overwrites a new one.
 */
export function useQuery<T>(sql: string, transform: (table: Table) => T): QueryState<T> {
  const { db } = useDataset();
  const [state, setState] = useState<QueryState<T>>({ data: null, error: null, loading: true, sql });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null, sql }));
    db.query(sql).then(
      (table) => { if (current) setState({ data: transform(table), error: null, loading: false, sql }); },
      (error: unknown) => { if (current) setState({ data: null, error: error instanceof Error ? error : new Error(String(error)), loading: false, sql }); },
    );
    return () => { current = false; };
    // The transform is a pure function of the table; only the SQL decides when to re-run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, sql]);
  return state;
}

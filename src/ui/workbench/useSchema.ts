import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Table } from 'apache-arrow';
import type { Database } from '../../engine/database';
import { completionSchema, parseSchema, rowCountsSql, SCHEMA_SQL, type SchemaTable } from './schema';

/** On the console's own connection when there is one, so that its temporary tables show too. */
export function consoleQuery(db: Database, sql: string): Promise<Table> {
  return db.startQuery ? db.startQuery(sql).result : db.query(sql);
}

/** The tables, columns, types and row counts for the schema browser and completion. */
export function useSchema(db: Database) {
  const [tables, setTables] = useState<SchemaTable[]>([]);
  const [rowCounts, setRowCounts] = useState(new Map<string, number>());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const next = parseSchema(await consoleQuery(db, SCHEMA_SQL));
      if (!live) return;
      setTables(next);
      const countSql = rowCountsSql(next);
      if (!countSql) return;
      const counts = await consoleQuery(db, countSql);
      const map = new Map<string, number>();
      for (let i = 0; i < counts.numRows; i++) map.set(String(counts.getChild('k')?.get(i)), Number(counts.getChild('n')?.get(i)));
      if (live) setRowCounts(map);
    })().catch(() => undefined); // the browser is a help; the console works without it
    return () => { live = false; };
  }, [db, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const completion = useMemo(() => completionSchema(tables), [tables]);
  return { tables, rowCounts, completion, refresh };
}

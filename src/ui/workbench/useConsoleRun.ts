import { useCallback, useRef, useState } from 'react';
import type { Table } from 'apache-arrow';
import { QueryCancelledError, type Database, type RunningQuery } from '../../engine/database';
import { clearQueryCache } from '../query-cache';
import { errorOffset } from './error-position';
import { splitStatements } from './statements';

/** Results longer than this are cut: the grid and exports get the first MAX_ROWS rows. */
export const MAX_ROWS = 1_000_000;

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; sql: string }
  | { status: 'done'; sql: string; table: Table; truncated: boolean; ms: number; statements: number }
  | { status: 'error'; sql: string; message: string; offset: number | null }
  | { status: 'cancelled'; sql: string };

const READ_ONLY = /^(select|with|from|describe|show|explain|pragma|summarize|values|table)\b/i;

/**
 * Runs a script in the console: statement by statement (duckdb-wasm would return only the
 * first result of several), each cancellable, the last one's result kept. An error's
 * position is mapped back into the whole script. After any statement that may change data,
 * the dashboard's cached results are dropped.
 */
export function useConsoleRun(db: Database, onFinished: (state: RunState) => void) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const running = useRef<{ query: RunningQuery | null; cancelled: boolean } | null>(null);

  const run = useCallback(async (script: string) => {
    if (running.current) return;
    const statements = splitStatements(script);
    if (statements.length === 0) return;
    const handle = { query: null as RunningQuery | null, cancelled: false };
    running.current = handle;
    setState({ status: 'running', sql: script });
    const started = performance.now();
    let next: RunState;
    let changedData = false;
    let current = statements[0]!;
    try {
      let table: Table | null = null;
      for (const statement of statements) {
        current = statement;
        if (handle.cancelled) throw new QueryCancelledError();
        if (!READ_ONLY.test(statement.text)) changedData = true;
        if (db.startQuery) {
          handle.query = db.startQuery(statement.text, { maxRows: MAX_ROWS });
          table = await handle.query.result;
        } else {
          table = await db.query(statement.text);
        }
        handle.query = null;
      }
      const truncated = table!.numRows > MAX_ROWS;
      next = { status: 'done', sql: script, table: truncated ? table!.slice(0, MAX_ROWS) : table!, truncated, ms: performance.now() - started, statements: statements.length };
    } catch (error) {
      if (error instanceof QueryCancelledError || handle.cancelled) next = { status: 'cancelled', sql: script };
      else {
        const message = error instanceof Error ? error.message : String(error);
        const offset = errorOffset(message, current.text);
        next = { status: 'error', sql: script, message, offset: offset === null ? null : current.offset + offset };
      }
    } finally {
      running.current = null;
    }
    if (changedData) clearQueryCache(db);
    setState(next);
    onFinished(next);
  }, [db, onFinished]);

  const cancel = useCallback(() => {
    const handle = running.current;
    if (!handle) return;
    handle.cancelled = true;
    void handle.query?.cancel();
  }, []);

  return { state, run, cancel, canCancel: db.startQuery !== undefined };
}

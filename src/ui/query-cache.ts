import type { Table } from 'apache-arrow';
import type { Database } from '../engine/database';

const LIMIT = 64;
const caches = new WeakMap<Database, Map<string, Promise<Table>>>();
const running = new WeakMap<Database, number>();

/**
 * Results by SQL text, per database, least recently used dropped first: panels that ask the
 * same question (the choropleth and the ranking list) share one query. Failed queries are
 * not kept, so a retry runs again. `dataVersion` (DatasetContext) is part of the key, so
 * after the data changed in place the same SQL runs again instead of serving the old result.
 */
export function cachedQuery(db: Database, sql: string, dataVersion = 0): Promise<Table> {
  let cache = caches.get(db);
  if (!cache) { cache = new Map(); caches.set(db, cache); }
  const key = dataVersion === 0 ? sql : `${dataVersion}\u0000${sql}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = db.query(sql);
  running.set(db, (running.get(db) ?? 0) + 1);
  const settle = () => running.set(db, (running.get(db) ?? 1) - 1);
  pending.then(settle, settle);
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return pending;
}

/**
 * Panel queries of a database still running. The wall waits for none before it moves on
 * (next tour step, next data swap), so on a slow machine work queues up no faster than it is done.
 */
export function runningQueries(db: Database): number {
  return running.get(db) ?? 0;
}

/** Forget every cached result of a database (after its data changed). */
export function clearQueryCache(db: Database): void {
  caches.get(db)?.clear();
}

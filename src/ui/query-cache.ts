import type { Table } from 'apache-arrow';
import type { Database } from '../engine/database';

const LIMIT = 64;
const caches = new WeakMap<Database, Map<string, Promise<Table>>>();

/**
 * Results by SQL text, per database, least recently used dropped first: panels that ask the
 * same question (the choropleth and the ranking list) share one query. Failed queries are
 * not kept, so a retry runs again.
 */
export function cachedQuery(db: Database, sql: string): Promise<Table> {
  let cache = caches.get(db);
  if (!cache) { cache = new Map(); caches.set(db, cache); }
  const hit = cache.get(sql);
  if (hit) {
    cache.delete(sql);
    cache.set(sql, hit);
    return hit;
  }
  const pending = db.query(sql);
  cache.set(sql, pending);
  pending.catch(() => cache.delete(sql));
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return pending;
}

/** Forget every cached result of a database (after its data changed). */
export function clearQueryCache(db: Database): void {
  caches.get(db)?.clear();
}

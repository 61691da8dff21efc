import type { Database } from './database';

/**
 * The code of the data's top unit (its city): the `units` row without a parent. The page
 * finds it the same way (UnitsDirectory.root); a script asks here rather than assuming a city.
 */
export async function rootUnitCode(db: Database): Promise<string> {
  const table = await db.query('SELECT code FROM units WHERE parent_code IS NULL ORDER BY code LIMIT 1');
  const code = table.numRows > 0 ? table.getChild('code')?.get(0) : null;
  if (typeof code !== 'string') throw new Error('The units table has no top-level unit (a row with an empty parent_code)');
  return code;
}

import type { Table } from 'apache-arrow';
import type { UnitLevel } from '../domain/units';
import { rowsOf } from '../engine/columns';

export interface UnitEntry {
  code: string; name: string; level: UnitLevel; parent_code: string | null;
  population: number; label_lon: number; label_lat: number;
}

/** SQL for the directory: a few thousand units, small enough to hold as objects. */
export const UNITS_DIRECTORY_SQL = 'SELECT code, name, level, parent_code, population, label_lon, label_lat FROM units ORDER BY code';

/** The hierarchy in memory: lookups, ancestors and children for breadcrumbs and drill-down. */
export class UnitsDirectory {
  private readonly byCode = new Map<string, UnitEntry>();
  private readonly children = new Map<string, UnitEntry[]>();
  readonly root: UnitEntry;

  constructor(entries: UnitEntry[]) {
    for (const entry of entries) {
      this.byCode.set(entry.code, entry);
      if (entry.parent_code) {
        const list = this.children.get(entry.parent_code) ?? [];
        list.push(entry);
        this.children.set(entry.parent_code, list);
      }
    }
    const root = entries.find((e) => e.parent_code === null);
    if (!root) throw new Error('The units table has no top-level unit (a row with an empty parent_code)');
    this.root = root;
  }

  static fromTable(table: Table): UnitsDirectory {
    return new UnitsDirectory(rowsOf(table) as unknown as UnitEntry[]);
  }

  get(code: string): UnitEntry | undefined {
    return this.byCode.get(code);
  }

  childrenOf(code: string): UnitEntry[] {
    return this.children.get(code) ?? [];
  }

  /** From the top unit down to `code` itself. */
  pathTo(code: string): UnitEntry[] {
    const path: UnitEntry[] = [];
    for (let unit = this.byCode.get(code); unit; unit = unit.parent_code ? this.byCode.get(unit.parent_code) : undefined) path.unshift(unit);
    return path;
  }
}

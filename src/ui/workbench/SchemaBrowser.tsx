import { sqlIdentifier } from '../../sql/literal';
import { useMessages } from '../LanguageContext';
import type { SchemaTable } from './schema';
import { formatCount } from '../../domain/format';

/** Identifiers that need no quotes are inserted bare, others quoted. */
const insertable = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : sqlIdentifier(name));

/** Tables, their row counts, columns and types; a click inserts the name into the editor. */
export function SchemaBrowser({ tables, rowCounts, onInsert, onRefresh }: { tables: SchemaTable[]; rowCounts: Map<string, number>; onInsert: (text: string) => void; onRefresh: () => void }) {
  const t = useMessages().t.workbench;
  return (
    <section className="schema-browser" data-testid="schema-browser" aria-label={t.schema}>
      <header><h2>{t.schema}</h2><button type="button" onClick={onRefresh}>{t.refreshSchema}</button></header>
      {tables.map((table) => {
        const key = `${table.schema}.${table.name}`;
        const rows = rowCounts.get(key);
        const qualified = table.schema === 'main' ? insertable(table.name) : `${insertable(table.schema)}.${insertable(table.name)}`;
        return (
          <details key={key} open={tables.length <= 3} data-testid={`schema-table-${table.name}`}>
            <summary>
              <button type="button" className="schema-name" title={t.insertName} onClick={(e) => { e.preventDefault(); onInsert(qualified); }}>{qualified}</button>
              <span className="schema-rows" data-testid={`schema-rows-${table.name}`} data-value={rows ?? ''}>{table.kind === 'view' ? 'view' : rows === undefined ? '…' : `${formatCount(rows)} ${t.rows}`}</span>
            </summary>
            <ul>
              {table.columns.map((column) => (
                <li key={column.name}>
                  <button type="button" title={t.insertName} onClick={() => onInsert(insertable(column.name))}>{column.name}</button>
                  <span className="schema-type">{column.type}</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

import { format } from '../../i18n';
import type { BriefingTable } from '../../briefing/tables';
import { mapTargetQuery } from '../../briefing/tables';
import { useMessages } from '../LanguageContext';
import { useNavigation } from '../navigation';

/**
 * One briefing table as on paper, with the row's place on the map as a real link (it
 * opens the map at that unit, event and days without a reload) and "show SQL" for the
 * query behind it. Cells are text, never HTML.
 */
export function BriefingTableView({ table, sql, level = 2 }: { table: BriefingTable; sql: string | undefined; level?: 2 | 3 }) {
  const m = useMessages().t.briefing;
  const navigation = useNavigation();
  const Heading = level === 2 ? 'h2' : 'h3';
  const linkColumn = table.linkColumn ?? 0;
  return (
    <section className="briefing-section" data-testid={`briefing-${table.id}`}>
      <div className="briefing-section-head">
        <Heading>{table.title}</Heading>
        {sql ? <button type="button" className="briefing-show-sql no-print" onClick={() => navigation.openSql(sql)}>{m.showSql}</button> : null}
      </div>
      {table.unavailable ? <p className="briefing-empty" data-testid={`briefing-${table.id}-unavailable`}>{m.unavailable}{table.unavailable}</p>
        : table.rows.length === 0 ? <p className="briefing-empty">{m.none}</p> : (
        <>
          {table.total !== undefined && table.total > table.rows.length ? <p>{format(m.listed, { total: table.total, shown: table.rows.length })}</p> : null}
          <table className="briefing-table">
            <thead><tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
            <tbody>
              {table.rows.map((row, i) => {
                const target = table.targets?.[i] ?? null;
                return (
                  <tr key={i}>
                    {row.map((c, j) => (
                      <td key={j} className={typeof c.value === 'number' ? 'number' : undefined}>
                        {j === linkColumn && target ? (
                          <a href={`${window.location.pathname}${mapTargetQuery(target)}`} title={m.openOnMap} onClick={(e) => {
                            e.preventDefault();
                            navigation.openOnMap({
                              unit: target.unit, event: target.event, categories: target.categories ?? [],
                              ...(target.from && target.to ? { range: 'custom' as const, from: target.from, to: target.to } : {}),
                            });
                          }}>{c.text}</a>
                        ) : c.text}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {table.note ? <p className="briefing-note">{table.note}</p> : null}
    </section>
  );
}

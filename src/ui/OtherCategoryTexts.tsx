import { rowsOf } from '../engine/columns';
import { formatCount } from '../domain/format';
import { format } from '../i18n';
import type { EventFilter } from '../sql/filter';
import { otherCategoryTexts } from '../sql/other-texts';
import type { Period } from '../sql/period';
import { useMessages } from './LanguageContext';
import { useQuery } from './useQuery';

/** Under the legend's "other": the file's own category words among the events the map shows, with their counts. */
export function OtherCategoryTexts({ period, filter }: { period: Period; filter: EventFilter }) {
  const { t } = useMessages();
  const result = useQuery(otherCategoryTexts({ period, filter }), (table) => rowsOf(table).map((row) => ({ text: String(row.text), n: Number(row.n), kinds: Number(row.kinds) })));
  const rows = result.data;
  if (!rows || rows.length === 0) return null;
  const more = rows[0]!.kinds - rows.length;
  return (
    <div className="legend-note" data-testid="other-category-texts">
      {format(t.otherHolds, { list: rows.map((r) => `${r.text} (${formatCount(r.n)})`).join(', ') })}
      {more > 0 ? ` ${format(t.otherMore, { n: formatCount(more) })}` : ''}
    </div>
  );
}

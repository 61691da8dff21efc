import { useMemo } from 'react';
import { maskPersonalData } from '../../domain/mask';
import { rowsOf } from '../../engine/columns';
import { overdueSevere } from '../../sql/attention';
import { formatDuration } from '../../domain/format';
import { format, MESSAGES, vocabLabel, type Language } from '../../i18n';
import { useDataset } from '../DatasetContext';
import { useQuery } from '../useQuery';
import type { WallMessages } from './messages';

const ROWS = 6;

/** Matters needing attention (需关注事项) in the unit in view: open events of severity ≥ 3 past their deadline, longest overdue first. */
export function WallAttention({ unitCode, t, language }: { unitCode: string; t: WallMessages; language: Language }) {
  const { asOf, unavailable } = useDataset();
  // Without deadlines in the loaded data nothing can be overdue: say why rather than "none".
  const missing = unavailable?.get('overdue');
  const sql = useMemo(() => overdueSevere({ asOf, filter: { unitCode }, limit: ROWS }), [asOf, unitCode]);
  const result = useQuery(sql, rowsOf);
  const total = result.data?.[0]?.total;
  return (
    <section className="wall-panel wall-attention" aria-label={t.attention} data-testid="wall-attention">
      <h2>{t.attention}{typeof total === 'number' && !missing ? <span className="wall-panel-note wall-bad" data-testid="wall-attention-total" data-value={total}>{format(t.attentionTotal, { count: total })}</span> : null}</h2>
      {missing ? <p className="wall-muted" data-testid="wall-attention-unavailable">{missing[language]}</p>
        : !result.data ? <p className="wall-muted">{t.loading}</p>
        : result.data.length === 0 ? <p className="wall-muted">{t.attentionNone}</p>
        : (
          <ul>
            {result.data.map((row) => (
              <li key={String(row.event_id)}>
                <span className={`wall-severity s${String(row.severity)}`}>{vocabLabel(language, 'severity', row.severity)}</span>
                <span className="wall-item-text">{vocabLabel(language, 'category', row.category)} · {maskPersonalData(String(row.address ?? ''))}</span>
                <span className="wall-item-meta">{format(t.overdueBy, { duration: formatDuration(Number(row.overdue_h), language, { style: 'short', hourWord: MESSAGES[language].hours }) })}</span>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}

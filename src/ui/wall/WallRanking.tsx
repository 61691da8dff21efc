import { useMemo } from 'react';
import { rankUnits } from '../../domain/ranking';
import { childLevel } from '../../domain/units';
import { unitMeasure } from '../../domain/measures';
import { rowsOf } from '../../engine/columns';
import { lastDays } from '../../sql/period';
import { unitMeasures } from '../../sql/unit-measures';
import { format, measureWords, type Language } from '../../i18n';
import { useDataset } from '../DatasetContext';
import { formatMeasure } from '../measure-format';
import type { UnitsDirectory } from '../units-directory';
import { useQuery } from '../useQuery';
import type { WallMessages } from './messages';

/** Rows that fit the panel at the wall's type size. */
const VISIBLE_ROWS = 9;
/** 晾晒 of on-time closure: a rate, so fair across district sizes, with a minimum volume (domain/ranking.ts). */
const RANK_MEASURE = unitMeasure('on_time_rate');

/** Which rows to show: the best, and the highlighted unit in place of the last one if it would not fit. */
export function visibleRanking<T>(entries: readonly T[], isHighlighted: (entry: T) => boolean, rows: number): T[] {
  const top = entries.slice(0, rows);
  if (top.some(isHighlighted)) return top;
  const highlighted = entries.find(isHighlighted);
  return highlighted ? [...top.slice(0, rows - 1), highlighted] : top;
}

/** The districts (or the siblings of the unit in view) ranked fairly over the last 30 days; the unit in view is highlighted. */
export function WallRanking({ units, parentCode, highlight, t, language }: { units: UnitsDirectory; parentCode: string; highlight: string | null; t: WallMessages; language: Language }) {
  const { asOf, unavailable } = useDataset();
  // Loaded data without deadlines has no on-time rate: the panel says why instead of ranking everyone at 0 %.
  const missing = unavailable?.get(RANK_MEASURE.id);
  const parent = units.get(parentCode) ?? units.root;
  const level = childLevel(parent.level);
  const sql = useMemo(() => (level && !missing ? unitMeasures({ level, parentCode: parent.code, period: lastDays(asOf, 30), asOf }) : null), [level, parent.code, asOf, missing]);
  const result = useQuery(sql, rowsOf);
  const entries = useMemo(() => (result.data ? rankUnits(result.data, RANK_MEASURE.columns, RANK_MEASURE.better) : null), [result.data]);
  const shown = entries ? visibleRanking(entries, (e) => String(e.row.code) === highlight, VISIBLE_ROWS) : null;
  return (
    <section className="wall-panel wall-ranking" aria-label={t.ranking} data-testid="wall-ranking">
      <h2>{t.ranking}<span className="wall-panel-note" title={measureWords(language, RANK_MEASURE.id).definition}>{format(t.rankedBy, { measure: measureWords(language, RANK_MEASURE.id).label })}</span></h2>
      {missing ? <p className="wall-muted" data-testid="wall-ranking-unavailable">{missing[language]}</p> : shown ? (
        <ol>
          {shown.map((entry) => {
            const code = String(entry.row.code);
            return (
              <li key={code} className={code === highlight ? 'current' : ''} data-testid={`wall-rank-${code}`} aria-current={code === highlight ? 'true' : undefined}>
                <span className="wall-rank-number">{entry.rank ?? '–'}</span>
                <span className="wall-rank-name">{String(entry.row.name)}</span>
                <span className="wall-rank-value">{formatMeasure(RANK_MEASURE, entry.value, language)}</span>
              </li>
            );
          })}
        </ol>
      ) : <p className="wall-muted">{t.loading}</p>}
    </section>
  );
}

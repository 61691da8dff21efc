import { MIN_RANKING_VOLUME, overlapGroups, rankUnits, wilsonInterval } from '../domain/ranking';
import { format, measureWords } from '../i18n';
import { UNIT_MEASURES, type UnitMeasure } from '../domain/measures';
import type { Scalar } from '../engine/columns';
import { useMessages } from './LanguageContext';
import { formatMeasure } from './measure-format';
import type { ViewStore } from './view-store';
import type { ExportSource } from '../export/meta';
import { ShowSqlButton } from './ShowSqlButton';

type Row = Record<string, Scalar>;

/**
 * The current unit's children ranked fairly (晾晒): by the per-capita form of size-dependent
 * measures, not below a minimum volume, with a Wilson interval beside each rate. Each row
 * drills into its unit.
 */
export function RankingList({ rows, measure, store, sql = null, source, rankByMissing = null }: {
  rows: Row[]; measure: UnitMeasure; store: ViewStore; sql?: string | null; source?: ExportSource;
  /** Why the fair form (per capita) cannot be computed on this data: the units are then listed by the measure itself, without ranks. */
  rankByMissing?: { zh: string; en: string } | null;
}) {
  const { language, t } = useMessages();
  const ranked = rankByMissing ? measure : UNIT_MEASURES.find((m) => m.id === measure.rankBy) ?? measure;
  // Without the fair form the units are only listed, largest first, with no minimum volume: nothing here is a rank.
  const entries = rankByMissing ? rankUnits(rows, { ...ranked.columns, volume: null }, 'higher') : rankUnits(rows, ranked.columns, ranked.better);
  const intervalOf = (row: Record<string, Scalar>) => {
    const numerator = ranked.columns.numerator ? Number(row[ranked.columns.numerator] ?? 0) : null;
    const denominator = ranked.columns.denominator ? Number(row[ranked.columns.denominator] ?? 0) : null;
    return numerator !== null && denominator !== null && denominator > 0 ? wilsonInterval(numerator, denominator) : null;
  };
  // Ranked units whose 95 % intervals overlap cannot be told apart: the list says so above them.
  const rankedEntries = rankByMissing ? [] : entries.filter((e) => e.rank !== null);
  const groups = overlapGroups(rankedEntries.map((e) => intervalOf(e.row)));
  const groupSize = new Map<number, number>();
  for (const g of groups) groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
  const groupStart = new Map<string, number>();
  rankedEntries.forEach((e, i) => { if ((i === 0 || groups[i - 1] !== groups[i]) && groupSize.get(groups[i]!)! > 1) groupStart.set(String(e.row.code), groupSize.get(groups[i]!)!); });
  const reason = (r: string | null) => (r === 'below_min_volume' ? t.belowMinVolume.replace('{n}', String(MIN_RANKING_VOLUME)) : r === 'no_value' ? t.noValue : '');
  return (
    <section className="ranking" aria-label={t.ranking} data-testid="ranking">
      <div className="ranking-head" title={measureWords(language, ranked.id).definition}>
        {rankByMissing ? t.listedBy : t.rankedBy} <strong>{measureWords(language, ranked.id).label}</strong>
        <span className="hint" data-testid="ranking-direction"> ({ranked.better === 'higher' ? t.higherBetter : t.lowerBetter})</span>
        {ranked.id !== measure.id ? <span className="hint"> ({t.perCapitaHint})</span> : null}
        {rankByMissing ? <span className="hint" data-testid="ranking-unranked"> ({t.notRanked}{t.colon}{rankByMissing[language]})</span> : null}
        {source ? <> <ShowSqlButton sql={sql} source={source} /></> : null}
      </div>
      <ol>
        {entries.map((entry) => {
          const code = String(entry.row.code);
          const interval = intervalOf(entry.row);
          const sameAs = groupStart.get(code);
          return (
            <li key={code}>
              {sameAs ? <div className="rank-group" data-testid="rank-group">{format(t.noSignificantDifference, { n: sameAs })}</div> : null}
              <button type="button" data-testid={`rank-${code}`} onClick={() => store.update({ unit: code, camera: undefined }, 'push')}>
                <span className="rank">{rankByMissing ? '–' : entry.rank ?? '–'}</span>
                <span className="rank-name">{String(entry.row.name)}</span>
                <span className="rank-value">{formatMeasure(ranked, entry.value, language)}</span>
                {interval ? <span className="rank-interval" title={t.wilsonHint}>[{formatMeasure(ranked, interval[0], language)}, {formatMeasure(ranked, interval[1], language)}]</span> : null}
                {entry.unrankedReason && !rankByMissing ? <span className="rank-reason">{reason(entry.unrankedReason)}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import { useMemo } from 'react';
import { formatCount, formatMagnitude, formatMeasureValue } from '../../domain/format';
import { rowsOf, type Scalar } from '../../engine/columns';
import { measure as registryMeasure, WALL_TILE_IDS } from '../../domain/measures';
import { periodComparison } from '../../sql/period-compare';
import { useDataset } from '../DatasetContext';
import { useQuery } from '../useQuery';
import { kpiChange } from '../../domain/change';
import { coverageText, joinSentences, kpiTileWords, MESSAGES, type Language } from '../../i18n';
import type { WallMessages } from './messages';

/** The tiles, in order: registry measures (WALL_TILE_IDS), each computed by periodComparison (trend-measures.ts). */
const TILES = WALL_TILE_IDS.map(registryMeasure);

interface TileValues { value: number | null; previous: number | null; /** A rate's denominator (periodComparison's `n`). */ n: number | null }

function byMeasure(rows: Record<string, Scalar>[]): Map<string, TileValues> {
  const num = (v: Scalar) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return new Map(rows.map((r) => [String(r.measure), { value: num(r.value ?? null), previous: num(r.previous ?? null), n: num(r.n ?? null) }]));
}

/**
 * "2 of 3 have a deadline" under a rate whose input only some of today's rows carry, as on
 * the dashboard's tiles: its trials (`n`) against its base measure's value (closed today).
 */
function tileCoverage(tile: (typeof TILES)[number], values: Map<string, TileValues> | null, language: Language): string | null {
  if (!tile.coverage || tile.kind !== 'rate' || !values) return null;
  return coverageText(language, tile.coverage, values.get(tile.id)?.n ?? null, values.get(tile.coverage.base)?.value ?? null, (n) => formatCount(n));
}

/**
 * Today's headline numbers for the unit in view, each with its change against the same
 * hours of yesterday (日环比) from the `periodComparison` builder; definitions on each tile.
 */
export function WallKpis({ unitCode, t, language }: { unitCode: string; t: WallMessages; language: Language }) {
  // Loaded data may lack a measure's columns (no deadlines …): its tile says so instead of showing 0.
  const { asOf, unavailable } = useDataset();
  const sql = useMemo(() => periodComparison({ granularity: 'day', date: asOf.slice(0, 10), asOf, filter: { unitCode }, families: ['volume', 'rates'] }), [asOf, unitCode]);
  const result = useQuery(sql, rowsOf);
  const values = useMemo(() => (result.data ? byMeasure(result.data) : null), [result.data]);
  return (
    <section className="wall-kpis" data-testid="wall-kpis" aria-label={t.kpis} aria-busy={result.loading}>
      {TILES.map((tile) => {
        // A stock is compared at the same moment of yesterday, a flow or rate over the same hours.
        const stock = tile.kind === 'stock';
        const words = kpiTileWords(language, tile.id, stock ? 'now' : 'today');
        const compare = MESSAGES[language].measures;
        const definition = joinSentences(language, words.definition, stock ? compare.compareSameMoment : compare.compareSameHours);
        const missing = unavailable?.get(tile.id);
        if (missing) {
          return (
            <div key={tile.id} className="wall-kpi" data-testid={`wall-kpi-${tile.id}`} data-value="" data-unavailable="true" title={missing[language]}>
              <div className="wall-kpi-label">{words.label}</div>
              <div className="wall-kpi-value wall-muted">{MESSAGES[language].unavailable}</div>
              <div className="wall-kpi-change">{missing[language]}</div>
            </div>
          );
        }
        const entry = values?.get(tile.id) ?? null;
        const value = entry?.value ?? null;
        const change = kpiChange(value, entry?.previous ?? null, tile.better);
        const text = value === null ? (values ? '—' : '…') : formatMeasureValue(tile.unit, value, language);
        const amount = formatMagnitude(tile.unit, change.magnitude, language);
        const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '';
        const coverage = value === null ? null : tileCoverage(tile, values, language);
        return (
          <div key={tile.id} className="wall-kpi" data-testid={`wall-kpi-${tile.id}`} data-value={value === null ? '' : String(value)}
            data-previous={entry?.previous === null || entry?.previous === undefined ? '' : String(entry.previous)} data-coverage={coverage ?? undefined} title={definition}>
            <div className="wall-kpi-label">{words.label}</div>
            <div className="wall-kpi-value">{text}</div>
            {coverage ? <div className="wall-kpi-coverage" data-testid={`wall-kpi-coverage-${tile.id}`}>{coverage}</div> : null}
            <div className={`wall-kpi-change ${change.good === true ? 'good' : change.good === false ? 'bad' : ''}`}>
              <span>{t.vsYesterday}</span>
              <span className="wall-kpi-delta">{change.direction === null ? t.noBase : change.direction === 'flat' ? t.noChange : `${arrow} ${amount}`}</span>
            </div>
          </div>
        );
      })}
    </section>
  );
}

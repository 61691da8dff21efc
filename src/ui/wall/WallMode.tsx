import { useCallback, useMemo } from 'react';
import { DatasetContext, useDataset } from '../DatasetContext';
import { useMessages } from '../LanguageContext';
import { runningQueries } from '../query-cache';
import type { UnitsDirectory } from '../units-directory';
import { useCanvasFit, useReducedMotion, useTourIndex } from './hooks';
import { format, MESSAGES } from '../../i18n';
import { WALL_MESSAGES } from './messages';
import { rankingScope, tourStep, tourStops } from './tour';
import { useLiveDataset } from './useLiveDataset';
import { WallAttention } from './WallAttention';
import { WallHeader } from './WallHeader';
import { WallKpis } from './WallKpis';
import { WallMap } from './WallMap';
import { parseWallParams, resolveSourceUrl } from './wall-params';
import { WallRanking } from './WallRanking';
import { WallTicker } from './WallTicker';
import { WallTrends } from './WallTrends';
import './wall.css';

/** Device pixels per design pixel above which the software-rendered map gets too slow for little gain. */
const MAX_MAP_PIXEL_RATIO = 2;

/**
 * The wall display (大屏, `?mode=wall`, docs/wall.md): a fixed 1920×1080 design canvas
 * scaled to the screen, kept current from a polled source, touring the districts.
 */
export function WallMode({ units }: { units: UnitsDirectory }) {
  const base = useDataset();
  const { language } = useMessages();
  const t = WALL_MESSAGES[language];
  // The URL is the wall's configuration, read once: nobody edits it while the wall runs.
  const params = useMemo(() => parseWallParams(window.location.search, `${base.baseUrl}/events.arrow`), [base.baseUrl]);
  const source = useMemo(() => {
    // Data the user loaded has no source to poll unless the URL names one: refreshing from the
    // demo's file would replace it with the demo.
    if (base.origin === 'user' && !new URLSearchParams(window.location.search).has('source')) return { url: null, refusal: null };
    try { return { url: resolveSourceUrl(params.source, window.location.href), refusal: null }; } catch (error) { return { url: null, refusal: error instanceof Error ? error.message : String(error) }; }
  }, [params.source, base.origin]);
  const live = useLiveDataset(base, { sourceUrl: source.url, refreshSeconds: params.refreshSeconds, update: params.update });
  const fit = useCanvasFit();
  const reducedMotion = useReducedMotion();
  const stops = useMemo(() => tourStops(units, params.units), [units, params.units]);
  const busy = useCallback(() => runningQueries(base.db) > 0, [base.db]);
  const index = useTourIndex(params.intervalSeconds, busy);
  const step = tourStep(stops, params.layers, index);
  const scope = rankingScope(units, step.unit);
  const pixelRatio = Math.min(MAX_MAP_PIXEL_RATIO, Math.max(1, window.devicePixelRatio * fit.scale));
  const touring = params.intervalSeconds > 0 && stops.length * params.layers.length > 1;

  return (
    <DatasetContext.Provider value={live.dataset}>
      <div className="wall-screen" data-testid="wall" data-unit={step.unit.code} data-layer={step.layer} data-tour-index={index}
        data-version={live.dataset.version ?? 0} data-as-of={live.dataset.asOf} data-refresh-cycles={live.status.cycles}
        data-refresh-failures={live.status.failures} data-stale={live.status.staleSince !== null ? 'true' : 'false'} data-reduced-motion={reducedMotion ? 'true' : 'false'}>
        <div className="wall-canvas" data-testid="wall-canvas" data-scale={fit.scale}
          style={{ width: fit.width, height: fit.height, transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})` }}>
          <WallHeader title={format(MESSAGES[language].appTitleOf, { unit: units.root.name })} unitName={step.unit.name} tour={touring ? { index, count: stops.length } : null}
            asOf={live.dataset.asOf} status={live.status} sourceRefusal={source.refusal} t={t} />
          <WallKpis unitCode={step.unit.code} t={t} language={language} />
          <div className="wall-main">
            <WallTrends unitCode={step.unit.code} t={t} />
            <WallMap units={units} unit={step.unit} layer={step.layer} range={params.range} pixelRatio={pixelRatio} t={t} />
            <div className="wall-side">
              <WallRanking units={units} parentCode={scope.parentCode} highlight={scope.highlight} t={t} language={language} />
              <WallAttention unitCode={step.unit.code} t={t} language={language} />
            </div>
          </div>
          <WallTicker unitCode={step.unit.code} canvasWidth={fit.width} t={t} language={language} />
        </div>
      </div>
    </DatasetContext.Provider>
  );
}

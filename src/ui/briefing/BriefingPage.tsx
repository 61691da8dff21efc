import { useEffect, useMemo, useState } from 'react';
import { buildBriefing } from '../../briefing/build';
import { briefingFileStem, briefingZip } from '../../briefing/csv-tables';
import { BRIEFING_KINDS, type BriefingKind } from '../../briefing/kinds';
import { periodLabel } from '../../briefing/labels';
import { briefingMarkdown } from '../../briefing/markdown';
import type { Briefing } from '../../briefing/model';
import { writeSummary } from '../../briefing/summary';
import { briefingTables, MATTER_TABLES } from '../../briefing/tables';
import { downloadFile } from '../../export/download';
import { format } from '../../i18n';
import { useDataset } from '../DatasetContext';
import { ErrorCard } from '../ErrorCard';
import { useMessages } from '../LanguageContext';
import type { UnitsDirectory } from '../units-directory';
import { BriefingCharts } from './BriefingCharts';
import { BriefingTableView } from './BriefingTableView';
import { briefingSearch, defaultBriefingDate, parseBriefingParams, type BriefingParams } from './briefing-url';
import './briefing.css';

/** Units a briefing can be about: the city, its counties and their townships (grids are for the map). */
function unitOptions(units: UnitsDirectory): { code: string; label: string }[] {
  const root = units.root;
  const options = [{ code: root.code, label: root.name }];
  for (const county of units.childrenOf(root.code)) {
    options.push({ code: county.code, label: `· ${county.name}` });
    for (const township of units.childrenOf(county.code)) options.push({ code: township.code, label: `· · ${township.name}` });
  }
  return options;
}

/**
 * The consultation briefing (每日处置、每周分析、每月研判) for a period and unit: the same
 * builder as `npm run briefing`, shown as a printable document with charts, links to the
 * map and the SQL behind every table.
 */
export function BriefingPage({ units }: { units: UnitsDirectory }) {
  const dataset = useDataset();
  const { language, t } = useMessages();
  const m = t.briefing;
  const [params, setParams] = useState<BriefingParams>(() => parseBriefingParams(window.location.search, units.root.code, dataset.asOf));
  const [state, setState] = useState<{ briefing: Briefing | null; error: Error | null; key: string }>({ briefing: null, error: null, key: '' });
  const [attempt, setAttempt] = useState(0);
  const key = `${params.kind}|${params.date}|${params.unit}|${dataset.version ?? 0}|${attempt}`;

  useEffect(() => {
    window.history.replaceState(null, '', briefingSearch(params, new URLSearchParams(window.location.search).get('lang')));
  }, [params]);

  useEffect(() => {
    let current = true;
    buildBriefing(dataset.db, { kind: params.kind, date: params.date, unitCode: params.unit }, dataset.asOf, dataset.unavailable).then(
      (briefing) => { if (current) setState({ briefing, error: null, key }); },
      (error: unknown) => { if (current) setState({ briefing: null, error: error instanceof Error ? error : new Error(String(error)), key }); },
    );
    return () => { current = false; };
  }, [dataset, params, key]);

  const briefing = state.key === key ? state.briefing : null;
  const tables = useMemo(() => (briefing ? briefingTables(briefing, language) : []), [briefing, language]);
  const sqlOf = (id: string) => briefing?.queries.find((q) => q.id === id)?.sql;
  const byId = new Map(tables.map((table) => [table.id, table]));
  const section = (id: string, level: 2 | 3 = 2) => {
    const table = byId.get(id);
    return table ? <BriefingTableView key={id} table={table} sql={sqlOf(table.query)} level={level} /> : null;
  };
  const colon = t.colon;
  const totalMs = briefing ? Math.round(briefing.queries.reduce((sum, q) => sum + q.ms, 0)) : 0;

  return (
    <div className="briefing-page" data-testid="briefing-page">
      <form className="briefing-controls no-print" onSubmit={(e) => e.preventDefault()}>
        <label>{m.kind}
          <select data-testid="briefing-kind" value={params.kind} onChange={(e) => {
            const kind = e.target.value as BriefingKind;
            setParams({ ...params, kind, date: defaultBriefingDate(kind, dataset.asOf) });
          }}>
            {BRIEFING_KINDS.map((k) => <option key={k} value={k}>{m.kindNames[k]}</option>)}
          </select>
        </label>
        <label>{m.date}
          <input type="date" data-testid="briefing-date" value={params.date} max={dataset.asOf.slice(0, 10)}
            onChange={(e) => { if (e.target.value) setParams({ ...params, date: e.target.value }); }} />
        </label>
        <label>{m.unit}
          <select data-testid="briefing-unit" value={params.unit} onChange={(e) => setParams({ ...params, unit: e.target.value })}>
            {unitOptions(units).map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
          </select>
        </label>
        <span className="briefing-actions">
          <button type="button" data-testid="briefing-print" disabled={!briefing} onClick={() => window.print()}>{m.print}</button>
          <button type="button" data-testid="briefing-markdown" disabled={!briefing} onClick={() => briefing && downloadFile(briefingMarkdown(briefing, language, { linkBase: `${window.location.origin}${window.location.pathname}` }), `${briefingFileStem(briefing)}_${language}.md`, 'text/markdown;charset=utf-8')}>{m.markdown}</button>
          <button type="button" data-testid="briefing-csv" disabled={!briefing} onClick={() => briefing && downloadFile(briefingZip(briefing, language, { linkBase: `${window.location.origin}${window.location.pathname}` }), `${briefingFileStem(briefing)}_${language}.zip`, 'application/zip')}>{m.csv}</button>
        </span>
      </form>
      {state.error && state.key === key ? <ErrorCard title={t.errorTitle} message={state.error.message} onRetry={() => setAttempt((a) => a + 1)} retryLabel={t.retry} />
        : !briefing ? <p className="briefing-loading" data-testid="briefing-loading">{m.building}</p>
        : (
          <article className="briefing-document" data-testid="briefing-document">
            <header>
              <h1>{format(m.titleOf, { unit: briefing.unit.name, kind: m.kindNames[briefing.kind] })}</h1>
              <p className="briefing-facts">
                {m.period}{colon}{periodLabel(briefing, language)} · {m.dataTime}{colon}{briefing.dataAsOf} · {m.endOfPeriod}{colon}{briefing.periods.asOf}
                <span className="no-print"> · {format(m.queries, { count: briefing.queries.length, ms: totalMs })}</span>
              </p>
            </header>
            <section className="briefing-section" data-testid="briefing-summary">
              <h2>{m.summary}</h2>
              {writeSummary(briefing, language).map((sentence, i) => <p key={i}>{sentence}</p>)}
            </section>
            {section('headline')}
            {section('indicators')}
            <section className="briefing-section briefing-matters" data-testid="briefing-matters">
              <h2>{m.matters}</h2>
              {MATTER_TABLES.map((id) => section(id, 3))}
            </section>
            <section className="briefing-section" data-testid="briefing-charts">
              <h2>{m.charts}</h2>
              <BriefingCharts briefing={briefing} lang={language} />
            </section>
            {section('categories')}
            {section('children')}
            {section('departments')}
            {section('series')}
          </article>
        )}
    </div>
  );
}

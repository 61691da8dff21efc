import { useCallback, useEffect, useRef, useState } from 'react';
import { lastDayOf } from '../../export/filename';
import { format } from '../../i18n';
import { useDataset } from '../DatasetContext';
import { useNavigation } from '../navigation';
import type { UnitsDirectory } from '../units-directory';
import { exportResult, preloadParquet, type ExportFormat } from './export-result';
import { addToHistory, clearHistory, loadHistory, type HistoryEntry } from './history';
import { HistoryList } from './HistoryList';
import { useMessages } from '../LanguageContext';
import { takePendingQuery, type PanelQuery } from './pending-sql';
import { ResultGrid } from './ResultGrid';
import { canMapResult, resultToLayer, setResultLayer } from './result-layer';
import { SchemaBrowser } from './SchemaBrowser';
import { SqlEditor, type SqlEditorHandle } from './SqlEditor';
import { errorSummary } from './error-position';
import { MAX_ROWS, useConsoleRun, type RunState } from './useConsoleRun';
import { useSchema } from './useSchema';
import './workbench.css';
import { formatCount } from '../../domain/format';

/** The editor's text across reloads of this tab (the history keeps what was run, this what is being written). */
const DRAFT_KEY = 'onemap.sqlDraft';
const DEFAULT_SQL = `-- 近30天各类别事件数 / events per category, last 30 days of the data
SELECT category, count(*) AS events
FROM events
WHERE reported_at >= (SELECT max(reported_at) FROM events) - INTERVAL 30 DAY
GROUP BY ALL
ORDER BY events DESC`;

/** The query to start with: one handed over by a panel ("show SQL"), else this tab's draft. */
function initialQuery(): PanelQuery {
  const pending = takePendingQuery();
  if (pending) {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(pending));
    return pending;
  }
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as PanelQuery | null;
    if (draft && typeof draft.sql === 'string') return draft;
  } catch { /* a damaged draft falls back to the example */ }
  return { sql: DEFAULT_SQL, source: null };
}

/** The analyst's SQL console (?mode=sql): schema, editor, run and cancel, results, exports, history. */
export function Workbench({ units }: { units: UnitsDirectory }) {
  const { db, asOf } = useDataset();
  const navigation = useNavigation();
  const t = useMessages().t.workbench;
  const editor = useRef<SqlEditorHandle>(null);
  const [panelQuery] = useState(initialQuery);
  const [edited, setEdited] = useState(() => panelQuery.source !== null && panelQuery.sql !== (panelQuery.original ?? panelQuery.sql));
  const [history, setHistory] = useState<HistoryEntry[]>(() => loadHistory());
  const [mask, setMask] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const schema = useSchema(db);

  const onFinished = useCallback((state: RunState) => {
    if (state.status === 'done' || state.status === 'error') {
      setHistory(addToHistory({
        sql: state.sql, at: new Date().toISOString(),
        ms: state.status === 'done' ? state.ms : null, rows: state.status === 'done' ? state.table.numRows : null,
        error: state.status === 'error' ? errorSummary(state.message) : null,
      }));
    }
    if (state.status === 'error') editor.current?.markError(state.offset, errorSummary(state.message));
    if (state.status === 'done') schema.refresh();
  }, [schema.refresh]);
  const { state, run, cancel, canCancel } = useConsoleRun(db, onFinished);

  const runEditor = useCallback(() => {
    editor.current?.markError(null, '');
    setNotice(null);
    void run(editor.current?.getText() ?? '');
  }, [run]);
  const onChange = useCallback((text: string) => {
    const original = panelQuery.original ?? panelQuery.sql;
    setEdited(text !== original);
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ sql: text, source: panelQuery.source, original } satisfies PanelQuery));
  }, [panelQuery]);

  const table = state.status === 'done' ? state.table : null;
  const hasResult = table !== null;
  useEffect(() => { if (hasResult) preloadParquet().catch(() => undefined); }, [hasResult]);
  const doExport = async (formatId: ExportFormat) => {
    if (!table || state.status !== 'done') return;
    setNotice(t.exporting);
    try {
      const files = await exportResult({ table, format: formatId, sql: state.sql, source: panelQuery.source, edited, dataAsOf: asOf, mask });
      setNotice(files.join(', '));
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };
  const addToMap = () => {
    if (!table) return;
    const layer = resultToLayer(table, units, t.resultLayer);
    setResultLayer(layer);
    setNotice(layer ? format(t.addedToMap, { n: formatCount(layer.length) }) : t.addToMapHint);
  };

  return (
    <div className="workbench" data-testid="workbench">
      <aside className="wb-side">
        <SchemaBrowser tables={schema.tables} rowCounts={schema.rowCounts} onInsert={(text) => editor.current?.insert(text)} onRefresh={schema.refresh} />
        <HistoryList entries={history} onPick={(sql) => editor.current?.setText(sql)} onClear={() => { clearHistory(); setHistory([]); }} />
      </aside>
      <section className="wb-main" aria-label={t.title}>
        {panelQuery.source ? (
          <div className="wb-source" data-testid="sql-source">
            {format(t.fromPanel, { panel: panelQuery.source.panel })} · {panelQuery.source.unitName ?? panelQuery.source.unitCode}
            {panelQuery.source.period ? ` · ${panelQuery.source.period.start.slice(0, 10)} – ${lastDayOf(panelQuery.source.period.end)}` : ''}
            {edited ? ` ${t.edited}` : ''}
          </div>
        ) : null}
        <SqlEditor ref={editor} initialText={panelQuery.sql} schema={schema.completion} onRun={runEditor} onChange={onChange} label={t.editorLabel} />
        <div className="wb-toolbar">
          <button type="button" className="wb-run" data-testid="run-sql" onClick={runEditor} disabled={state.status === 'running'} title={t.runHint}>▶ {t.run}</button>
          <button type="button" data-testid="cancel-sql" onClick={cancel} disabled={state.status !== 'running' || !canCancel} title={canCancel ? undefined : t.unavailableCancel}>■ {t.cancel}</button>
          <span className="wb-status" data-testid="run-status" data-status={state.status} aria-live="polite"
            data-error-offset={state.status === 'error' && state.offset !== null ? state.offset : undefined}>
            {state.status === 'running' ? t.running
              : state.status === 'cancelled' ? t.cancelled
              : state.status === 'done' ? `${format(t.rowsIn, { rows: formatCount(state.table.numRows), ms: Math.round(state.ms) })}${state.statements > 1 ? ` · ${format(t.statementsRun, { n: state.statements })}` : ''}`
              : state.status === 'error' ? errorSummary(state.message)
              : t.runHint}
          </span>
        </div>
        {state.status === 'error' ? <pre className="wb-error" role="alert" data-testid="sql-error">{state.message}</pre> : null}
        {state.status === 'done' && state.truncated ? <p className="wb-warning">{format(t.truncated, { max: formatCount(MAX_ROWS) })}</p> : null}
        {table ? (
          <div className="wb-result-bar">
            <span>{t.export}:</span>
            {(['csv', 'parquet', 'json', 'arrow'] as const).map((id) => (
              <button key={id} type="button" data-testid={`export-${id}`} onClick={() => void doExport(id)} title={id === 'csv' ? t.exportHint : undefined}>
                {id === 'csv' ? t.exportCsv : id === 'parquet' ? t.exportParquet : id === 'json' ? t.exportJson : t.exportArrow}
              </button>
            ))}
            <label title={t.maskHint}><input type="checkbox" checked={mask} onChange={(e) => setMask(e.target.checked)} data-testid="export-mask" /> {t.mask}</label>
            <button type="button" data-testid="add-to-map" onClick={addToMap} disabled={!canMapResult(table)} title={t.addToMapHint}>{t.addToMap}</button>
            <button type="button" onClick={() => navigation.goTo('map')}>{t.openMap}</button>
            {notice ? <span className="wb-notice" data-testid="wb-notice">{notice}</span> : null}
          </div>
        ) : null}
        {table ? (table.numRows === 0 && table.numCols === 0 ? <p className="hint">{t.noResult}</p> : <ResultGrid table={table} />) : null}
      </section>
    </div>
  );
}

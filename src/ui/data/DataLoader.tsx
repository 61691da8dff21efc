import { useEffect, useRef, useState } from 'react';
import { missingBoundaryProperties, serialiseMapping, suggestMapping, type BoundaryMapping, type DatumHint, type EventMapping, type Issue, type ReadOptions as ReadOptionsValue } from '../../ingest';
import { useDataset } from '../DatasetContext';
import { useMessages } from '../LanguageContext';
import { useNavigation } from '../navigation';
import { useDataControl } from './data-control';
import { FileDrop } from './FileDrop';
import { BoundaryMappingStep } from './BoundaryMappingStep';
import { MappingStep } from './MappingStep';
import { format as fill, MESSAGES, type Language } from '../../i18n';
import { LoaderWorker } from './loader-client';
import type { MappingCheck } from '../../ingest/mapping-check';
import type { BoundarySummary, PreparedSummary, TableSummary } from './loader-protocol';
import { LoaderRefusal } from '../../ingest/pipeline';
import { ReadOptions } from './ReadOptions';
import { readPickedFile, readUrl, type SourceBytes } from './read-source';
import { ReviewStep } from './ReviewStep';
import { saveUserData, type UserData } from './stored-dataset';
import './data.css';
import { formatCount } from '../../domain/format';

const EVENT_ACCEPT = '.csv,.tsv,.txt,.json,.geojson,.ndjson,.parquet,.arrow,.arrows,.ipc,.feather';
const BOUNDARY_ACCEPT = '.geojson,.json,.zip';
/** Engine memory per loaded event (npm run bench: ≈ 420 MB for 1M events), to count what is loaded in the budget. */
const BYTES_PER_LOADED_EVENT = 420;

type Message = { zh: string; en: string } | string;

/** "2026-11-27 18:00" → "2026-11-27 18:00:00"; null when the text is not a data time. */
function parseDataTime(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  return `${match[1]} ${match[2] ?? '23'}:${match[3] ?? '59'}:${match[4] ?? (match[2] ? '00' : '59')}`;
}

/** Keying by name or by feature order is said by the mapping step's own warning, so the list leaves it out. */
const SHOWN_BY_MAPPING_STEP = new Set(['boundary_keyed_by_name', 'boundary_keyed_by_order']);

/** The first findings of a boundary file: rejected features and repairs. */
function BoundaryIssues({ issues, language }: { issues: readonly Issue[]; language: Language }) {
  const listed = issues.filter((issue) => !SHOWN_BY_MAPPING_STEP.has(issue.rule)).slice(0, 5);
  return listed.length > 0 ? <ul className="issue-list">{listed.map((issue, k) => <li key={k} className={`issue-${issue.outcome}`}>{issue[language]}</li>)}</ul> : null;
}

/**
 * Bring your own data (?mode=data): events and boundaries from files or a same-origin URL,
 * the column mapping, validation with nothing lost, then an atomic swap of the tables and a
 * copy kept in the browser. Decisions: docs/ingest.md, "The data loader".
 */
export function DataLoader() {
  const { language } = useMessages();
  const m = MESSAGES[language].data;
  const dataset = useDataset();
  const control = useDataControl();
  const navigation = useNavigation();
  const [table, setTable] = useState<TableSummary | null>(null);
  const [mapping, setMapping] = useState<EventMapping | null>(null);
  const [boundarySets, setBoundarySets] = useState<BoundarySummary[]>([]);
  const [datumHint, setDatumHint] = useState<DatumHint | null>(null);
  const [prepared, setPrepared] = useState<PreparedSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // The worker holds the raw table and boundaries between the steps; stopping replaces it with a fresh one.
  const worker = useRef<LoaderWorker | null>(null);
  const loader = () => (worker.current ??= new LoaderWorker());
  useEffect(() => () => worker.current?.cancel(new Error('The data loader was closed')), []);
  const [error, setError] = useState<Message | null>(null);
  // A boundary mapping from a saved mapping, applied to every boundary file that has its properties (also files read later).
  const savedBoundaryMapping = useRef<BoundaryMapping | null>(null);
  const [boundaryNote, setBoundaryNote] = useState<string | null>(null);
  const [done, setDone] = useState<{ rows: number; asOf: string; stored: string } | null>(null);
  const [asOfText, setAsOfText] = useState('');
  const [rootName, setRootName] = useState('');
  const [urlText, setUrlText] = useState('');
  const [urlKind, setUrlKind] = useState<'events' | 'boundaries'>('events');
  // The datum hint is worked out in the worker, where the table and the boundaries are; a stale answer is ignored.
  const coordinateKey = mapping ? JSON.stringify([mapping.columns.lon, mapping.columns.lat, mapping.columns.grid_code, mapping.crs]) : '';
  useEffect(() => {
    setDatumHint(null);
    if (!table || !mapping || !boundarySets.some((set) => set.accepted > 0)) return;
    let current = true;
    loader().datumHint(mapping).then((hint) => { if (current) setDatumHint(hint); }, () => undefined);
    return () => { current = false; };
    // Only the coordinate columns and the datum change the hint, hence coordinateKey rather than the whole mapping.
  }, [table, boundarySets, coordinateKey]);
  // The mapping check (ranges, columns that alone reject rows) runs on a sample in the worker at every mapping change.
  const [check, setCheck] = useState<MappingCheck | null>(null);
  const mappingKey = mapping ? serialiseMapping(mapping) : '';
  useEffect(() => {
    setCheck(null);
    if (!table || !mapping) return;
    let current = true;
    loader().checkMapping(mapping).then((answer) => { if (current) setCheck(answer); }, () => undefined);
    return () => { current = false; };
    // The serialised mapping stands for the mapping: a new object with the same columns asks nothing new.
  }, [table, boundarySets, mappingKey]);
  const usedBytes = dataset.rows * BYTES_PER_LOADED_EVENT;
  const show = (message: Message) => (typeof message === 'string' ? message : message[language]);

  const fail = (e: unknown) => setError(e instanceof LoaderRefusal ? { zh: e.zh, en: e.en } : e instanceof Error ? e.message : String(e));

  const acceptEvents = async (source: SourceBytes) => {
    setBusy(fill(m.reading, { name: source.name }));
    // The worker drops the previous table as it starts reading, so the page forgets it now too:
    // if this read fails, nothing is left on screen that the worker no longer holds.
    setTable(null);
    setMapping(null);
    setPrepared(null);
    const read = await loader().readEvents(source.name, source.bytes);
    setTable(read);
    setMapping(suggestMapping(read.columns));
    setPrepared(null);
    setDone(null);
  };
  // Another encoding or dialect: the worker reads its copy of the bytes again. The mapping is
  // suggested again only when the columns changed, so a mapping the user fixed survives an encoding change that keeps them.
  const onReadOptions = (options: ReadOptionsValue) => run(async () => {
    if (!table) return;
    setBusy(fill(m.readOptions.rereading, { name: table.fileName }));
    setPrepared(null);
    let read: TableSummary;
    try {
      read = await loader().rereadEvents(options);
    } catch (e) {
      // The worker dropped its table before reading again: nothing may stay on screen that it no longer holds.
      setTable(null);
      setMapping(null);
      throw e;
    }
    const sameColumns = read.columns.length === table.columns.length && read.columns.every((c, i) => c === table.columns[i]);
    setTable(read);
    if (!sameColumns) setMapping(suggestMapping(read.columns));
  });
  const acceptBoundaries = async (sources: SourceBytes[]) => {
    // The worker numbers files in reading order; the page's list follows the same order.
    let fileIndex = boundarySets.length;
    for (const source of sources) {
      setBusy(fill(m.reading, { name: source.name }));
      let set = await loader().readBoundaries(source.name, source.bytes);
      const saved = savedBoundaryMapping.current;
      if (saved && missingBoundaryProperties(saved, set.properties.map((p) => p.name)).length === 0) set = await loader().mapBoundaries(fileIndex, saved);
      // Listed as soon as the worker holds it: if a later file fails, the page still shows what validation will use.
      setBoundarySets((previous) => [...previous, set]);
      fileIndex++;
      setPrepared(null);
    }
  };
  /** Re-keys one boundary file in the worker with the user's choice; the counts on the page follow. */
  const mapBoundaries = (fileIndex: number, boundaryMapping: BoundaryMapping) => run(async () => {
    setBusy(fill(m.reading, { name: boundarySets[fileIndex]?.fileName ?? '' }));
    const set = await loader().mapBoundaries(fileIndex, boundaryMapping);
    setBoundarySets((previous) => previous.map((old, i) => (i === fileIndex ? set : old)));
    setPrepared(null);
  });
  /** A saved mapping's boundary part: applied to each loaded file that has the properties it names, and kept for files read later. */
  const applySavedBoundaryMapping = (boundaryMapping: BoundaryMapping) => run(async () => {
    savedBoundaryMapping.current = boundaryMapping;
    const notes: string[] = [];
    const updated = [...boundarySets];
    for (const [i, set] of boundarySets.entries()) {
      const missing = missingBoundaryProperties(boundaryMapping, set.properties.map((p) => p.name));
      if (missing.length > 0) { notes.push(fill(m.boundaryMapping.savedMissing, { file: set.fileName, properties: missing.join(', ') })); continue; }
      updated[i] = await loader().mapBoundaries(i, boundaryMapping);
    }
    setBoundarySets(updated);
    setBoundaryNote(notes.length > 0 ? notes.join(' ') : null);
    setPrepared(null);
  });
  // Boundary files loaded but none accepted: validation would quietly go on without them, so the page says so.
  const noBoundaries = boundarySets.length > 0 && boundarySets.every((set) => set.accepted === 0)
    ? <p className="no-boundaries-warning" role="alert" data-testid="no-boundaries-warning">{m.boundaryMapping.noBoundaries}</p>
    : null;
  // What is saved with the events mapping: the first boundary file's mapping (one schema per saved mapping).
  const boundaryMapping = boundarySets[0]?.mapping ?? null;
  const withBoundaries = (events: EventMapping): EventMapping => (boundaryMapping ? { ...events, boundaries: boundaryMapping } : events);
  // Each action clears the previous message and reports its own failure; the data in use is never touched here.
  const run = (action: () => Promise<void>) => {
    setError(null);
    action().catch(fail).finally(() => { setBusy(null); setProgress(null); });
  };
  const onEventFiles = (files: File[]) => run(async () => acceptEvents(await readPickedFile(files[0]!, 'events', usedBytes)));
  const onBoundaryFiles = (files: File[]) => run(async () => {
    const sources: SourceBytes[] = [];
    for (const file of files) sources.push(await readPickedFile(file, 'boundaries', usedBytes));
    await acceptBoundaries(sources);
  });
  const onUrl = () => run(async () => {
    const source = await readUrl(urlText, urlKind, usedBytes);
    if (urlKind === 'events') await acceptEvents(source); else await acceptBoundaries([source]);
  });

  const validate = () => {
    if (!table || !mapping) return;
    if (asOfText.trim() !== '' && parseDataTime(asOfText) === null) { setError({ zh: MESSAGES.zh.data.asOfInvalid, en: MESSAGES.en.data.asOfInvalid }); return; }
    run(async () => {
      setBusy(m.validating);
      setProgress({ done: 0, total: table.rowCount });
      setPrepared(await loader().prepare(mapping, rootName.trim() || m.defaultRootName, (done, total) => setProgress({ done, total })));
    });
  };

  // Stopping ends the worker (the only way to interrupt a synchronous validation); the table and boundaries went with it.
  const stopValidation = () => {
    worker.current?.cancel(new LoaderRefusal(MESSAGES.zh.data.validationStopped, MESSAGES.en.data.validationStopped));
    setTable(null);
    setMapping(null);
    setPrepared(null);
    setBoundarySets([]);
  };

  const confirm = () => {
    if (!table || !mapping || !prepared || !prepared.dataTime) return;
    const asOf = parseDataTime(asOfText) ?? prepared.dataTime.picked;
    const data: UserData = {
      manifest: {
        version: 1, asOf, rows: prepared.result.counts.accepted, savedAt: new Date().toISOString(),
        sources: [table.fileName, ...boundarySets.map((s) => s.fileName)],
        unavailable: prepared.unavailable.map(({ id, zh, en }) => ({ id, zh, en })),
      },
      eventsIpc: prepared.eventsIpc, unitsCsv: prepared.unitsCsv, boundaries: prepared.boundaries, mappingJson: serialiseMapping(withBoundaries(mapping)),
    };
    run(async () => {
      setBusy(m.loading);
      try {
        await control.activate(data);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        throw new LoaderRefusal(fill(MESSAGES.zh.data.loadFailed, { message }), fill(MESSAGES.en.data.loadFailed, { message }));
      }
      let stored: string;
      try {
        const backend = await saveUserData(data);
        stored = fill(m.storedIn, { backend: backend === 'opfs' ? 'OPFS' : 'IndexedDB' });
      } catch (e) {
        stored = fill(m.storeFailed, { message: e instanceof Error ? e.message : String(e) });
      }
      setDone({ rows: data.manifest.rows, asOf, stored });
      setPrepared(null);
      setTable(null);
      setMapping(null);
      // The worker's copy of the table is no longer needed once the data is loaded.
      void loader().clearEvents();
    });
  };

  return (
    <div className="data-loader" data-testid="data-loader" aria-busy={busy !== null}>
      <h2>{m.title}</h2>
      <p className="data-hint">{m.intro}</p>
      {error ? <div className="data-error" role="alert" data-testid="loader-error">{show(error)}</div> : null}
      {busy ? (
        <div className="data-busy" role="status" data-testid="loader-busy">
          {busy}
          {progress ? (
            <>
              {' '}<progress data-testid="loader-progress" value={progress.done} max={Math.max(1, progress.total)} />{' '}
              <span>{fill(m.validatingRows, { done: formatCount(progress.done), total: formatCount(progress.total) })}</span>{' '}
              <button type="button" data-testid="stop-validation" onClick={stopValidation}>{m.stopValidation}</button>
            </>
          ) : null}
        </div>
      ) : null}
      {done ? (
        <div className="data-done" role="status" data-testid="loader-done">
          {fill(m.loaded, { rows: formatCount(done.rows), asOf: done.asOf.slice(0, 16) })} {done.stored}{' '}
          <button type="button" className="primary" data-testid="open-map" onClick={() => navigation.goTo('map')}>{m.openMap}</button>
        </div>
      ) : null}
      <section className="data-step">
        <h3>{m.eventsHeading}</h3>
        <p className="data-hint">{m.eventsHint}</p>
        <FileDrop testId="events-input" accept={EVENT_ACCEPT} dropLabel={m.dropHere} chooseLabel={m.chooseFile} disabled={busy !== null} onFiles={onEventFiles} />
        <h3>{m.boundariesHeading}</h3>
        <p className="data-hint">{m.boundariesHint}</p>
        <FileDrop testId="boundaries-input" accept={BOUNDARY_ACCEPT} multiple dropLabel={m.dropHere} chooseLabel={m.chooseFile} disabled={busy !== null} onFiles={onBoundaryFiles} />
        {boundarySets.length > 0 ? (
          <ul className="boundary-list" data-testid="boundary-list">
            {boundarySets.map((set, i) => (
              <li key={i} data-testid="boundary-file" data-accepted={set.accepted} data-rejected={set.rejectedCount}>
                {fill(m.boundaryLoaded, { name: set.fileName, accepted: set.accepted, rejected: set.rejectedCount })}
                <BoundaryMappingStep language={language} set={set} disabled={busy !== null} onChange={(next) => mapBoundaries(i, next)} />
                <BoundaryIssues issues={set.issues} language={language} />
              </li>
            ))}
            <li><button type="button" data-testid="remove-boundaries" disabled={busy !== null} onClick={() => run(async () => { await loader().clearBoundaries(); setBoundarySets([]); setBoundaryNote(null); setPrepared(null); })}>{m.removeBoundaries}</button></li>
          </ul>
        ) : null}
        {boundaryNote ? <p className="data-hint" role="status">{boundaryNote}</p> : null}
        {noBoundaries}
        <div className="url-row">
          <label>{m.urlLabel}{' '}<input type="url" data-testid="url-input" value={urlText} onChange={(e) => setUrlText(e.target.value)} placeholder="/data/events.csv" /></label>
          <select data-testid="url-kind" value={urlKind} onChange={(e) => setUrlKind(e.target.value as 'events' | 'boundaries')}>
            <option value="events">{m.urlKindEvents}</option>
            <option value="boundaries">{m.urlKindBoundaries}</option>
          </select>
          <button type="button" data-testid="url-load" onClick={onUrl} disabled={busy !== null || urlText.trim() === ''}>{m.urlLoad}</button>
        </div>
        {table && table.fileIssues.length > 0 ? (
          <div className="file-issues" data-testid="file-issues"><h4>{m.fileIssues}</h4>
            <ul className="issue-list">{table.fileIssues.map((issue, k) => <li key={k}>{issue[language]}</li>)}</ul>
          </div>
        ) : null}
      </section>
      {table && table.textRead ? <ReadOptions language={language} table={table} disabled={busy !== null} onChange={onReadOptions} /> : null}
      {table && mapping ? (
        <>
          <MappingStep language={language} table={table} mapping={mapping} onChange={(next) => { setMapping(next); setPrepared(null); }} hint={datumHint} check={check}
            boundaryMapping={boundaryMapping} onSavedBoundaryMapping={applySavedBoundaryMapping} />
          <section className="data-step">
            <label>{m.rootName}{' '}<input data-testid="root-name" value={rootName} placeholder={m.defaultRootName} onChange={(e) => setRootName(e.target.value)} /></label>{' '}
            <label>{m.asOf}{' '}<input data-testid="as-of-input" value={asOfText} placeholder="YYYY-MM-DD HH:MM" onChange={(e) => { setAsOfText(e.target.value); setPrepared(null); }} /></label>
            {noBoundaries}
            <div className="data-actions">
              <button type="button" className="primary" data-testid="validate" onClick={validate} disabled={busy !== null}>{m.validate}</button>
            </div>
          </section>
        </>
      ) : null}
      {table && prepared ? (
        <ReviewStep language={language} table={table} prepared={prepared} rejectedCsv={() => loader().rejectedCsv()} busy={busy !== null} onConfirm={confirm}
          onError={fail} onCancel={() => { setPrepared(null); setTable(null); setMapping(null); void loader().clearEvents(); }} />
      ) : null}
    </div>
  );
}

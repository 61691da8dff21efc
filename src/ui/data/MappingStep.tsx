import { useState } from 'react';
import { EVENT_COLUMNS, type EventColumn } from '../../domain/events';
import { COORDINATE_SYSTEMS, missingSourceColumns, REQUIRED_COLUMNS, type BoundaryMapping, type CoordinateSystem, type DatumHint, type EventMapping } from '../../ingest';
import type { TableSummary } from './loader-protocol';
import type { Language } from '../../i18n';
import { format as fill, MESSAGES } from '../../i18n';
import { loadSavedMapping, saveMapping, savedMappingNames } from './saved-mappings';
import type { MappingCheck } from '../../ingest/mapping-check';
import { ColumnRange, MappingRisks } from './MappingRisks';
import { formatCount } from '../../domain/format';

const PREVIEW_ROWS = 5;

interface MappingStepProps {
  language: Language;
  table: TableSummary;
  mapping: EventMapping;
  onChange: (mapping: EventMapping) => void;
  /** Which datum fits the loaded boundaries (worked out in the loader worker); null without boundaries or coordinates. */
  hint: DatumHint | null;
  /** Ranges of the mapped columns and the columns that alone reject rows; null while it is worked out. */
  check: MappingCheck | null;
  /** The boundary files' mapping, saved along with the columns (null without boundary files). */
  boundaryMapping: BoundaryMapping | null;
  /** A saved mapping's boundary part, for the page to apply to the boundary files. */
  onSavedBoundaryMapping: (mapping: BoundaryMapping) => void;
}

/** Step 2: the suggested mapping as one select per OneMap field, a preview of the rows as read, the datum and saved mappings. */
export function MappingStep({ language, table, mapping, onChange, hint, check, boundaryMapping, onSavedBoundaryMapping }: MappingStepProps) {
  const m = MESSAGES[language].data;
  const [names, setNames] = useState(savedMappingNames);
  const [mappingName, setMappingName] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const setColumn = (column: EventColumn, source: string) => {
    const columns = { ...mapping.columns };
    if (source === '') delete columns[column]; else columns[column] = source;
    onChange({ ...mapping, columns });
  };
  const apply = (name: string) => {
    const saved = loadSavedMapping(name);
    if (!saved) return;
    const missing = missingSourceColumns(saved, table.columns);
    setNote(missing.length > 0 ? fill(m.mappingMissing, { columns: missing.map((c) => c.source).join(', ') }) : null);
    // Columns this file lacks are left unmapped rather than pointing at nothing.
    const columns = Object.fromEntries(Object.entries(saved.columns).filter(([, source]) => table.columns.includes(source)));
    // The boundary part belongs to the boundary files, which the page holds: it is handed over, not kept in the events mapping.
    const { boundaries, ...events } = saved;
    onChange({ ...events, columns });
    if (boundaries) onSavedBoundaryMapping(boundaries);
  };
  const save = () => {
    const name = mappingName.trim();
    if (name === '') return;
    saveMapping(name, boundaryMapping ? { ...mapping, boundaries: boundaryMapping } : mapping);
    setNames(savedMappingNames());
    setNote(fill(m.mappingSaved, { name }));
  };
  return (
    <section className="data-step" data-testid="mapping-step">
      <h3>{m.mappingHeading}</h3>
      <p className="data-hint">{fill(m.rowsRead, { file: table.fileName, rows: formatCount(table.rowCount), columns: table.columns.length, encoding: table.encoding ?? '—' })}</p>
      <p className="data-hint">{m.mappingHint}</p>
      <div className="mapping-tools">
        <label>{m.crs}{' '}
          <select data-testid="crs-select" value={mapping.crs} onChange={(e) => onChange({ ...mapping, crs: e.target.value as CoordinateSystem })}>
            {COORDINATE_SYSTEMS.map((crs) => <option key={crs} value={crs}>{m.crsNames[crs]}</option>)}
          </select>
        </label>
        {names.length > 0 ? (
          <label>{m.savedMappings}{' '}
            <select data-testid="saved-mappings" value="" onChange={(e) => apply(e.target.value)}>
              <option value="">—</option>
              {names.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </label>
        ) : null}
        <label>{m.mappingName}{' '}<input data-testid="mapping-name" value={mappingName} onChange={(e) => setMappingName(e.target.value)} /></label>
        <button type="button" data-testid="save-mapping" onClick={save} disabled={mappingName.trim() === ''}>{m.saveMapping}</button>
      </div>
      {hint?.suggested ? (
        <p className="datum-hint" role="status" data-testid="datum-hint">{hint[language]}{' '}
          <button type="button" onClick={() => onChange({ ...mapping, crs: hint.suggested! })}>{fill(m.useSuggested, { crs: hint.suggested.toUpperCase() })}</button>
        </p>
      ) : null}
      {note ? <p className="data-hint" role="status">{note}</p> : null}
      {check ? <MappingRisks language={language} check={check} onUnmap={(column) => setColumn(column, '')} /> : null}
      <table className="mapping-table">
        <thead><tr><th>{m.oneMapField}</th><th>{m.sourceColumn}</th><th>{check && !check.exact ? fill(m.valuesSampled, { n: formatCount(check.sampled) }) : m.values}</th></tr></thead>
        <tbody>
          {EVENT_COLUMNS.map((column) => (
            <tr key={column}>
              <td><code>{column}</code>{REQUIRED_COLUMNS.includes(column) ? <span className="required"> · {m.required}</span> : null}</td>
              <td>
                <select data-testid={`map-${column}`} value={mapping.columns[column] ?? ''} onChange={(e) => setColumn(column, e.target.value)}>
                  <option value="">{m.notMapped}</option>
                  {table.columns.map((source) => <option key={source} value={source}>{source}</option>)}
                </select>
              </td>
              <td data-testid={`range-${column}`}><ColumnRange language={language} profile={check?.profiles.find((p) => p.column === column) ?? null} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{fill(m.preview, { n: Math.min(PREVIEW_ROWS, table.sample.length) })}</h4>
      <div className="preview-scroll">
        <table className="preview-table" data-testid="preview">
          <thead><tr>{table.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
          <tbody>
            {table.sample.slice(0, PREVIEW_ROWS).map((row, r) => (
              <tr key={r}>{table.columns.map((c, k) => <td key={c}>{row[k] ?? ''}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

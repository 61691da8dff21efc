import { useEffect, useState, type KeyboardEvent } from 'react';
import { TEXT_ENCODINGS, type CsvDialect, type ReadOptions as ReadOptionsValue, type TextEncodingName } from '../../ingest';
import { format as fill, MESSAGES, type Language } from '../../i18n';
import type { TableSummary } from './loader-protocol';

/** The delimiters offered by name; anything else is typed as custom text. */
const DELIMITER_PRESETS = [
  { key: 'comma', value: ',' }, { key: 'tab', value: '\t' }, { key: 'semicolon', value: ';' },
  { key: 'pipe', value: '|' }, { key: 'space', value: ' ' }, { key: 'commaSpace', value: ', ' },
] as const;
type DelimiterKey = (typeof DELIMITER_PRESETS)[number]['key'] | 'custom';

interface ReadOptionsProps {
  language: Language;
  table: TableSummary;
  disabled: boolean;
  /** Read the file again with these options (anything left out is detected again). */
  onChange: (options: ReadOptionsValue) => void;
}

/** A delimiter as a person reads it: a tab or a space is named (invisible between quotes), anything else quoted. */
function showDelimiter(delimiter: string, names: Record<DelimiterKey, string>): string {
  if (delimiter === '\t') return names.tab;
  if (delimiter === ' ') return names.space;
  return `"${delimiter}"`;
}

/**
 * How a text events file is read (issue #14 points 4 and 5): the encoding guess with its
 * confidence and the alternatives, the sniffed CSV dialect, and the suspicious characters
 * of the current reading, each changeable. A change reads the file again in the loader
 * worker, and the preview and mapping below follow. Shown for CSV and JSON (encoding only).
 */
export function ReadOptions({ language, table, disabled, onChange }: ReadOptionsProps) {
  const m = MESSAGES[language].data.readOptions;
  const report = table.textRead;
  const dialect = report?.dialect;
  const encoding = (table.encoding ?? 'utf-8') as TextEncodingName;
  const [customDelimiter, setCustomDelimiter] = useState<string | null>(null);
  const [skipText, setSkipText] = useState('');
  const [commentText, setCommentText] = useState('');
  // Text fields follow each new reading (a reset, another file) but are edited locally until applied.
  useEffect(() => {
    setSkipText(String(dialect?.skipRows ?? 0));
    setCommentText(dialect?.comment ?? '');
    setCustomDelimiter(dialect && !DELIMITER_PRESETS.some((p) => p.value === dialect.delimiter) ? dialect.delimiter : null);
  }, [dialect?.skipRows, dialect?.comment, dialect?.delimiter]);
  if (!report) return null;
  const guess = report.guess;

  const apply = (change: { encoding?: TextEncodingName; dialect?: Partial<CsvDialect> }) =>
    onChange({ encoding: change.encoding ?? encoding, ...(dialect ? { dialect: { ...dialect, ...change.dialect } } : {}) });
  const onEnter = (commit: () => void) => (event: KeyboardEvent<HTMLInputElement>) => { if (event.key === 'Enter') commit(); };
  const commitSkip = () => {
    const rows = Number.parseInt(skipText, 10);
    if (Number.isFinite(rows) && rows >= 0 && rows !== dialect?.skipRows) apply({ dialect: { skipRows: rows } });
  };
  const commitComment = () => { if (commentText !== dialect?.comment) apply({ dialect: { comment: commentText } }); };
  const commitCustom = () => { if (customDelimiter && customDelimiter !== dialect?.delimiter) apply({ dialect: { delimiter: customDelimiter } }); };
  const delimiterKey: DelimiterKey = customDelimiter !== null ? 'custom' : DELIMITER_PRESETS.find((p) => p.value === dialect?.delimiter)?.key ?? 'custom';
  const quoteKey = dialect?.quote === "'" ? 'single' : dialect?.quote === '' ? 'none' : 'double';
  const sniffed = report.sniffed;

  return (
    <section className="data-step read-options" data-testid="read-options">
      <h3>{m.heading}</h3>
      <p className="data-hint">{m.hint}</p>
      <p className="read-guess" data-testid="read-guess" data-encoding={guess.encoding} data-confidence={guess.confidence}>
        {fill(m.detected, { encoding: m.encodingNames[guess.encoding], confidence: guess.confidence.toFixed(2), evidence: m.evidence[guess.evidence] })}
        {guess.alternatives.length > 0 ? <> · {fill(m.alternatives, { list: guess.alternatives.map((c) => `${m.encodingNames[c.encoding]} ${c.confidence.toFixed(2)}`).join(', ') })}</> : null}
        {sniffed ? (
          <><br />{fill(m.guess, {
            delimiter: showDelimiter(sniffed.delimiter, m.delimiterNames), quote: sniffed.quote === '' ? m.none : sniffed.quote,
            escape: m.escapeNames[sniffed.escape], header: sniffed.header ? m.yes : m.no, skip: sniffed.skipRows, comment: sniffed.comment === '' ? m.none : sniffed.comment,
          })}</>
        ) : null}
      </p>
      <div className="read-controls">
        <label>{m.encoding}{' '}
          <select data-testid="read-encoding" value={encoding} disabled={disabled} onChange={(e) => apply({ encoding: e.target.value as TextEncodingName })}>
            {TEXT_ENCODINGS.map((name) => <option key={name} value={name}>{m.encodingNames[name]}</option>)}
          </select>
        </label>
        {dialect ? (
          <>
            <label>{m.delimiter}{' '}
              <select data-testid="read-delimiter" value={delimiterKey} disabled={disabled} onChange={(e) => {
                const key = e.target.value as DelimiterKey;
                if (key === 'custom') { setCustomDelimiter(dialect.delimiter); return; }
                setCustomDelimiter(null);
                apply({ dialect: { delimiter: DELIMITER_PRESETS.find((p) => p.key === key)!.value } });
              }}>
                {DELIMITER_PRESETS.map((p) => <option key={p.key} value={p.key}>{m.delimiterNames[p.key]}</option>)}
                <option value="custom">{m.delimiterNames.custom}</option>
              </select>
            </label>
            {customDelimiter !== null ? (
              <label>{m.customDelimiter}{' '}
                <input data-testid="read-delimiter-custom" size={4} value={customDelimiter} disabled={disabled}
                  onChange={(e) => setCustomDelimiter(e.target.value)} onBlur={commitCustom} onKeyDown={onEnter(commitCustom)} />
              </label>
            ) : null}
            <label>{m.quote}{' '}
              <select data-testid="read-quote" value={quoteKey} disabled={disabled}
                onChange={(e) => apply({ dialect: { quote: e.target.value === 'single' ? "'" : e.target.value === 'none' ? '' : '"' } })}>
                {(['double', 'single', 'none'] as const).map((key) => <option key={key} value={key}>{m.quoteNames[key]}</option>)}
              </select>
            </label>
            <label>{m.escape}{' '}
              <select data-testid="read-escape" value={dialect.escape} disabled={disabled} onChange={(e) => apply({ dialect: { escape: e.target.value as CsvDialect['escape'] } })}>
                {(['double', 'backslash'] as const).map((key) => <option key={key} value={key}>{m.escapeNames[key]}</option>)}
              </select>
            </label>
            <label>
              <input type="checkbox" data-testid="read-header" checked={dialect.header} disabled={disabled} onChange={(e) => apply({ dialect: { header: e.target.checked } })} />{' '}
              {m.header}
            </label>
            <label>{m.skipRows}{' '}
              <input type="number" min={0} data-testid="read-skip" value={skipText} disabled={disabled} className="read-skip"
                onChange={(e) => setSkipText(e.target.value)} onBlur={commitSkip} onKeyDown={onEnter(commitSkip)} />
            </label>
            <label>{m.comment}{' '}
              <input data-testid="read-comment" size={3} value={commentText} placeholder="#" disabled={disabled}
                onChange={(e) => setCommentText(e.target.value)} onBlur={commitComment} onKeyDown={onEnter(commitComment)} />
            </label>
          </>
        ) : null}
        <button type="button" data-testid="read-reset" disabled={disabled} onClick={() => onChange({})}>{m.reset}</button>
      </div>
      <div className="suspicious-chars" data-testid="suspicious-chars" data-count={report.suspicious.length}>
        <h4>{m.suspiciousHeading}</h4>
        {report.suspicious.length === 0 ? <p className="data-hint">{m.suspiciousNone}</p> : (
          <ul className="issue-list">
            {report.suspicious.map((s) => <li key={s.line}>{fill(m.suspiciousLine, { line: s.line, snippet: s.snippet, characters: s.characters })}</li>)}
          </ul>
        )}
      </div>
    </section>
  );
}

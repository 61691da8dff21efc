import { format } from '../../i18n';
import type { HistoryEntry } from './history';
import { useMessages } from '../LanguageContext';
import { formatCount } from '../../domain/format';

/** The queries run before (newest first, kept in localStorage); a click puts one back in the editor. */
export function HistoryList({ entries, onPick, onClear }: { entries: HistoryEntry[]; onPick: (sql: string) => void; onClear: () => void }) {
  const t = useMessages().t.workbench;
  return (
    <section className="history" data-testid="history" aria-label={t.history}>
      <header><h2>{t.history}</h2>{entries.length > 0 ? <button type="button" onClick={onClear}>{t.clearHistory}</button> : null}</header>
      {entries.length === 0 ? <p className="hint">{t.noHistory}</p> : (
        <ol>
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.sql}`}>
              <button type="button" data-testid="history-entry" onClick={() => onPick(entry.sql)} title={entry.sql}>
                <code>{entry.sql.length > 160 ? `${entry.sql.slice(0, 160)}…` : entry.sql}</code>
                <small>
                  {entry.at.slice(0, 16).replace('T', ' ')}
                  {entry.error ? ` · ${t.historyError}` : entry.rows !== null && entry.ms !== null ? ` · ${format(t.rowsIn, { rows: formatCount(entry.rows), ms: Math.round(entry.ms) })}` : ''}
                </small>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

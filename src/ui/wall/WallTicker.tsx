import { useEffect, useMemo, useState } from 'react';
import { maskPersonalData } from '../../domain/mask';
import { rowsOf } from '../../engine/columns';
import { latestEvents } from '../../sql/latest-events';
import { vocabLabel, type Language } from '../../i18n';
import { useDataset } from '../DatasetContext';
import { useQuery } from '../useQuery';
import type { WallMessages } from './messages';

const LIST = 12;
/** Seconds each set of items stays before the ticker moves on by one. */
const STEP_SECONDS = 5;
/** Design pixels per item: the ticker shows as many as fit the canvas width. */
const ITEM_WIDTH = 540;

/**
 * The latest events, one line at the bottom of the wall. It steps through the list instead
 * of scrolling continuously: text that moves all the time is hard to read from afar and
 * costs frames on a software-rendered wall; a step is instant under reduced motion anyway.
 */
export function WallTicker({ unitCode, canvasWidth, t, language }: { unitCode: string; canvasWidth: number; t: WallMessages; language: Language }) {
  const { asOf } = useDataset();
  const sql = useMemo(() => latestEvents({ asOf, filter: { unitCode }, limit: LIST }), [asOf, unitCode]);
  const result = useQuery(sql, rowsOf);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setOffset((o) => o + 1), STEP_SECONDS * 1000);
    return () => clearInterval(timer);
  }, []);
  const rows = result.data ?? [];
  const fit = Math.max(1, Math.floor((canvasWidth - 200) / ITEM_WIDTH));
  const shown = rows.length <= fit ? rows : Array.from({ length: fit }, (_, i) => rows[(offset + i) % rows.length]!);
  return (
    <section className="wall-ticker" aria-label={t.latest} data-testid="wall-ticker" aria-live="off">
      <h2>{t.latest}</h2>
      {shown.length === 0 ? <span className="wall-muted">{result.data ? t.latestNone : t.loading}</span> : shown.map((row) => {
        const category = vocabLabel(language, 'category', row.category);
        return (
          <div key={String(row.event_id)} className="wall-ticker-item" data-testid="wall-ticker-item">
            <span className="wall-item-meta">{String(row.reported_at).slice(11)}</span>
            <span className={`wall-severity s${String(row.severity)}`}>{vocabLabel(language, 'severity', row.severity)}</span>
            <span className="wall-item-text">{category} · {maskPersonalData(String(row.address ?? ''))}</span>
          </div>
        );
      })}
    </section>
  );
}

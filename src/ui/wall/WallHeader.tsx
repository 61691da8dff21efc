import { format } from '../../i18n';
import type { LiveStatus } from './useLiveDataset';
import { clockText, type WallMessages } from './messages';
import { useNow } from './hooks';

interface WallHeaderProps {
  title: string;
  unitName: string;
  tour: { index: number; count: number } | null;
  asOf: string;
  status: LiveStatus;
  sourceRefusal: string | null;
  t: WallMessages;
}

/** Title, the unit in view, data freshness (and the stale badge when the source fails), and the clock. */
export function WallHeader({ title, unitName, tour, asOf, status, sourceRefusal, t }: WallHeaderProps) {
  const now = useNow(1000);
  return (
    <header className="wall-header">
      <div className="wall-title">
        <h1>{title}</h1>
        <div className="wall-subtitle">{t.subtitle}</div>
      </div>
      <div className="wall-focus" data-testid="wall-focus">
        <span className="wall-focus-name">{unitName}</span>
        {tour ? <span className="wall-focus-tour">{format(t.touring, { index: (tour.index % tour.count) + 1, count: tour.count })}</span> : null}
      </div>
      <div className="wall-status">
        {status.staleSince !== null ? (
          <div className="wall-stale" role="status" data-testid="stale-badge" title={`${t.staleHint}${status.error ? ` (${status.error})` : ''}`}>
            {format(t.staleSince, { time: clockText(status.staleSince) })}
          </div>
        ) : null}
        {sourceRefusal ? <div className="wall-stale" role="alert" data-testid="source-refused">{format(t.sourceRefused, { message: sourceRefusal })}</div> : null}
        <div className="wall-freshness">
          <div data-testid="wall-freshness">{format(t.updatedAt, { time: clockText(status.lastSuccess) })}</div>
          <div className="wall-muted" data-testid="wall-data-time">{format(t.dataTime, { time: asOf.slice(0, 16) })}</div>
        </div>
        <time className="wall-clock" data-testid="wall-clock" dateTime={new Date(now).toISOString()}>{clockText(now, true)}</time>
      </div>
    </header>
  );
}

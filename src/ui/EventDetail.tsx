import { deadlineStatus } from '../domain/deadline';
import { statusAtDataTime } from '../domain/status-at';
import { isSeverity } from '../domain/events';
import { maskPersonalData } from '../domain/mask';
import { closureSlaHours } from '../domain/sla';
import { formatDuration } from '../domain/format';
import { HOUR_MS, wallClockMinute, wallClockMs } from '../domain/wall-clock';
import type { Language } from '../i18n';
import { firstRow, type Scalar } from '../engine/columns';
import { eventById } from '../sql/points';
import { format, vocabLabel, type Vocabulary } from '../i18n';
import { useDataset } from './DatasetContext';
import { useMessages } from './LanguageContext';
import { useQuery } from './useQuery';

const STAGES = ['reported_at', 'dispatched_at', 'accepted_at', 'resolved_at', 'closed_at'] as const;

function timeText(value: Scalar): string {
  return typeof value === 'number' ? wallClockMinute(value) : '—';
}

/** The time one stage took, as a duration (in days above 48 h). */
function durationBetween(from: Scalar, to: Scalar, language: Language): string {
  return typeof from === 'number' && typeof to === 'number' ? formatDuration((to - from) / HOUR_MS, language) : '';
}

const ms = (value: Scalar | undefined): number | null => (typeof value === 'number' ? value : null);

/**
 * Where the event stands against its deadline at the data time, and the rule that set the
 * deadline: the city's SLA table (category × severity) when the deadline is what the table
 * gives, otherwise "as given in the data" (a user's file brings its own deadlines).
 */
function DeadlineLine({ event, asOf }: { event: Record<string, Scalar>; asOf: string }) {
  const { language, t } = useMessages();
  const due = ms(event.due_at), reported = ms(event.reported_at);
  const status = deadlineStatus({ due, closed: ms(event.closed_at), now: wallClockMs(asOf) });
  const duration = (hours: number) => formatDuration(hours, language, { style: 'short', hourWord: t.hours });
  const text = 'hours' in status ? format(t.deadline[status.kind], { duration: duration(status.hours) }) : t.deadline[status.kind];
  let rule = '';
  if (due !== null && reported !== null) {
    const allowed = (due - reported) / HOUR_MS;
    const severity = event.severity;
    const fromTable = typeof event.category === 'string' && typeof severity === 'number' && isSeverity(severity) && Math.abs(closureSlaHours(event.category, severity) - allowed) < 1e-6;
    rule = fromTable
      ? format(t.deadline.rule, { category: vocabLabel(language, 'category', event.category), severity: vocabLabel(language, 'severity', severity), duration: duration(allowed) })
      : format(t.deadline.given, { duration: duration(allowed) });
  }
  return <dd data-testid="event-deadline" data-status={status.kind}>{timeText(due)}<br />{text}{rule ? <><br /><small>{rule}</small></> : null}</dd>;
}

/** The status at the data time, with the later one the file gives when it came after (docs/domain.md). */
function StatusLine({ event, asOf }: { event: Record<string, Scalar>; asOf: string }) {
  const { language, t } = useMessages();
  const status = typeof event.status === 'string' ? event.status : null;
  const { status: shown, later } = statusAtDataTime(status, { reported_at: ms(event.reported_at), dispatched_at: ms(event.dispatched_at), accepted_at: ms(event.accepted_at), resolved_at: ms(event.resolved_at), closed_at: ms(event.closed_at) }, wallClockMs(asOf));
  return (
    <dd data-testid="event-status" data-status={shown ?? ''}>
      {vocabLabel(language, 'status', shown)}
      {later ? <small> · {format(t.statusLater, { status: vocabLabel(language, 'status', later.status), time: wallClockMinute(later.at) })}</small> : null}
      {event.closed_level && !later ? ` · ${t.closedAt} ${vocabLabel(language, 'closedLevel', event.closed_level)}` : ''}
    </dd>
  );
}

/**
 * One event's detail: the lifecycle with each stage's time and the duration since the
 * previous one. Citizens' text is rendered as React text (never HTML) and masked.
 */
export function EventDetail({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { language, t } = useMessages();
  const { asOf } = useDataset();
  const result = useQuery(eventById(eventId), (table) => (table.numRows > 0 ? firstRow(table) : null));
  const event = result.data;
  if (result.error) return <div className="event-detail" role="alert">{result.error.message}</div>;
  if (result.loading) return <div className="event-detail">{t.loading}</div>;
  if (!event) return <div className="event-detail" role="alert">{format(t.eventNotFound, { id: eventId })}</div>;
  const label = (vocabulary: Vocabulary, value: Scalar | undefined) => vocabLabel(language, vocabulary, value);
  let previous: Scalar = null;
  const asOfMs = wallClockMs(asOf);
  return (
    <section className="event-detail" data-testid="event-detail" aria-label={t.eventDetail}>
      <header>
        <strong>{String(event.event_id)}</strong>
        <button type="button" onClick={onClose} aria-label={t.close}>×</button>
      </header>
      <dl>
        <dt>{t.category}</dt><dd data-testid="event-category">{label('category', event.category)}{event.subcategory ? ` · ${label('subcategory', event.subcategory)}` : ''}
          {/* The file's own word, when it is not simply the category's name (always shown for "other"). */}
          {typeof event.category_text === 'string' && event.category_text !== event.category && event.category_text !== label('category', event.category)
            ? <small data-testid="event-category-text"> · {format(t.asGiven, { text: event.category_text })}</small> : null}</dd>
        <dt>{t.severity}</dt><dd>{label('severity', event.severity)}</dd>
        <dt>{t.channel}</dt><dd>{label('channel', event.channel)}</dd>
        <dt>{t.department}</dt><dd>{label('department', event.department)}</dd>
        <dt>{t.status}</dt><StatusLine event={event} asOf={asOf} />
        <dt>{t.due}</dt><DeadlineLine event={event} asOf={asOf} />
        <dt>{t.satisfaction}</dt><dd>{event.satisfaction ? label('satisfaction', event.satisfaction) : t.notRated}</dd>
        <dt>{t.address}</dt><dd data-testid="event-address">{maskPersonalData(String(event.address ?? ''))}</dd>
        <dt>{t.description}</dt><dd data-testid="event-description">{maskPersonalData(String(event.description ?? ''))}</dd>
      </dl>
      {/* The map flies to the event and rings it (Dashboard); without coordinates it cannot, and says why. */}
      {typeof event.lon !== 'number' || typeof event.lat !== 'number'
        ? <p className="hint" data-testid="event-no-location">{format(t.eventNoLocation, { grid: String(event.grid_code ?? '—') })}</p> : null}
      <ol className="timeline">
        {STAGES.map((stage) => {
          const value = event[stage] ?? null;
          const afterDataTime = typeof value === 'number' && value > asOfMs;
          const step = <li key={stage} className={value === null ? 'pending' : afterDataTime ? 'after-data-time' : ''}><span>{t[stage]}</span> <time>{timeText(value)}</time> <em>{previous !== null ? durationBetween(previous, value, language) : ''}</em>{afterDataTime ? <small> · {t.afterDataTime}</small> : null}</li>;
          if (value !== null) previous = value;
          return step;
        })}
      </ol>
    </section>
  );
}

import { describe, expect, it } from 'vitest';
import { statusAtDataTime } from '../../src/domain/status-at';

const at = (text: string) => Date.parse(`${text}Z`);

describe('an event\'s status at the data time (issue #14 point 9)', () => {
  const asOf = at('2024-03-31T18:00:00');
  it('is the file\'s status when every stage it implies happened by the data time', () => {
    expect(statusAtDataTime('closed', { reported_at: at('2024-03-30T08:00:00'), closed_at: at('2024-03-31T09:00:00') }, asOf)).toEqual({ status: 'closed', later: null });
  });
  it('is the last stage reached by the data time when the event was closed after it', () => {
    const closed = at('2024-04-02T10:00:00');
    expect(statusAtDataTime('closed', { reported_at: at('2024-03-30T08:00:00'), accepted_at: at('2024-03-30T09:00:00'), closed_at: closed }, asOf))
      .toEqual({ status: 'accepted', later: { status: 'closed', at: closed } });
  });
  it('keeps a status without a timestamp of its own (returned, escalated) when no stage is later', () => {
    expect(statusAtDataTime('escalated', { reported_at: at('2024-03-30T08:00:00') }, asOf)).toEqual({ status: 'escalated', later: null });
  });
  it('has no status before the report itself', () => {
    const reported = at('2024-04-01T08:00:00');
    expect(statusAtDataTime('reported', { reported_at: reported }, asOf)).toEqual({ status: null, later: { status: 'reported', at: reported } });
  });
});

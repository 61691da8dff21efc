import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../../src/domain/deadline';

const H = 3_600_000;
const NOW = Date.UTC(2026, 2, 10, 12);

describe('deadlineStatus', () => {
  it.each([
    ['no deadline', { due: null, closed: null }, { kind: 'no_deadline' }],
    ['closed before the deadline', { due: NOW - 5 * H, closed: NOW - 6 * H }, { kind: 'closed_on_time' }],
    ['closed at the deadline itself', { due: NOW - 5 * H, closed: NOW - 5 * H }, { kind: 'closed_on_time' }],
    ['closed 30 h late', { due: NOW - 40 * H, closed: NOW - 10 * H }, { kind: 'closed_late', hours: 30 }],
    ['open, 83 days past the deadline', { due: NOW - 83 * 24 * H, closed: null }, { kind: 'overdue', hours: 83 * 24 }],
    ['open, due in 5 h', { due: NOW + 5 * H, closed: null }, { kind: 'due_in', hours: 5 }],
    ['closed after the data time: still open at it, and overdue', { due: NOW - 2 * H, closed: NOW + H }, { kind: 'overdue', hours: 2 }],
  ] as const)('%s', (_name, times, expected) => {
    expect(deadlineStatus({ ...times, now: NOW })).toEqual(expected);
  });
});

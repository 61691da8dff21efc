/** Timestamps: every accepted format gives city-local wall-clock time; impossible dates are refused. */
import { describe, expect, it } from 'vitest';
import { formatLocalTimestamp, parseTimestamp } from '../../src/ingest';

const ACCEPTED: [string, string][] = [
  ['2024-01-02 03:04:05', '2024-01-02 03:04:05'],
  ['2024-01-02T03:04:05', '2024-01-02 03:04:05'],
  ['2024-01-02T03:04:05Z', '2024-01-02 11:04:05'],
  ['2024-01-02T03:04:05+08:00', '2024-01-02 03:04:05'],
  ['2024-01-02T03:04:05.250-05:00', '2024-01-02 16:04:05'],
  ['2024-01-02 03:04:05+0530', '2024-01-02 05:34:05'],
  ['2024/1/2 3:04', '2024-01-02 03:04:00'],
  ['2024.01.02', '2024-01-02 00:00:00'],
  ['2024年1月2日 3时4分', '2024-01-02 03:04:00'],
  ['2024年1月2日 3时4分5秒', '2024-01-02 03:04:05'],
  ['2024年1月2日', '2024-01-02 00:00:00'],
  ['45293.5', '2024-01-02 12:00:00'],
  ['45292', '2024-01-01 00:00:00'],
  ['59', '1900-02-28 00:00:00'],
  ['61', '1900-03-01 00:00:00'],
  ['05/26/2019 11:23:45 PM', '2019-05-26 23:23:45'],
  ['12/01/2019 12:05:00 AM', '2019-12-01 00:05:00'],
  ['12/01/2019 12:05:00 PM', '2019-12-01 12:05:00'],
  ['5/6/2019', '2019-05-06 00:00:00'],
  ['20240102', '2024-01-02 00:00:00'],
  ['20240102030405', '2024-01-02 03:04:05'],
  ['1704164645', '2024-01-02 11:04:05'],
  ['1704164645000', '2024-01-02 11:04:05'],
  ['2024-02-29 23:59:59', '2024-02-29 23:59:59'],
  [' 2024-01-02 03:04:05 ', '2024-01-02 03:04:05'],
];

const REFUSED: [string, string][] = [
  ['2024-02-30 10:00:00', 'time_impossible'],
  ['2023-02-29', 'time_impossible'],
  ['2024-13-01', 'time_impossible'],
  ['2024-01-01 24:00:00', 'time_impossible'],
  ['2024-01-01 10:60:00', 'time_impossible'],
  ['13/26/2019 01:00:00 PM', 'time_impossible'],
  ['05/26/2019 13:00:00 PM', 'time_impossible'],
  ['2024年2月30日', 'time_impossible'],
  ['0', 'time_impossible'],
  ['60', 'time_impossible'],
  ['yesterday', 'time_unparseable'],
  ['2024-01', 'time_unparseable'],
  ['<script>', 'time_unparseable'],
];

describe('parseTimestamp', () => {
  it.each(ACCEPTED)('%s → %s', (text, expected) => {
    const ms = parseTimestamp(text);
    expect(typeof ms).toBe('number');
    expect(formatLocalTimestamp(ms as number)).toBe(expected);
  });

  it.each(REFUSED)('%s is refused as %s', (text, problem) => {
    expect(parseTimestamp(text)).toBe(problem);
  });

  it('converts zoned times to the city zone it is given', () => {
    expect(formatLocalTimestamp(parseTimestamp('2024-01-02T03:04:05Z', -300) as number)).toBe('2024-01-01 22:04:05');
  });
});

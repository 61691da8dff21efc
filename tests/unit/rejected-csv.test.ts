import { describe, expect, it } from 'vitest';
import { rejectedRowsCsv } from '../../src/ingest/rejected-csv';
import { createIssue } from '../../src/ingest/rules';
import type { RawTable } from '../../src/ingest/raw-table';

/**
 * The rejected rows are downloaded to be fixed and loaded again: a plain number (a negative
 * longitude, a signed offset) must come back as the number, while text that a spreadsheet
 * would run as a formula still gets its apostrophe.
 */
describe('the rejected rows download', () => {
  const table: RawTable = {
    fileName: 'city.csv',
    columns: ['id', 'lon', 'lat', 'note'],
    rows: [
      ['A1', '-73.8412', '40.71', '=1+1'],
      ['A2', '+12.5', '-0.5e-3', '-cmd'],
      ['A3', '-1+2', '- 3', '@SUM(A1)'],
    ],
    rowNumbers: Int32Array.from([2, 3, 4]),
    rowProblems: [null, null, null],
    issues: [],
  };
  const issue = (row: number) => createIssue('city.csv', row, 'reported_at', 'time_unparseable', 'x');

  it('keeps plain numbers as numbers and neutralises formula-like text', () => {
    const csv = rejectedRowsCsv(table, { issues: [issue(2), issue(3), issue(4)], rejectedRows: Int32Array.from([0, 1, 2]) });
    const lines = csv.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[1]!.endsWith(",A1,-73.8412,40.71,'=1+1")).toBe(true);
    expect(lines[2]!.endsWith(",A2,+12.5,-0.5e-3,'-cmd")).toBe(true);
    // Not plain numbers: still neutralised.
    expect(lines[3]!.endsWith(",A3,'-1+2,'- 3,'@SUM(A1)")).toBe(true);
  });
});

import { tableFromArrays, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../src/engine/node';
import { csvField, neutraliseFormula, toCsv, UTF8_BOM } from '../../src/export/csv';
import { parseCsvRecords } from '../support/csv';

// Each text cell and what a spreadsheet must see.
const NEUTRALISATION: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['+8613800000000', "'+8613800000000"],
  ['-1+1', "'-1+1"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\t=cmd', "'\t=cmd"],
  ['\r=cmd', "'\r=cmd"],
  ['=HYPERLINK("http://x","点我")', '\'=HYPERLINK("http://x","点我")'],
  ['＝1+1', '＝1+1'], // full-width equals sign: not a formula
  ['噪声扰民', '噪声扰民'],
  ['丽水市 =1', '丽水市 =1'], // only the first character counts
  ['a=1', 'a=1'],
  ['', ''],
];

describe('CSV export', () => {
  it.each(NEUTRALISATION)('neutralises %j as %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('starts with a BOM, keeps negative numbers as numbers and neutralises text', () => {
    const table = tableFromArrays({ value: Float64Array.from([-5, 2.5]), label: ['-1+1', '噪声,夜间'] });
    const csv = toCsv(table);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe("value,label\r\n-5,'-1+1\r\n2.5,\"噪声,夜间\"\r\n");
  });

  it('writes a DuckDB result with every common type, NULL as empty, times city-local', async () => {
    const db = await createNodeDatabase();
    try {
      const table = tableFromIPC(db.exportArrowIpc(`SELECT * FROM (VALUES
        (-5, 1.25::DECIMAL(10,2), 12345678901234::BIGINT, TIMESTAMP '2026-11-27 23:59:59', DATE '2026-11-27', true, '=2+3', '紫金街道'),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
      ) AS t(n, d, b, ts, dt, flag, formula, name)`));
      const csv = toCsv(table);
      const records = parseCsvRecords(csv.slice(1));
      expect(records).toEqual([
        { n: '-5', d: '1.25', b: '12345678901234', ts: '2026-11-27 23:59:59', dt: '2026-11-27', flag: 'true', formula: "'=2+3", name: '紫金街道' },
        { n: null, d: null, b: null, ts: null, dt: null, flag: null, formula: null, name: null },
      ]);
    } finally {
      await db.close();
    }
  });

  it('neutralises a column name that looks like a formula', () => {
    const csv = toCsv(tableFromArrays({ '=cmd': Int32Array.from([1]) }));
    expect(csv.split('\r\n')[0]).toBe(`${UTF8_BOM}'=cmd`);
  });
});

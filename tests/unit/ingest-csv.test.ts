/** The CSV reader on its own: RFC 4180 details, line numbers, delimiters, encodings and sizes. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, parseCsv, previewEventsFile, readEventsFile, sniffDelimiter, suggestMapping, validateEvents } from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');
const tmp = mkdtempSync(join(tmpdir(), 'onemap-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseCsv', () => {
  it('keeps quoted newlines, quotes and delimiters, and numbers rows by the line they start on', () => {
    const table = parseCsv(readFileSync(join(DIR, 'quoted.csv'), 'utf8'), 'quoted.csv');
    expect(table.rows.map((row) => row[5])).toEqual(['first line\nsecond line', 'he said "hello", then left', 'a,b\r\nc\rd', 'plain']);
    expect(Array.from(table.rowNumbers)).toEqual([2, 4, 5, 8]);
  });

  it('reads CRLF, LF and CR in one file and skips blank lines without counting them as rows', () => {
    const table = parseCsv(readFileSync(join(DIR, 'mixed-line-endings.csv'), 'utf8'), 'mixed.csv');
    expect(table.rows.map((row) => row[0])).toEqual(['M01', 'M02', 'M03', 'M04']);
    expect(Array.from(table.rowNumbers)).toEqual([2, 3, 4, 6]);
  });

  it.each([
    { text: 'a,b,c\n1,2,3\n', delimiter: ',' },
    { text: 'a\tb\tc\n1,5\t2\t3\n', delimiter: '\t' },
    { text: 'a;b;c\n1,5;2,5;3\n', delimiter: ';' },
    { text: 'a|b\n1|2\n', delimiter: '|' },
    { text: '"x;y",b,c\n1,2,3\n', delimiter: ',' },
  ])('sniffs $delimiter', ({ text, delimiter }) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it('reports an unterminated quote as a rejected row instead of swallowing it silently', () => {
    const table = parseCsv('a,b\n1,"open\n2,3\n', 'open.csv');
    expect(table.rows.length).toBe(1);
    expect(table.rowProblems[0]?.en).toBe('open.csv, row 2: Unterminated quote: the rest of the file was read as one field [unterminated_quote]');
  });

  it('reads a header of 2,000 columns and still finds the mapped ones', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `col${i + 1}`);
    names[1500] = '上报时间';
    names[1700] = '事件类型';
    names[1999] = '网格编码';
    const row = names.map((name) => (name === '上报时间' ? '2026-03-01 08:00:00' : name === '事件类型' ? '噪声扰民' : name === '网格编码' ? '331102001001' : 'x'));
    const table = parseCsv(`${names.join(',')}\n${row.join(',')}\n`, 'wide.csv');
    expect(table.columns.length).toBe(2000);
    const mapping = suggestMapping(table.columns);
    expect(mapping.columns).toMatchObject({ reported_at: '上报时间', category: '事件类型', grid_code: '网格编码' });
    expect(validateEvents(table, mapping).counts).toMatchObject({ input: 1, accepted: 1 });
  });

  it('reads a 10 MB single line quickly and cuts the cell with a doubtful flag', async () => {
    const path = join(tmp, 'long-line.csv');
    const huge = 'x'.repeat(10 * 1024 * 1024);
    writeFileSync(path, `事件编号,上报时间,事件类型,经度,纬度,事件描述\nL1,2026-03-01 08:00:00,噪声扰民,119.905,28.445,${huge}`);
    const t0 = performance.now();
    const table = await readEventsFile(readFileSync(path), 'long-line.csv');
    const result = validateEvents(table, suggestMapping(table.columns));
    const ms = performance.now() - t0;
    expect(table.rows[0]![5]!.length).toBe(huge.length);
    expect(result.counts).toEqual({ input: 1, accepted: 1, rejected: 0, doubtful: 1 });
    expect(result.issues[0]!.en).toBe('long-line.csv, row 2, column "事件描述": Text too long, cut: 10485760 characters, 4000 kept [text_too_long]');
    expect(ms).toBeLessThan(10_000);
  });

  it('decodes GB18030 only when the bytes are not valid UTF-8', () => {
    const gb = readFileSync(join(DIR, 'gb18030.csv'));
    expect(decodeText(gb).encoding).toBe('gb18030');
    expect(decodeText(new TextEncoder().encode('经度')).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });

  it('previews the first rows of a large GB18030 file from its first megabyte', async () => {
    const row = 'P,2026-03-01 08:00:00,噪声扰民,119.905,28.445,夜间施工噪声扰民，请处理。';
    const utf8 = `事件编号,上报时间,事件类型,经度,纬度,事件描述\n${Array.from({ length: 40_000 }, () => row).join('\n')}\n`;
    const { execFileSync } = await import('node:child_process');
    const gb = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8, maxBuffer: 64 * 1024 * 1024 }));
    expect(gb.length).toBeGreaterThan(2 * 1024 * 1024);
    const preview = await previewEventsFile(gb, 'big-gb.csv', 20);
    expect(preview.encoding).toBe('gb18030');
    expect(preview.columns).toEqual(['事件编号', '上报时间', '事件类型', '经度', '纬度', '事件描述']);
    expect(preview.rows.length).toBe(20);
    expect(preview.rows[19]).toEqual(row.split(','));
    expect(Array.from(preview.rowNumbers.slice(0, 3))).toEqual([2, 3, 4]);
  });
});

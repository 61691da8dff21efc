/**
 * Encodings (issue #14 point 4): the guess among UTF-8, UTF-16, GB18030, Big5, Shift-JIS
 * and windows-1252, the text it gives, the suspicious characters shown, and the override.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, findSuspiciousText, readEventsFile, suggestMapping, validateEvents } from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const iconv = (encoding: string, text: string) => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: text }));

describe('encoding detection', () => {
  it('reads the windows-1252 file of the issue as windows-1252, without "抯"', () => {
    const decoded = decodeText(fixture('windows-1252.csv'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.guess.evidence).toBe('detector');
    expect(decoded.text).toContain('Transportation’s');
    expect(decoded.text).toContain('“no power”');
    expect(decoded.text).toContain('café');
    expect(decoded.text).not.toContain('抯');
    expect(findSuspiciousText(decoded.text)).toEqual([]);
  });

  it.each([
    { file: 'gb18030.csv', encoding: 'gb18030', text: '井盖缺失，""危险""！' },
    { file: 'big5.csv', encoding: 'big5', text: '夜間施工噪音擾民，請處理。' },
    { file: 'shift-jis.csv', encoding: 'shift_jis', text: '消防車の通路に違法駐車があります' },
    { file: 'utf16le-nobom.csv', encoding: 'utf-16le', text: '𠀀生僻字与〇测试' },
    { file: 'utf8-bom.csv', encoding: 'utf-8-bom', text: '𠀀生僻字与〇测试' },
    { file: 'utf8.csv', encoding: 'utf-8', text: '𠀀生僻字与〇测试' },
  ])('$file is $encoding', ({ file, encoding, text }) => {
    const decoded = decodeText(fixture(file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain(text);
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('finds the Windows-1252 or GB18030 rows of a large file when its first 64 KB are plain ASCII (the issue: 56 rows)', () => {
    const plain = Array.from({ length: 3000 }, (_, i) => `${60000000 + i},05/26/2019 11:23:45 PM,DOT,Street Condition,Pothole repaired`);
    const quoted = Array.from({ length: 56 }, (_, i) => `${70000000 + i},05/26/2019 11:23:45 PM,DOT,Street Condition,The Department of Transportation’s crew came`);
    const bytes = iconv('WINDOWS-1252', `Unique Key,Created Date,Agency,Complaint Type,Descriptor\n${[...plain, ...quoted].join('\n')}\n`);
    expect(bytes.indexOf(0x92)).toBeGreaterThan(128 * 1024);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text.match(/Transportation’s/g)).toHaveLength(56);
    expect(decoded.text).not.toContain('抯');
    // And Chinese rows after 64 KB of ASCII are not taken for Latin (what a prefix alone would give).
    const chinese = Array.from({ length: 50 }, (_, i) => `${80000000 + i},05/26/2019 11:23:45 PM,城管,噪声扰民,夜间施工噪声`);
    const gb = decodeText(iconv('GB18030', `Unique Key,Created Date,Agency,Complaint Type,Descriptor\n${[...plain, ...chinese].join('\n')}\n`));
    expect(gb.encoding).toBe('gb18030');
    expect(gb.text).toContain('夜间施工噪声');
  });

  it('takes a short GB18030 file with two Chinese characters for GB18030, not Latin (the byte-pair tie-break)', () => {
    const decoded = decodeText(iconv('GB18030', 'id,category\n1,噪声\n'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.guess.evidence).toBe('cjk-pairs');
    expect(decoded.text).toBe('id,category\n1,噪声\n');
  });

  it('tells UTF-16 big-endian without a BOM from its zero bytes', () => {
    const decoded = decodeText(iconv('UTF-16BE', 'a,b\n1,经度\n'));
    expect(decoded.encoding).toBe('utf-16be');
    expect(decoded.text).toBe('a,b\n1,经度\n');
  });

  it('lists the other candidates with their confidence', () => {
    const { guess } = decodeText(fixture('big5.csv'));
    expect(guess.confidence).toBeGreaterThan(0.3);
    expect(guess.alternatives.map((c) => c.encoding)).toContain('gb18030');
    expect(guess.alternatives.every((c) => c.confidence <= guess.confidence)).toBe(true);
  });
});

describe('encoding override and suspicious characters', () => {
  it('shows the mojibake of the old reading (GB18030) when the user forces it, with line numbers', () => {
    const decoded = decodeText(fixture('windows-1252.csv'), false, 'gb18030');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.guess.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Transportation抯');
    const suspicious = findSuspiciousText(decoded.text);
    expect(suspicious.map((s) => s.line)).toEqual([2, 3, 4, 5]);
    expect(suspicious[0]!.characters).toContain('抯');
    expect(suspicious[0]!.snippet).toContain('Transportation抯');
  });

  it('flags UTF-8 read as windows-1252 and bytes that do not decode', () => {
    const utf8AsLatin = decodeText(new TextEncoder().encode('name\nTransportation’s café\n'), false, 'windows-1252');
    expect(utf8AsLatin.text).toContain('â€™');
    expect(findSuspiciousText(utf8AsLatin.text)).toEqual([expect.objectContaining({ line: 2 })]);
    const broken = decodeText(fixture('windows-1252.csv'), false, 'utf-8');
    expect(broken.text).toContain('\ufffd');
    expect(findSuspiciousText(broken.text)[0]!.characters).toContain('\ufffd');
  });

  it('does not flag Chinese text that mixes in Latin letters', () => {
    expect(findSuspiciousText('事件描述\nApp上报，12345热线，GPS定位\n')).toEqual([]);
  });

  it('reads, maps and validates the windows-1252 file: every row accepted, text intact', async () => {
    const table = await readEventsFile(fixture('windows-1252.csv'), 'windows-1252.csv');
    expect(table.encoding).toBe('windows-1252');
    expect(table.textRead?.guess.encoding).toBe('windows-1252');
    const result = validateEvents(table, suggestMapping(table.columns));
    expect(result.counts).toMatchObject({ input: 4, accepted: 4, rejected: 0 });
    expect(table.rows[0]![table.columns.indexOf('Resolution Description')]).toBe('The Department of Transportation’s crew repaired the pothole.');
    const forced = await readEventsFile(fixture('windows-1252.csv'), 'windows-1252.csv', 'csv', { encoding: 'gb18030' });
    expect(forced.encoding).toBe('gb18030');
    expect(forced.textRead?.suspicious.length).toBe(4);
  });
});

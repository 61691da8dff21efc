/** Column suggestions for Chinese and 311 headers, saved mappings, value words, and unavailable measures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASURE_IDS } from '../../src/domain/measures';
import { missingSourceColumns, normaliseCategory, normaliseChannel, normaliseSeverity, normaliseStatus, parseMapping, readEventsFile, serialiseMapping, suggestColumns, suggestMapping, suggestUnitNameColumns, unavailableMeasures, validateEvents } from '../../src/ingest';

const DIR = join(__dirname, '../fixtures/ingest');

describe('column suggestions', () => {
  it('maps Chinese governance headers', () => {
    const headers = ['事件编号', '上报时间', '派遣时间', '处置时间', '办结时间', '事件类型', '事件大类', '经度', '纬度', '网格编码', '所属街道', '所属社区', '来源渠道', '紧急程度', '处置部门', '受理时间', '办结时限', '满意度', '详细地址', '事件描述'];
    expect(suggestMapping(headers).columns).toEqual({
      event_id: '事件编号', reported_at: '上报时间', dispatched_at: '派遣时间', resolved_at: '处置时间', closed_at: '办结时间', category: '事件类型',
      lon: '经度', lat: '纬度', grid_code: '网格编码', channel: '来源渠道', severity: '紧急程度', department: '处置部门', accepted_at: '受理时间',
      due_at: '办结时限', satisfaction: '满意度', address: '详细地址', description: '事件描述',
    });
    expect(suggestUnitNameColumns(headers)).toEqual([{ level: 'township', source: '所属街道' }, { level: 'community', source: '所属社区' }]);
  });

  it('maps the headers of an open 311 dataset', async () => {
    const table = await readEventsFile(readFileSync(join(DIR, 'nyc-311-sample.csv')), 'nyc-311-sample.csv');
    expect(suggestMapping(table.columns).columns).toEqual({
      event_id: 'Unique Key', reported_at: 'Created Date', closed_at: 'Closed Date', department: 'Agency', category: 'Complaint Type',
      subcategory: 'Descriptor', address: 'Incident Address', status: 'Status', lat: 'Latitude', lon: 'Longitude',
    });
    expect(suggestUnitNameColumns(table.columns)).toEqual([{ level: 'county', source: 'Borough' }, { level: 'township', source: 'Community Board' }]);
    const result = validateEvents(table, suggestMapping(table.columns));
    expect(result.events.category).toEqual(['noise', 'parking', 'other']);
    expect(result.events.status).toEqual(['closed', 'reported', 'accepted']);
  });

  it('matches a header that contains a known name, and says so', () => {
    const suggestions = suggestColumns(['事件上报时间（北京时间）', 'GPS X', 'gps_y']);
    expect(suggestions.find((s) => s.column === 'reported_at')).toEqual({ column: 'reported_at', source: '事件上报时间（北京时间）', match: 'partial' });
    expect(suggestions.find((s) => s.column === 'lon')).toEqual({ column: 'lon', source: 'GPS X', match: 'exact' });
    expect(suggestions.find((s) => s.column === 'lat')).toEqual({ column: 'lat', source: 'gps_y', match: 'exact' });
  });

  it('never suggests an update stamp for a lifecycle time (it is often later than the closing)', () => {
    const headers = ['Created Date', 'Closed Date', 'Resolution Action Updated Date', '更新时间', 'Due Date Modified', 'Resolution Date'];
    const source = (column: string) => suggestColumns(headers).find((s) => s.column === column)?.source ?? null;
    expect(source('resolved_at')).toBe('Resolution Date');
    expect(source('closed_at')).toBe('Closed Date');
    expect(source('due_at')).toBeNull();
    expect(suggestColumns(['上报时间', '更新时间', '处置更新时间']).find((s) => s.column === 'resolved_at')?.source ?? null).toBeNull();
  });
});

describe('saved mappings', () => {
  it('round-trips through JSON and reports source columns a new file lacks', () => {
    const mapping = { ...suggestMapping(['事件编号', '上报时间', '事件类型', '经度', '纬度'], 'gcj02'), categoryValues: { 噪音: 'noise' } };
    const text = serialiseMapping(mapping);
    expect(parseMapping(text)).toEqual(mapping);
    expect(missingSourceColumns(parseMapping(text), ['事件编号', '上报时间', '事件类型'])).toEqual([{ column: 'lon', source: '经度' }, { column: 'lat', source: '纬度' }]);
  });

  it.each([
    ['not json', 'Invalid mapping: not JSON'],
    ['{"version": 2, "crs": "wgs84", "columns": {}}', 'Invalid mapping version 2: must be 1'],
    ['{"version": 1, "crs": "utm", "columns": {}}', 'Invalid mapping crs "utm": must be one of wgs84, gcj02, bd09'],
    ['{"version": 1, "crs": "wgs84", "columns": {"evil; DROP": "x"}}', 'Invalid mapping column "evil; DROP"'],
    ['{"version": 1, "crs": "wgs84", "columns": {"lon": 5}}', 'Invalid mapping for "lon": the source column must be a non-empty string'],
  ])('refuses %s', (text, message) => {
    expect(() => parseMapping(text)).toThrow(message);
  });

  it('applies its own category words before the built-in ones', () => {
    expect(normaliseCategory('噪音', { 噪音: 'noise' })).toBe('noise');
    expect(normaliseCategory('噪音')).toBe('noise');
    expect(normaliseCategory('Rodent')).toBeNull();
  });
});

describe('value words', () => {
  it.each([
    ['12345热线', 'hotline'], ['12345', 'hotline'], ['随手拍', 'app'], ['ONLINE', 'app'], ['视频智能', 'camera'], ['网格巡查', 'patrol'], ['Department transfer', 'transfer'], ['fax', null],
  ])('channel %s → %s', (word, code) => expect(normaliseChannel(word)).toBe(code));
  it.each([
    ['已办结', 'closed'], ['Closed', 'closed'], ['In Progress', 'accepted'], ['Assigned', 'dispatched'], ['无效', 'invalid'], ['退回', 'returned'], ['whatever', null],
  ])('status %s → %s', (word, code) => expect(normaliseStatus(word)).toBe(code));
  it.each([
    ['1', 1], ['4', 4], ['4.0', 4], ['0', 'out_of_range'], ['5', 'out_of_range'], ['-1', 'out_of_range'], ['一般', 1], ['特别重大', 4], ['Ⅰ级', 4], ['Ⅳ级', 1], ['high', 3], ['很严重', 'unknown'],
  ])('severity %s → %s', (word, value) => expect(normaliseSeverity(word)).toBe(value));
});

describe('unavailable measures', () => {
  it('covers every measure of the registry: with nothing mapped, every measure reading events is unavailable', () => {
    const ids = unavailableMeasures([], []).map((m) => m.id);
    expect(ids.sort()).toEqual([...MEASURE_IDS].sort());
  });

  it('lists nothing when every column and unit field is there', () => {
    const all = ['event_id', 'channel', 'category', 'severity', 'lon', 'lat', 'grid_code', 'status', 'reported_at', 'accepted_at', 'resolved_at', 'closed_at', 'due_at', 'outcome', 'satisfaction'] as const;
    expect(unavailableMeasures(all, ['population', 'grid_workers', 'area'])).toEqual([]);
  });

  it('says why each measure of a 311 file (no accepted_at, due_at, outcome …) is unavailable', async () => {
    const table = await readEventsFile(readFileSync(join(DIR, 'nyc-311-sample.csv')), 'nyc-311-sample.csv');
    const mapped = Object.keys(suggestMapping(table.columns).columns) as Parameters<typeof unavailableMeasures>[0];
    const unavailable = unavailableMeasures(mapped, ['area']);
    expect(unavailable.map((m) => m.id)).toEqual([
      'intake_per_10k', 'overdue', 'overdue_share', 'response_rate', 'on_time_rate', 'resolution_rate', 'satisfaction_rate',
      'response_median_h', 'response_p90_h', 'handling_median_h', 'handling_p90_h', 'residents_per_worker', 'patrol_coverage_7d',
    ]);
    expect(unavailable.find((m) => m.id === 'overdue')).toEqual({ id: 'overdue', missingColumns: ['due_at'], missingUnitFields: [], zh: '数据缺少 due_at，无法计算', en: 'Not available: the data has no due_at' });
    expect(unavailable.find((m) => m.id === 'residents_per_worker')!.en).toBe('Not available: the data has no population, grid workers');
  });
});

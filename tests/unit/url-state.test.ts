import { describe, expect, it } from 'vitest';
import { DEMO_CITY_CODE as CITY_CODE } from '../../src/domain/demo-city';
import { defaultViewState, filterOf, parseViewState, serializeViewState, type ViewState } from '../../src/ui/url-state';
import { eventWhere } from '../../src/sql/filter';

// A view in which every field differs from the default.
const FULL: ViewState = {
  unit: '331102001',
  range: 'custom',
  from: '2026-02-01',
  to: '2026-02-15',
  categories: ['parking', 'noise'],
  channels: ['app', 'camera'],
  statuses: ['reported', 'closed'],
  severities: [3, 4],
  layer: 'coverage',
  colorBy: 'severity',
  measure: 'on_time_rate',
  classes: 'jenks',
  camera: [119.92345, 28.45678, 11.5],
  lang: 'en',
  event: 'E20260301-0001',
};

// Written out by hand: defaults left out, "," form-encoded as %2C, the camera at 5/5/2 decimals.
const FULL_QUERY = '?unit=331102001&range=custom&from=2026-02-01&to=2026-02-15'
  + '&cat=parking%2Cnoise&ch=app%2Ccamera&st=reported%2Cclosed&sev=3%2C4'
  + '&layer=coverage&color=severity&measure=on_time_rate&classes=jenks&v=119.92345%2C28.45678%2C11.50&lang=en&event=E20260301-0001';

describe('serializeViewState / parseViewState', () => {
  it('writes every non-default field of a full state', () => {
    expect(serializeViewState(FULL, CITY_CODE)).toBe(FULL_QUERY);
  });

  it('reads the full query back into the same state', () => {
    expect(parseViewState(FULL_QUERY, CITY_CODE)).toEqual(FULL);
  });

  it('round-trips the full state (parse ∘ serialize is the identity)', () => {
    expect(parseViewState(serializeViewState(FULL, CITY_CODE), CITY_CODE)).toEqual(FULL);
  });

  it('accepts the query without its leading "?"', () => {
    expect(parseViewState(FULL_QUERY.slice(1), CITY_CODE)).toEqual(FULL);
  });

  it('round-trips each preset range without from/to', () => {
    for (const range of ['today', '7d', 'month'] as const) {
      const state: ViewState = { ...defaultViewState(CITY_CODE), range };
      expect(serializeViewState(state, CITY_CODE)).toBe(`?range=${range}`);
      expect(parseViewState(serializeViewState(state, CITY_CODE), CITY_CODE)).toEqual(state);
    }
  });

  it('rounds the camera to 5 decimals for lon/lat and 2 for zoom', () => {
    const state: ViewState = { ...defaultViewState(CITY_CODE), camera: [119.123456789, -28.000004, 9.876] };
    expect(serializeViewState(state, CITY_CODE)).toBe('?v=119.12346%2C-28.00000%2C9.88');
    expect(parseViewState(serializeViewState(state, CITY_CODE), CITY_CODE).camera).toEqual([119.12346, -28, 9.88]);
  });

  it('the default state produces an empty query string', () => {
    expect(serializeViewState(defaultViewState(CITY_CODE), CITY_CODE)).toBe('');
  });

  it('the default of another root unit produces an empty query string for that root', () => {
    expect(serializeViewState(defaultViewState('331102'), '331102')).toBe('');
    // …but names the unit when the root is the city.
    expect(serializeViewState(defaultViewState('331102'), CITY_CODE)).toBe('?unit=331102');
  });

  it('an empty query gives the default state', () => {
    const expected: ViewState = { unit: '331100', range: '30d', categories: [], channels: [], statuses: [], severities: [], layer: 'points', colorBy: 'category', classes: 'quantile' };
    expect(CITY_CODE).toBe('331100');
    expect(parseViewState('', CITY_CODE)).toEqual(expected);
    expect(parseViewState('?', CITY_CODE)).toEqual(expected);
    expect(parseViewState('', '331102')).toEqual({ ...expected, unit: '331102' });
  });
});

describe('parseViewState: malformed or unknown values fall back to the defaults', () => {
  const DEFAULT = defaultViewState(CITY_CODE);
  // Each query and the fields it must produce; every other field must be the default.
  const cases: { name: string; query: string; expected: Partial<ViewState> }[] = [
    { name: 'unit with 5 digits', query: 'unit=33110', expected: {} },
    { name: 'unit with 10 digits', query: 'unit=3311020011', expected: {} },
    { name: 'unit with letters', query: 'unit=33110a', expected: {} },
    { name: 'unit with 18 digits', query: 'unit=331102001001001001', expected: {} },
    { name: 'valid 15-digit grid unit is kept', query: 'unit=331102001001001', expected: { unit: '331102001001001' } },
    { name: 'unknown range', query: 'range=year', expected: {} },
    { name: 'custom range without dates', query: 'range=custom', expected: {} },
    { name: 'custom range with only from', query: 'range=custom&from=2026-03-01', expected: {} },
    { name: 'custom range with from > to', query: 'range=custom&from=2026-03-10&to=2026-03-01', expected: {} },
    { name: 'custom range with a malformed date', query: 'range=custom&from=2026-3-1&to=2026-03-10', expected: {} },
    { name: 'custom range of one day (from = to) is kept', query: 'range=custom&from=2026-03-05&to=2026-03-05', expected: { range: 'custom', from: '2026-03-05', to: '2026-03-05' } },
    { name: 'from/to without a custom range are ignored', query: 'range=7d&from=2026-03-01&to=2026-03-05', expected: { range: '7d' } },
    { name: 'unknown layer', query: 'layer=satellite', expected: {} },
    { name: 'known layer is kept', query: 'layer=hexagon', expected: { layer: 'hexagon' } },
    { name: 'unknown colouring', query: 'color=rainbow', expected: {} },
    { name: 'severity 7', query: 'sev=7', expected: {} },
    { name: 'severities out of range, fractional, zero or text are dropped', query: 'sev=1,7,2.5,0,abc,4', expected: { severities: [1, 4] } },
    { name: 'empty list entries are ignored', query: 'sev=,2,,', expected: { severities: [2] } },
    { name: 'unknown category codes are dropped', query: 'cat=noise,bogus,parking,NOISE', expected: { categories: ['noise', 'parking'] } },
    { name: 'unknown channels are dropped', query: 'ch=fax,patrol', expected: { channels: ['patrol'] } },
    { name: 'unknown statuses are dropped', query: 'st=done,closed', expected: { statuses: ['closed'] } },
    { name: 'camera longitude out of range', query: 'v=200,28,10', expected: {} },
    { name: 'camera latitude out of range', query: 'v=119,95,10', expected: {} },
    { name: 'camera with two numbers', query: 'v=119,28', expected: {} },
    { name: 'camera with four numbers', query: 'v=119,28,10,0', expected: {} },
    { name: 'camera with text', query: 'v=119,28,abc', expected: {} },
    { name: 'camera with Infinity', query: 'v=Infinity,28,10', expected: {} },
    { name: 'camera at the range limits is kept', query: 'v=-180,90,3', expected: { camera: [-180, 90, 3] } },
    { name: 'measure with characters outside [a-z0-9_]', query: 'measure=On-Time', expected: {} },
    { name: 'unknown language', query: 'lang=fr', expected: {} },
    { name: 'event id longer than 64 characters', query: `event=${'E'.repeat(65)}`, expected: {} },
    { name: 'event id of 64 characters is kept', query: `event=${'E'.repeat(64)}`, expected: { event: 'E'.repeat(64) } },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(parseViewState(`?${testCase.query}`, CITY_CODE)).toEqual({ ...DEFAULT, ...testCase.expected });
    });
  }

  it('keeps the valid fields of a query that also has bad ones', () => {
    expect(parseViewState('?unit=12&layer=heatmap&sev=9,2&lang=zh&v=1,2', CITY_CODE)).toEqual({ ...DEFAULT, layer: 'heatmap', severities: [2], lang: 'zh' });
  });
});

describe('filterOf', () => {
  it('takes the unit and the four attribute filters, nothing else', () => {
    expect(filterOf(FULL)).toEqual({
      unitCode: '331102001', categories: ['parking', 'noise'], channels: ['app', 'camera'], statuses: ['reported', 'closed'], severities: [3, 4],
    });
  });

  it('of the default view filters only by the city', () => {
    expect(filterOf(defaultViewState(CITY_CODE))).toEqual({ unitCode: '331100', categories: [], channels: [], statuses: [], severities: [] });
    expect(eventWhere(filterOf(defaultViewState(CITY_CODE)))).toBe("(grid_code >= '3311' AND grid_code < '3312')");
  });
});

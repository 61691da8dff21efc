import { describe, expect, it } from 'vitest';
import { mapLinkQuery } from '../../src/domain/map-link';
import { dateField, enumField, enumValue, listField, numberField, numberValue, readQuery, textField, textValue, tupleField, writeQuery } from '../../src/domain/url-codec';
import { briefingSearch, parseBriefingParams } from '../../src/ui/briefing/briefing-url';
import { parseViewState } from '../../src/ui/url-state';

const SCHEMA = {
  name: textField('n', { maxLength: 5 }),
  code: textField('c', { pattern: /^\d{3}$/ }),
  colour: enumField('col', ['red', 'blue'] as const),
  day: dateField('d'),
  count: numberField('k', { integer: true, min: 1, max: 10 }),
  tags: listField('t', enumValue(['a', 'b', 'c'] as const)),
  trimmed: listField('tr', textValue(), { trim: true, unique: true }),
  point: tupleField<[number, number]>('p', [numberValue({ min: -180, max: 180, decimals: 2 }), numberValue({ decimals: 1 })]),
};

describe('readQuery', () => {
  it('reads every well-formed field, with or without the leading "?"', () => {
    const query = '?n=abc&c=123&col=blue&d=2026-11-26&k=7&t=a%2Cc&tr=x&p=1.5%2C2';
    const expected = { name: 'abc', code: '123', colour: 'blue', day: '2026-11-26', count: 7, tags: ['a', 'c'], trimmed: ['x'], point: [1.5, 2] };
    expect(readQuery(query, SCHEMA)).toEqual(expected);
    expect(readQuery(query.slice(1), SCHEMA)).toEqual(expected);
  });

  it('leaves out absent and malformed fields instead of failing', () => {
    const fields = readQuery('?n=toolong&c=12a&col=green&d=2026-1-2&k=11&p=200,1&x=1', SCHEMA);
    expect(fields).toEqual({});
  });

  it('rejects fractional, blank and infinite numbers where they are not allowed', () => {
    expect(readQuery('?k=2.5', SCHEMA).count).toBeUndefined();
    expect(readQuery('?k=', SCHEMA).count).toBeUndefined();
    expect(readQuery('?p=Infinity,1', SCHEMA).point).toBeUndefined();
  });

  it('drops empty and unknown list entries, trims and de-duplicates when asked', () => {
    expect(readQuery('?t=a,,z,b,', SCHEMA).tags).toEqual(['a', 'b']);
    expect(readQuery('?tr=%20x%20,y,x', SCHEMA).trimmed).toEqual(['x', 'y']);
    expect(readQuery('?t=', SCHEMA).tags).toEqual([]);
  });

  it('needs exactly the tuple\'s number of entries', () => {
    expect(readQuery('?p=1', SCHEMA).point).toBeUndefined();
    expect(readQuery('?p=1,2,3', SCHEMA).point).toBeUndefined();
  });
});

describe('writeQuery', () => {
  it('writes in the schema\'s order, not the values\' order, with lists comma-joined and numbers at their decimals', () => {
    expect(writeQuery({ point: [1.234, 5], tags: ['b', 'a'], name: 'x' }, SCHEMA)).toBe('?n=x&t=b%2Ca&p=1.23%2C5.0');
  });

  it('leaves out undefined values, empty lists and defaults; nothing left is the empty string', () => {
    expect(writeQuery({ name: undefined, tags: [], colour: 'red' }, SCHEMA, { colour: 'red' })).toBe('');
    expect(writeQuery({ colour: 'blue', tags: ['a'] }, SCHEMA, { colour: 'red', tags: ['a'] })).toBe('?col=blue');
  });

  it('round-trips what it writes', () => {
    const values = { name: 'ab', code: '007', colour: 'blue' as const, day: '2026-02-28', count: 3, tags: ['c' as const], trimmed: ['y'], point: [-12.5, 3.5] as [number, number] };
    expect(readQuery(writeQuery(values, SCHEMA), SCHEMA)).toEqual(values);
  });
});

describe('the map link a briefing writes is read back by the map', () => {
  it('names the unit, the days as a custom range, the categories and the event', () => {
    const query = mapLinkQuery({ unit: '331102001', from: '2026-11-20', to: '2026-11-26', categories: ['noise', 'parking'], event: 'E1' });
    expect(query).toBe('?unit=331102001&range=custom&from=2026-11-20&to=2026-11-26&cat=noise%2Cparking&event=E1');
    expect(parseViewState(query, '331100')).toMatchObject({ unit: '331102001', range: 'custom', from: '2026-11-20', to: '2026-11-26', categories: ['noise', 'parking'], event: 'E1' });
  });

  it('leaves out what the target does not have (an empty event, no categories, half a range)', () => {
    expect(mapLinkQuery({ unit: '331100', event: '', categories: [], from: '2026-11-20' })).toBe('?unit=331100');
  });
});

describe('the briefing page\'s URL', () => {
  const AS_OF = '2026-11-27 23:59:59';
  it('reads kind, date and unit, and writes them all back after the mode', () => {
    const params = parseBriefingParams('?mode=briefing&kind=weekly&date=2026-11-20&unit=331102', '331100', AS_OF);
    expect(params).toEqual({ kind: 'weekly', date: '2026-11-20', unit: '331102' });
    expect(briefingSearch(params, 'en')).toBe('?mode=briefing&kind=weekly&date=2026-11-20&unit=331102&lang=en');
    expect(briefingSearch(params, null)).toBe('?mode=briefing&kind=weekly&date=2026-11-20&unit=331102');
  });

  it('falls back to the root unit, a daily briefing and the last finished day', () => {
    expect(parseBriefingParams('?kind=yearly&date=2026-12-01&unit=12', '331100', AS_OF)).toEqual({ kind: 'daily', date: '2026-11-26', unit: '331100' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseWallParams, resolveSourceUrl, WALL_DEFAULTS } from '../../src/ui/wall/wall-params';

const DEFAULT_SOURCE = '/demo/events.arrow';

describe('the wall URL parameters', () => {
  it('has defaults for a bare ?mode=wall', () => {
    expect(parseWallParams('?mode=wall', DEFAULT_SOURCE)).toEqual({
      intervalSeconds: WALL_DEFAULTS.intervalSeconds, units: [], layers: ['points'], lang: null, source: DEFAULT_SOURCE,
      refreshSeconds: WALL_DEFAULTS.refreshSeconds, update: 'replace', range: '7d',
    });
  });
  it('reads every parameter', () => {
    const params = parseWallParams('?mode=wall&interval=30&units=331102,331121&layers=heatmap,coverage&lang=en&source=/feed/events.arrow&refresh=15&update=append&range=today', DEFAULT_SOURCE);
    expect(params).toEqual({ intervalSeconds: 30, units: ['331102', '331121'], layers: ['heatmap', 'coverage'], lang: 'en', source: '/feed/events.arrow', refreshSeconds: 15, update: 'append', range: 'today' });
  });
  const fallbacks: [string, Partial<ReturnType<typeof parseWallParams>>][] = [
    ['interval=abc', { intervalSeconds: WALL_DEFAULTS.intervalSeconds }],
    ['interval=-5', { intervalSeconds: WALL_DEFAULTS.intervalSeconds }],
    ['interval=0', { intervalSeconds: 0 }],
    ['interval=0.1', { intervalSeconds: WALL_DEFAULTS.minIntervalSeconds }],
    ['refresh=0', { refreshSeconds: 0 }],
    ['refresh=0.01', { refreshSeconds: WALL_DEFAULTS.minRefreshSeconds }],
    ['units=33,331102,abc,331102', { units: ['331102'] }],
    ['layers=satellite', { layers: ['points'] }],
    ['layers=points,,heatmap,x', { layers: ['points', 'heatmap'] }],
    ['lang=fr', { lang: null }],
    ['update=merge', { update: 'replace' }],
    ['range=year', { range: '7d' }],
    ['source=', { source: DEFAULT_SOURCE }],
  ];
  it.each(fallbacks)('falls back or clamps: %s', (query, expected) => {
    expect(parseWallParams(`?${query}`, DEFAULT_SOURCE)).toMatchObject(expected);
  });
});

describe('the source URL stays on the page origin', () => {
  const page = 'http://wall.local:8080/?mode=wall';
  it.each([
    ['/demo/events.arrow', 'http://wall.local:8080/demo/events.arrow'],
    ['feed/latest.arrow?x=1', 'http://wall.local:8080/feed/latest.arrow?x=1'],
    ['http://wall.local:8080/a.arrow', 'http://wall.local:8080/a.arrow'],
  ])('accepts %s', (source, href) => {
    expect(resolveSourceUrl(source, page).href).toBe(href);
  });
  it.each(['https://example.com/events.arrow', '//cdn.example.com/e.arrow', 'http://wall.local:9090/e.arrow'])('refuses %s', (source) => {
    expect(() => resolveSourceUrl(source, page)).toThrow(/must be on this page's origin/);
  });
});

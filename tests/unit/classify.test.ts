import { describe, expect, it } from 'vitest';
import { classOf, naturalBreaks, quantileBreaks } from '../../src/map/classify';
import { createChoropleth, fillColorExpression, type ChoroplethInput } from '../../src/map/choropleth';
import { NO_DATA_HEX, SEQUENTIAL_BLUE } from '../../src/map/palette';

const CLUSTERED = [1, 2, 3, 10, 11, 12, 30, 31, 32];

describe('quantileBreaks', () => {
  // Breaks are inclusive upper bounds (classOf puts a value equal to a break in the lower
  // class), so with n values and c classes each class should hold n/c of them.
  const cases: { name: string; values: (number | null)[]; classes: number; expected: number[] }[] = [
    { name: '1..10 into 5 classes: two values each', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], classes: 5, expected: [2, 4, 6, 8] },
    { name: '1..9 into 3 classes: three values each', values: [1, 2, 3, 4, 5, 6, 7, 8, 9], classes: 3, expected: [3, 6] },
    { name: 'five values into five classes: one each', values: [10, 20, 30, 40, 50], classes: 5, expected: [10, 20, 30, 40] },
    { name: 'unsorted, with nulls, NaN and Infinity ignored', values: [5, null, 1, Number.NaN, 3, Number.POSITIVE_INFINITY, 2, 4], classes: 5, expected: [1, 2, 3, 4] },
    { name: 'three values into five classes: three classes', values: [3, 1, 2], classes: 5, expected: [1, 2] },
    { name: 'ties: the break falls on the repeated value', values: [1, 1, 1, 1, 2], classes: 2, expected: [1] },
    { name: 'a single distinct value: one class', values: [7, 7, 7], classes: 5, expected: [] },
    { name: 'a single value: one class', values: [7], classes: 5, expected: [] },
    { name: 'empty input', values: [], classes: 5, expected: [] },
    { name: 'only nulls', values: [null, null], classes: 5, expected: [] },
    { name: 'one class asked for', values: [1, 2, 3], classes: 1, expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => { expect(quantileBreaks(c.values, c.classes)).toEqual(c.expected); });
  }
});

describe('naturalBreaks (Jenks)', () => {
  const cases: { name: string; values: (number | null)[]; classes: number; expected: number[] }[] = [
    { name: 'three clear clusters into 3 classes', values: CLUSTERED, classes: 3, expected: [3, 12] },
    { name: 'the same clusters shuffled, with nulls', values: [31, null, 2, 12, 30, 1, null, 11, 3, 32, 10], classes: 3, expected: [3, 12] },
    // SSE of the three 2-class splits: {1}{2,4,8} 18.67, {1,2}{4,8} 8.5, {1,2,4}{8} 4.67.
    { name: '[1,2,4,8] into 2: the lone 8 apart', values: [1, 2, 4, 8], classes: 2, expected: [4] },
    // SSE of the 3-class splits: {1,2}{4}{8} 0.5, {1}{2,4}{8} 2, {1}{2}{4,8} 8.
    { name: '[1,2,4,8] into 3', values: [8, 4, 2, 1], classes: 3, expected: [2, 4] },
    { name: 'two values: one break at the lower', values: [10, 0], classes: 5, expected: [0] },
    { name: 'fewer distinct values than classes: one class per value', values: [1, 1, 5, 5, 9], classes: 5, expected: [1, 5] },
    { name: 'a single distinct value', values: [7, 7, 7], classes: 5, expected: [] },
    { name: 'empty input', values: [], classes: 5, expected: [] },
    { name: 'only nulls', values: [null], classes: 3, expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => { expect(naturalBreaks(c.values, c.classes)).toEqual(c.expected); });
  }
});

describe('classOf', () => {
  const cases: [number, number[], number][] = [
    [-5, [3, 12], 0],
    [3, [3, 12], 0], // equal to a break: still the lower class
    [3.0001, [3, 12], 1],
    [12, [3, 12], 1],
    [12.5, [3, 12], 2],
    [1000, [3, 12], 2],
    [42, [], 0],
  ];
  for (const [value, breaks, expected] of cases) {
    it(`${value} with breaks [${breaks.join(', ')}] → class ${expected}`, () => { expect(classOf(value, breaks)).toBe(expected); });
  }
});

const [B0, B1, B2, B3, B4] = SEQUENTIAL_BLUE as [string, string, string, string, string];

describe('createChoropleth', () => {
  it('quantiles: every unit with data gets its class colour, the others NO_DATA_HEX and no class', () => {
    const rows: ChoroplethInput[] = [
      { code: 'a', value: 10, insufficient: false },
      { code: 'b', value: 50, insufficient: false },
      { code: 'c', value: null, insufficient: false },
      { code: 'd', value: 30, insufficient: false },
      // Too little data: its value must neither be drawn nor move the breaks.
      { code: 'e', value: 1000, insufficient: true },
      { code: 'f', value: 20, insufficient: false },
      { code: 'g', value: 40, insufficient: false },
      { code: 'h', value: Number.NaN, insufficient: false },
      { code: 'i', value: null, insufficient: true },
    ];
    const result = createChoropleth(rows, SEQUENTIAL_BLUE, 'quantile');
    expect(result.breaks).toEqual([10, 20, 30, 40]);
    expect(result.palette).toEqual(SEQUENTIAL_BLUE);
    expect(Object.fromEntries(result.colors)).toEqual({ a: B0, f: B1, d: B2, g: B3, b: B4, c: NO_DATA_HEX, e: NO_DATA_HEX, h: NO_DATA_HEX, i: NO_DATA_HEX });
    expect(result.noDataCount).toBe(4);
  });

  it('Jenks: three clusters into a 3-colour palette', () => {
    const palette = ['#c0', '#c1', '#c2'];
    const rows: ChoroplethInput[] = CLUSTERED.map((value) => ({ code: `u${value}`, value, insufficient: false }));
    rows.push({ code: 'none', value: null, insufficient: false }, { code: 'few', value: 100, insufficient: true });
    const result = createChoropleth(rows, palette, 'jenks');
    expect(result.breaks).toEqual([3, 12]);
    expect(result.palette).toEqual(palette);
    expect(Object.fromEntries(result.colors)).toEqual({
      u1: '#c0', u2: '#c0', u3: '#c0', u10: '#c1', u11: '#c1', u12: '#c1', u30: '#c2', u31: '#c2', u32: '#c2', none: NO_DATA_HEX, few: NO_DATA_HEX,
    });
    expect(result.noDataCount).toBe(2);
  });

  for (const method of ['quantile', 'jenks'] as const) {
    it(`${method}: a single distinct value is one class in the first colour`, () => {
      const rows: ChoroplethInput[] = [{ code: 'a', value: 7, insufficient: false }, { code: 'b', value: 7, insufficient: false }];
      const result = createChoropleth(rows, SEQUENTIAL_BLUE, method);
      expect(result.breaks).toEqual([]);
      expect(result.palette).toEqual([B0]);
      expect(Object.fromEntries(result.colors)).toEqual({ a: B0, b: B0 });
      expect(result.noDataCount).toBe(0);
    });

    it(`${method}: empty input`, () => {
      const result = createChoropleth([], SEQUENTIAL_BLUE, method);
      expect(result).toEqual({ breaks: [], narrow: false, range: null, palette: [B0], colors: new Map(), noDataCount: 0 });
    });

    it(`${method}: no unit has data`, () => {
      const rows: ChoroplethInput[] = [{ code: 'a', value: null, insufficient: false }, { code: 'b', value: 3, insufficient: true }];
      const result = createChoropleth(rows, SEQUENTIAL_BLUE, method);
      expect(result.breaks).toEqual([]);
      expect(Object.fromEntries(result.colors)).toEqual({ a: NO_DATA_HEX, b: NO_DATA_HEX });
      expect(result.noDataCount).toBe(2);
    });

    // The legend draws one swatch per palette colour; each must be a class some unit can be in,
    // and the highest value must get the last (darkest) colour shown.
    const sets: number[][] = [
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 20, 30, 40, 50], [1, 2, 3], [5, 5, 5, 9], CLUSTERED, [0.1, 0.2, 0.25, 0.9, 0.95, 0.97, 0.99],
      [1, 1, 1, 1, 1, 1, 1, 1, 5, 5], [3, 8], Array.from({ length: 37 }, (_, i) => (i * 7919) % 101),
    ];
    for (const values of sets) {
      it(`${method}: [${values.slice(0, 10).join(', ')}${values.length > 10 ? ', …' : ''}] returns breaks + 1 colours, each used`, () => {
        const rows: ChoroplethInput[] = values.map((value, i) => ({ code: `u${i}`, value, insufficient: false }));
        const result = createChoropleth(rows, SEQUENTIAL_BLUE, method);
        expect(result.palette).toEqual(SEQUENTIAL_BLUE.slice(0, result.breaks.length + 1));
        expect(result.breaks.length).toBeLessThanOrEqual(SEQUENTIAL_BLUE.length - 1);
        expect(new Set(result.colors.values())).toEqual(new Set(result.palette));
        const max = Math.max(...values);
        expect(result.colors.get(`u${values.indexOf(max)}`)).toBe(result.palette[result.palette.length - 1]);
      });
    }
  }
});

describe('fillColorExpression', () => {
  it('is a maplibre match on the code property, in insertion order, ending with the fallback', () => {
    const colors = new Map([['331102', '#111111'], ['331121', '#222222']]);
    expect(fillColorExpression(colors, NO_DATA_HEX)).toEqual(['match', ['get', 'code'], '331102', '#111111', '331121', '#222222', '#d0d0d0']);
  });

  it('is just the fallback colour when there are no units (match needs at least one label)', () => {
    expect(fillColorExpression(new Map(), '#abcdef')).toBe('#abcdef');
  });

  it('carries a choropleth through unchanged', () => {
    const result = createChoropleth([{ code: 'x', value: 1, insufficient: false }, { code: 'y', value: null, insufficient: false }], ['#0'], 'quantile');
    expect(fillColorExpression(result.colors, 'transparent')).toEqual(['match', ['get', 'code'], 'x', '#0', 'y', NO_DATA_HEX, 'transparent']);
  });
});

describe('colour that tells the truth', () => {
  const units = (values: number[]): ChoroplethInput[] => values.map((value, i) => ({ code: `u${i}`, value, insufficient: false }));

  it('a spread of 4.1–4.3 h is narrow: two light colours, distinct rounded breaks', () => {
    const result = createChoropleth(units([4.11, 4.14, 4.17, 4.19, 4.22, 4.24, 4.27, 4.29]), SEQUENTIAL_BLUE, 'quantile', { step: 0.1 });
    expect(result.narrow).toBe(true);
    expect(result.palette).toEqual([B0, B1]);
    expect(result.breaks).toEqual([4.2]);
    expect(new Set(result.colors.values())).toEqual(new Set([B0, B1]));
    expect(result.range).toEqual([4.11, 4.29]);
  });

  it('a wide spread keeps its classes, with breaks rounded to the display step and never repeated', () => {
    const result = createChoropleth(units([1.04, 1.06, 2.33, 2.36, 5.51, 5.55, 9.12, 12.48, 20.01, 30.77]), SEQUENTIAL_BLUE, 'quantile', { step: 0.1 });
    expect(result.narrow).toBe(false);
    for (const b of result.breaks) expect(Math.abs(b * 10 - Math.round(b * 10))).toBeLessThan(1e-9);
    expect(new Set(result.breaks).size).toBe(result.breaks.length);
    expect(result.breaks).toEqual([...result.breaks].sort((a, b) => a - b));
  });

  it('breaks that round to the same number become one', () => {
    const result = createChoropleth(units([1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 9, 10]), SEQUENTIAL_BLUE, 'quantile', { step: 0.1, narrowShare: 0 });
    // Quantile breaks 1.02 and 1.04 both round to 1.0: one break, then 1.05 → 1.1 and 9.
    expect(result.breaks).toEqual([1, 1.1, 9]);
  });

  it('rates are judged in points, not against their size: 88–95 % is not narrow', () => {
    const result = createChoropleth(units([0.88, 0.9, 0.91, 0.93, 0.95]), SEQUENTIAL_BLUE, 'quantile', { step: 0.001, narrowShare: 0 });
    expect(result.narrow).toBe(false);
    expect(result.palette.length).toBeGreaterThan(2);
  });
});

describe('rates that cannot be told apart', () => {
  it('are drawn narrow whatever the spread of their points', () => {
    const rows: ChoroplethInput[] = [0.902, 0.904, 0.91, 0.918, 0.926].map((value, i) => ({ code: `u${i}`, value, insufficient: false }));
    expect(createChoropleth(rows, SEQUENTIAL_BLUE, 'quantile', { step: 0.001, narrowShare: 0 }).narrow).toBe(false);
    const result = createChoropleth(rows, SEQUENTIAL_BLUE, 'quantile', { step: 0.001, narrowShare: 0, indistinguishable: true });
    expect(result.narrow).toBe(true);
    expect(result.palette).toEqual([B0, B1]);
  });
});

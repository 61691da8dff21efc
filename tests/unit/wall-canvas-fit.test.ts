import { describe, expect, it } from 'vitest';
import { fitCanvas } from '../../src/ui/wall/canvas-fit';

describe('fitting the wall canvas to a screen', () => {
  const cases: [string, number, number, { width: number; scale: number; left: number; top: number }][] = [
    ['full HD: the design canvas as is', 1920, 1080, { width: 1920, scale: 1, left: 0, top: 0 }],
    ['4K: the same canvas, twice the size', 3840, 2160, { width: 1920, scale: 2, left: 0, top: 0 }],
    ['three screens in a row: the canvas widens, no bars', 5760, 1080, { width: 5760, scale: 1, left: 0, top: 0 }],
    ['21:9: widened to the screen', 2560, 1080, { width: 2560, scale: 1, left: 0, top: 0 }],
    ['wider than three screens: widest canvas, bars left and right', 7680, 1080, { width: 5760, scale: 1, left: 960, top: 0 }],
    ['4:3: letterboxed above and below', 1600, 1200, { width: 1920, scale: 1600 / 1920, left: 0, top: 150 }],
    ['a small laptop window at 16:10', 1440, 900, { width: 1920, scale: 0.75, left: 0, top: 45 }],
  ];
  it.each(cases)('%s', (_name, width, height, expected) => {
    const fit = fitCanvas(width, height);
    expect(fit.width).toBe(expected.width);
    expect(fit.height).toBe(1080);
    expect(fit.scale).toBeCloseTo(expected.scale, 9);
    expect(fit.left).toBeCloseTo(expected.left, 6);
    expect(fit.top).toBeCloseTo(expected.top, 6);
    // The scaled canvas never exceeds the screen.
    expect(fit.left * 2 + fit.width * fit.scale).toBeLessThanOrEqual(width + 1e-6);
    expect(fit.top * 2 + fit.height * fit.scale).toBeLessThanOrEqual(height + 1e-6);
  });
  it.each([[0, 1080], [1920, -1], [Number.NaN, 1080]])('refuses a viewport of %s×%s', (w, h) => {
    expect(() => fitCanvas(w, h)).toThrow(/Invalid viewport/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDuration, formatNumber, formatPer10k, formatPercent, formatValue } from '../../src/domain/format';

describe('numbers as text', () => {
  it('groups thousands and keeps or drops trailing zeros by style', () => {
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber(1234567, 1, 'short')).toBe('1,234,567');
    expect(formatNumber(12.5, 3, 'short')).toBe('12.5');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatCount(12345.6)).toBe('12,346');
    expect(formatCount(null)).toBe('—');
  });

  it('writes shares as percentages and per-10k values with one decimal', () => {
    expect(formatPercent(0.85)).toBe('85.0%');
    expect(formatPercent(0.85, 'short')).toBe('85%');
    expect(formatPercent(0.8534, 'short')).toBe('85.3%');
    expect(formatPer10k(12.04, 'short')).toBe('12');
    expect(formatPer10k(12.04)).toBe('12.0');
  });
});

describe('durations', () => {
  it('stay in hours up to 48 h and turn to days above', () => {
    expect(formatDuration(12.5, 'zh')).toBe('12.5 h');
    expect(formatDuration(48, 'en')).toBe('48.0 h');
    expect(formatDuration(84, 'zh')).toBe('3.5 天');
    expect(formatDuration(84, 'en')).toBe('3.5 days');
    expect(formatDuration(49, 'en', { style: 'short' })).toBe('2 days');
    expect(formatDuration(6, 'zh', { style: 'short', hourWord: '小时' })).toBe('6 小时');
    expect(formatDuration(null, 'zh')).toBe('—');
  });

  it('show a change of duration signed, in days above 48 h', () => {
    expect(formatChange('hours', 0.04, 'en')).toBe('0.0 h');
    expect(formatChange('hours', 3.26, 'zh')).toBe('+3.3 h');
    expect(formatChange('hours', -60, 'en')).toBe('-2.5 days');
    expect(formatChange('hours', 72, 'zh')).toBe('+3.0 天');
  });

  it('are chosen by a value\'s unit', () => {
    expect(formatValue('hours', 100, 'en')).toBe('4.2 days');
    expect(formatValue('ratio', 0.5, 'zh')).toBe('50.0%');
    expect(formatValue('count', 3.25, 'zh', 1)).toBe('3.3');
    expect(formatValue('count', 3.25, 'zh')).toBe('3');
  });
});

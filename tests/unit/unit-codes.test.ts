import { describe, expect, it } from 'vitest';
import { checkUnitCode, isUnitCode, parentUnitCode, UNIT_CODE_LENGTH, UNIT_PREFIX_LENGTH, unitCodeLevel, unitPrefix, unitPrefixRange } from '../../src/domain/unit-codes';
import { UNIT_LEVELS } from '../../src/domain/units';

describe('unit codes', () => {
  it('accepts 6, 9, 12 and 15 digits and nothing else', () => {
    for (const code of ['331100', '331102', '331102001', '331102001001', '331102001001001']) expect(isUnitCode(code)).toBe(true);
    for (const code of ['', '33110', '3311020', '3311020011', '33110a', '331102001001001001', ' 331100']) expect(isUnitCode(code)).toBe(false);
    expect(() => checkUnitCode('33110', '--unit')).toThrow('Invalid --unit "33110": expected 6, 9, 12 or 15 digits');
  });

  it('names the level from the length, a city by its trailing 00', () => {
    expect(['331100', '331102', '331102001', '331102001002', '331102001002003'].map(unitCodeLevel)).toEqual(['city', 'county', 'township', 'community', 'grid']);
    expect(unitCodeLevel('G12')).toBeNull();
  });

  it('gives the parent by the code\'s shape: a county\'s city replaces its last two digits by 00', () => {
    expect(parentUnitCode('331102001002003')).toBe('331102001002');
    expect(parentUnitCode('331102001002')).toBe('331102001');
    expect(parentUnitCode('331102001')).toBe('331102');
    expect(parentUnitCode('331102')).toBe('331100');
    expect(parentUnitCode('331100')).toBeNull();
  });

  it('shares the city\'s 4-digit prefix with its counties and a unit\'s own code below', () => {
    expect(unitPrefix('331100')).toBe('3311');
    expect(unitPrefix('330000')).toBe('33');
    expect(unitPrefix('331102')).toBe('331102');
    expect(unitPrefix('331102001')).toBe('331102001');
    expect(() => unitPrefix('3311')).toThrow(/Invalid unit code/);
  });

  it('bounds the codes under a unit by a half-open range that a sibling falls outside', () => {
    expect(unitPrefixRange('331100')).toEqual({ from: '3311', to: '3312' });
    const { from, to } = unitPrefixRange('331102009');
    // The character after '9' is ':', so the range ends right after the last code under 331102009.
    expect(to).toBe('33110200:');
    expect('331102009999999' >= from && '331102009999999' < to).toBe(true);
    expect('331102010000001' < to).toBe(false);
  });

  it('has a code length and a prefix length for every level, the prefix the code except for the city', () => {
    for (const level of UNIT_LEVELS) expect(UNIT_PREFIX_LENGTH[level]).toBe(level === 'city' ? UNIT_CODE_LENGTH[level] - 2 : UNIT_CODE_LENGTH[level]);
  });
});

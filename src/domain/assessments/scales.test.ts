import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLevels, isAtOrAbove, levelFromPercentile, levelMatches, levelOptions, levelsOf, normalizeLevel, parseLevel } from './scales';

describe('levelsOf / levelOptions', () => {
  it('lists the main levels best first', () => {
    expect(levelsOf('AE')).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(levelsOf('IV')).toEqual(['I', 'II', 'III', 'IV', 'V']);
  });
  it('lists the sub-levels of I–V in their place', () => {
    expect(levelOptions('IV')).toEqual(['I+', 'I', 'II', 'III', 'IV', 'V', 'V-']);
    expect(levelOptions('AE')).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('parseLevel', () => {
  it.each([
    ['I+', { main: 'I', sub: '+', rank: 0 }],
    ['i', { main: 'I', sub: null, rank: 0 }],
    [' III ', { main: 'III', sub: null, rank: 2 }],
    ['iv', { main: 'IV', sub: null, rank: 3 }],
    ['V-', { main: 'V', sub: '-', rank: 4 }],
    ['V−', { main: 'V', sub: '-', rank: 4 }],
    ['v', { main: 'V', sub: null, rank: 4 }],
  ])('reads %j on I–V', (input, expected) => {
    expect(parseLevel('IV', input)).toEqual(expected);
  });

  it.each(['a', 'A', ' e '])('reads %j on A–E', (input) => {
    expect(parseLevel('AE', input)?.main).toBe(input.trim().toUpperCase());
  });

  it.each(['', 'VI', 'II+', 'III-', 'I-', 'V+', 'A', '3', 'I++', 'I I'])('refuses %j on I–V', (input) => {
    expect(parseLevel('IV', input)).toBeNull();
  });

  it.each(['F', 'A+', 'E-', 'I', 'AB', '1'])('refuses %j on A–E', (input) => {
    expect(parseLevel('AE', input)).toBeNull();
  });

  it('normalizes to the canonical spelling', () => {
    expect(normalizeLevel('IV', ' i+ ')).toBe('I+');
    expect(normalizeLevel('IV', 'v-')).toBe('V-');
    expect(normalizeLevel('AE', 'c')).toBe('C');
    expect(normalizeLevel('AE', 'III')).toBeNull();
  });
});

describe('levelFromPercentile', () => {
  it.each([
    [100, 'A'], [75, 'A'], [74.9, 'B'], [50, 'B'], [49, 'C'], [25, 'C'], [24, 'D'], [10, 'D'], [9.99, 'E'], [0, 'E'],
  ])('A–E: %d → %s', (pct, level) => expect(levelFromPercentile('AE', pct)).toBe(level));

  it.each([
    [99, 'I+'], [90, 'I+'], [89, 'I'], [80, 'I'], [79, 'II'], [60, 'II'], [59, 'III'], [40, 'III'], [39, 'IV'],
    [20, 'IV'], [19, 'V'], [10, 'V'], [9, 'V-'], [0, 'V-'],
  ])('I–V: %d → %s', (pct, level) => expect(levelFromPercentile('IV', pct)).toBe(level));

  it('has the published band widths (A–E 25/25/25/15/10 %, I–V 20 % each)', () => {
    const count = (scale: 'AE' | 'IV') => {
      const n = new Map<string, number>();
      for (let p = 0; p < 100; p++) {
        const main = parseLevel(scale, levelFromPercentile(scale, p))!.main;
        n.set(main, (n.get(main) ?? 0) + 1);
      }
      return Object.fromEntries(n);
    };
    expect(count('AE')).toEqual({ A: 25, B: 25, C: 25, D: 15, E: 10 });
    expect(count('IV')).toEqual({ I: 20, II: 20, III: 20, IV: 20, V: 20 });
  });

  it('never gives a better level for a lower percentile', () => {
    fc.assert(
      fc.property(fc.constantFrom('AE' as const, 'IV' as const), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (scale, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(compareLevels(scale, levelFromPercentile(scale, hi), levelFromPercentile(scale, lo))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('compareLevels / isAtOrAbove', () => {
  it('compares by main level', () => {
    expect(compareLevels('IV', 'I', 'III')).toBeLessThan(0);
    expect(compareLevels('IV', 'V', 'IV')).toBeGreaterThan(0);
    expect(compareLevels('IV', 'I+', 'I')).toBe(0);
    expect(compareLevels('IV', 'V-', 'V')).toBe(0);
    expect(compareLevels('AE', 'A', 'E')).toBe(-4);
  });
  it('sorts a level not on the scale last', () => {
    expect(compareLevels('IV', 'X', 'V')).toBeGreaterThan(0);
    expect(compareLevels('AE', 'E', 'III')).toBeLessThan(0);
  });
  it('answers "III or higher"', () => {
    expect(['I+', 'I', 'II', 'III'].every((l) => isAtOrAbove('IV', l, 'III'))).toBe(true);
    expect(['IV', 'V', 'V-'].some((l) => isAtOrAbove('IV', l, 'III'))).toBe(false);
    expect(isAtOrAbove('AE', 'C', 'C')).toBe(true);
    expect(isAtOrAbove('AE', 'D', 'C')).toBe(false);
    expect(isAtOrAbove('IV', 'nonsense', 'V')).toBe(false);
    expect(isAtOrAbove('IV', 'I', 'nonsense')).toBe(false);
  });
});

describe('levelMatches', () => {
  it('a main-level pattern matches its sub-levels, a sub-level pattern only itself', () => {
    expect(levelMatches('IV', 'V-', 'V')).toBe(true);
    expect(levelMatches('IV', 'V', 'V-')).toBe(false);
    expect(levelMatches('IV', 'I+', 'I+')).toBe(true);
    expect(levelMatches('IV', 'I', 'I+')).toBe(false);
    expect(levelMatches('IV', 'V', 'E')).toBe(false);
    expect(levelMatches('AE', 'E', 'E')).toBe(true);
  });
});
